import { ROLES, isRole, type Role } from '@crosscheck/core';
import { InvalidArgumentError, type Command } from 'commander';
import { DB_HELP, memberCode } from '../options.js';
import { formatTable, type Column } from '../table.js';
import { approveKey, createKey, listKeys, revokeKey } from '../../app/manage-keys.js';
import { addMember, listMembers, setMemberSuspended } from '../../app/manage-members.js';
import { addUser, approveUser, disableUser, listUsers } from '../../app/manage-users.js';
import { unlockLogin } from '../../app/unlock-login.js';
import { migrateToLatest } from '../../store/migrate.js';
import { cliCtx, configFrom, withDeps, type DbOption } from '../context.js';
import { openDatabase } from '../../store/database.js';
import { seedMembers } from '../../app/seed-members.js';

const role = (value: string): Role => {
  if (!isRole(value)) throw new InvalidArgumentError(`one of ${ROLES.join(', ')}`);
  return value;
};
const print = (rows: readonly object[], columns: readonly Column[]): void => {
  process.stdout.write(formatTable(rows as Record<string, unknown>[], columns));
};
const MEMBER_COLUMNS: Column[] = [
  { key: 'code', label: 'CODE' },
  { key: 'kind', label: 'KIND' },
  { key: 'status', label: 'STATUS' },
  { key: 'name', label: 'NAME' },
];
const KEY_COLUMNS: Column[] = [
  { key: 'id', label: 'ID' },
  { key: 'member', label: 'MEMBER' },
  { key: 'role', label: 'ROLE' },
  { key: 'label', label: 'LABEL' },
  { key: 'createdAt', label: 'CREATED' },
  { key: 'revokedAt', label: 'REVOKED' },
  { key: 'status', label: 'STATUS' },
];
const USER_COLUMNS: Column[] = [
  { key: 'username', label: 'USERNAME' },
  { key: 'member', label: 'MEMBER' },
  { key: 'role', label: 'ROLE' },
  { key: 'disabled', label: 'DISABLED' },
  { key: 'status', label: 'STATUS' },
];
const ROLE_HELP = `the role: ${ROLES.join(', ')}`;

export function adminCommands(program: Command): void {
  const members = program.command('members').description('members: countries and organisations');
  members
    .command('list')
    .description('list every member: code, kind, status and name')
    .option('--db <path>', DB_HELP)
    .action((o: DbOption) => withDeps(o, async (deps) => print((await listMembers(deps, cliCtx(deps.operator, 'admin'))).items, MEMBER_COLUMNS)));
  members
    .command('add')
    .description('add a member (a country or an organisation) that may own and see alerts')
    .argument('<code>', 'its three-letter code, e.g. EUP')
    .argument('<name>', 'its name')
    .option('--kind <kind>', 'country or organisation', 'country')
    .option('--db <path>', DB_HELP)
    .action((code: string, name: string, o: DbOption & { kind: string }) =>
      withDeps(o, async (deps) => {
        const m = await addMember(deps, cliCtx(deps.operator, 'admin'), { code: code.toUpperCase(), name, kind: o.kind });
        process.stdout.write(`added ${m.code} ${m.name}\n`);
      }),
    );
  for (const [verb, suspended] of [['suspend', true], ['reinstate', false]] as const) {
    members
      .command(verb)
      .description(suspended ? "suspend a member: its keys and sessions stop working, its alerts stay" : 'let a suspended member work again')
      .argument('<code>', "the member's three-letter code")
      .option('--db <path>', DB_HELP)
      .action((code: string, o: DbOption) =>
        withDeps(o, async (deps) => {
          const m = await setMemberSuspended(deps, cliCtx(deps.operator, 'admin'), memberCode(code), suspended);
          process.stdout.write(`${m.code} is ${m.status}\n`);
        }),
      );
  }

  const keys = program.command('keys').description('API keys for systems');
  keys
    .command('create')
    .description('create an API key for a system; the key is printed once, as the last line')
    .requiredOption('--member <code>', 'the member the key acts for', memberCode)
    .requiredOption('--role <role>', ROLE_HELP, role)
    .option('--label <text>', 'what the key is for')
    .option('--db <path>', DB_HELP)
    .action((o: DbOption & { member: string; role: Role; label?: string }) =>
      withDeps(o, async (deps) => {
        const k = await createKey(deps, cliCtx(deps.operator, 'admin'), { member: o.member, role: o.role, ...(o.label ? { label: o.label } : {}) });
        process.stdout.write(`key ${k.id} for ${k.member} ${k.role}; it is shown only now:\n${k.key}\n`);
      }),
    );
  keys
    .command('list')
    .description('list API keys (never their secrets) with their status')
    .option('--member <code>', 'only this member', memberCode)
    .option('--db <path>', DB_HELP)
    .action((o: DbOption & { member?: string }) => withDeps(o, async (deps) => print((await listKeys(deps, cliCtx(deps.operator, 'admin'), { member: o.member })).items, KEY_COLUMNS)));
  keys.command('approve').description("make a key another administrator asked for usable (the operator's approval)").argument('<id>', 'the key id (the first column of "keys list")').option('--db <path>', DB_HELP).action((id: string, o: DbOption) =>
    withDeps(o, async (deps) => {
      const k = await approveKey(deps, cliCtx(deps.operator, 'admin'), id);
      process.stdout.write(`approved ${k.id} (${k.member} ${k.role}, asked for by ${k.requestedBy ?? 'unknown'})\n`);
    }),
  );
  keys.command('revoke').description('revoke an API key at once').argument('<id>', 'the key id (the first column of "keys list")').option('--db <path>', DB_HELP).action((id: string, o: DbOption) =>
    withDeps(o, async (deps) => {
      await revokeKey(deps, cliCtx(deps.operator, 'admin'), id);
      process.stdout.write(`revoked ${id}\n`);
    }),
  );

  const users = program.command('users').description('people who log in to the web application');
  users
    .command('add')
    .description('add a person who logs in to the web application')
    .argument('<username>', 'the name they log in with')
    .requiredOption('--member <code>', 'the member they work for', memberCode)
    .requiredOption('--role <role>', ROLE_HELP, role)
    .option('--password <password>', 'the password (default: read one line from standard input)')
    .option('--db <path>', DB_HELP)
    .action(async (username: string, o: DbOption & { member: string; role: Role; password?: string }) => {
      const password = o.password ?? (await readStdinLine());
      await withDeps(o, async (deps) => {
        const u = await addUser(deps, cliCtx(deps.operator, 'admin'), { username, member: o.member, role: o.role, password });
        process.stdout.write(`added ${u.username} (${u.member} ${u.role})\n`);
      });
    });
  users
    .command('list')
    .description('list users with their member, role and status')
    .option('--member <code>', 'only this member', memberCode)
    .option('--db <path>', DB_HELP)
    .action((o: DbOption & { member?: string }) => withDeps(o, async (deps) => print((await listUsers(deps, cliCtx(deps.operator, 'admin'), { member: o.member })).items, USER_COLUMNS)));
  users.command('approve').description("let a user another administrator asked for log in (the operator's approval)").argument('<username>', 'the user name').option('--db <path>', DB_HELP).action((username: string, o: DbOption) =>
    withDeps(o, async (deps) => {
      const u = await approveUser(deps, cliCtx(deps.operator, 'admin'), username);
      process.stdout.write(`approved ${u.username} (${u.member} ${u.role}, asked for by ${u.requestedBy ?? 'unknown'})\n`);
    }),
  );
  users.command('disable').description('stop a user from logging in and end their sessions').argument('<username>', 'the user name').option('--db <path>', DB_HELP).action((username: string, o: DbOption) =>
    withDeps(o, async (deps) => {
      await disableUser(deps, cliCtx(deps.operator, 'admin'), username);
      process.stdout.write(`disabled ${username}\n`);
    }),
  );
  users.command('unlock').description('lift the login lockout of a user after failed logins').argument('<username>', 'the user name').option('--db <path>', DB_HELP).action((username: string, o: DbOption) =>
    withDeps(o, async (deps) => {
      const lifted = await unlockLogin(deps, cliCtx(deps.operator, 'admin'), username);
      process.stdout.write(lifted.wasLocked ? `lifted the lockout of ${lifted.username} (${lifted.failures} failed logins forgotten)\n` : `${lifted.username} was not locked out (${lifted.failures} failed logins forgotten)\n`);
    }),
  );

  program
    .command('db')
    .description('database maintenance')
    .command('migrate')
    .option('--db <path>', DB_HELP)
    .description('create the database if needed, bring its schema up to date and add missing reference members')
    .action(async (o: DbOption) => {
      const database = await openDatabase(configFrom(o).storage.database);
      let applied: string[];
      try {
        applied = await migrateToLatest(database.db, database.engine);
      } finally {
        await database.close();
      }
      await withDeps(o, async (deps) => {
        const added = await seedMembers(deps);
        process.stdout.write(applied.length > 0 ? `applied ${applied.join(', ')}\n` : 'the schema is up to date\n');
        if (added > 0) process.stdout.write(`added ${added} reference members\n`);
      });
    });
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) {
    chunks.push(c as Buffer);
    if (Buffer.concat(chunks).includes(10) || Buffer.concat(chunks).length > 1000) break;
  }
  return Buffer.concat(chunks).toString('utf8').split('\n')[0]!.replace(/\r$/, '');
}
