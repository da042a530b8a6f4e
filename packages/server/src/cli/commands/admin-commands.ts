import { ROLES, isRole, type Role } from '@crosscheck/core';
import { InvalidArgumentError, type Command } from 'commander';
import { memberCode } from '../options.js';
import { createKey, listKeys, revokeKey } from '../../app/manage-keys.js';
import { addMember, listMembers, setMemberSuspended } from '../../app/manage-members.js';
import { addUser, disableUser, listUsers } from '../../app/manage-users.js';
import { unlockLogin } from '../../app/unlock-login.js';
import { migrateToLatest } from '../../store/migrate.js';
import { cliCtx, configFrom, withDeps, type DbOption } from '../context.js';
import { openDatabase } from '../../store/database.js';
import { seedMembers } from '../../app/seed-members.js';

const role = (value: string): Role => {
  if (!isRole(value)) throw new InvalidArgumentError(`one of ${ROLES.join(', ')}`);
  return value;
};
const print = (rows: Record<string, unknown>[], columns: string[]): void => {
  for (const r of rows) process.stdout.write(`${columns.map((c) => String(r[c] ?? '-')).join('\t')}\n`);
};

export function adminCommands(program: Command): void {
  const members = program.command('members').description('members: countries and organisations');
  members.command('list').option('--db <path>', 'SQLite file').action((o: DbOption) =>
    withDeps(o, async (deps) => print((await listMembers(deps, cliCtx(deps.operator, 'admin'))).items as never, ['code', 'kind', 'status', 'name'])),
  );
  members
    .command('add <code> <name>')
    .option('--kind <kind>', 'country or organisation', 'country')
    .option('--db <path>', 'SQLite file')
    .action((code: string, name: string, o: DbOption & { kind: string }) =>
      withDeps(o, async (deps) => {
        const m = await addMember(deps, cliCtx(deps.operator, 'admin'), { code: code.toUpperCase(), name, kind: o.kind });
        process.stdout.write(`added ${m.code} ${m.name}\n`);
      }),
    );
  for (const [verb, suspended] of [['suspend', true], ['reinstate', false]] as const) {
    members
      .command(`${verb} <code>`)
      .option('--db <path>', 'SQLite file')
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
    .requiredOption('--member <code>', 'the member the key acts for', memberCode)
    .requiredOption('--role <role>', 'bureau, frontline, reviewer, analyst, auditor or admin', role)
    .option('--label <text>', 'what the key is for')
    .option('--db <path>', 'SQLite file')
    .action((o: DbOption & { member: string; role: Role; label?: string }) =>
      withDeps(o, async (deps) => {
        const k = await createKey(deps, cliCtx(deps.operator, 'admin'), { member: o.member, role: o.role, ...(o.label ? { label: o.label } : {}) });
        process.stdout.write(`key ${k.id} for ${k.member} ${k.role}; it is shown only now:\n${k.key}\n`);
      }),
    );
  keys.command('list').option('--member <code>', 'only this member', memberCode).option('--db <path>', 'SQLite file').action((o: DbOption & { member?: string }) =>
    withDeps(o, async (deps) => print((await listKeys(deps, cliCtx(deps.operator, 'admin'), { member: o.member })).items as never, ['id', 'member', 'role', 'label', 'createdAt', 'revokedAt'])),
  );
  keys.command('revoke <id>').option('--db <path>', 'SQLite file').action((id: string, o: DbOption) =>
    withDeps(o, async (deps) => {
      await revokeKey(deps, cliCtx(deps.operator, 'admin'), id);
      process.stdout.write(`revoked ${id}\n`);
    }),
  );

  const users = program.command('users').description('people who log in to the web application');
  users
    .command('add <username>')
    .requiredOption('--member <code>', 'member', memberCode)
    .requiredOption('--role <role>', 'role', role)
    .option('--password <password>', 'the password (default: read one line from standard input)')
    .option('--db <path>', 'SQLite file')
    .action(async (username: string, o: DbOption & { member: string; role: Role; password?: string }) => {
      const password = o.password ?? (await readStdinLine());
      await withDeps(o, async (deps) => {
        const u = await addUser(deps, cliCtx(deps.operator, 'admin'), { username, member: o.member, role: o.role, password });
        process.stdout.write(`added ${u.username} (${u.member} ${u.role})\n`);
      });
    });
  users.command('list').option('--member <code>', 'only this member', memberCode).option('--db <path>', 'SQLite file').action((o: DbOption & { member?: string }) =>
    withDeps(o, async (deps) => print((await listUsers(deps, cliCtx(deps.operator, 'admin'), { member: o.member })).items as never, ['username', 'member', 'role', 'disabled'])),
  );
  users.command('disable <username>').option('--db <path>', 'SQLite file').action((username: string, o: DbOption) =>
    withDeps(o, async (deps) => {
      await disableUser(deps, cliCtx(deps.operator, 'admin'), username);
      process.stdout.write(`disabled ${username}\n`);
    }),
  );
  users.command('unlock <username>').description('lift the login lockout of a user after failed logins').option('--db <path>', 'SQLite file').action((username: string, o: DbOption) =>
    withDeps(o, async (deps) => {
      const lifted = await unlockLogin(deps, cliCtx(deps.operator, 'admin'), username);
      process.stdout.write(lifted.wasLocked ? `lifted the lockout of ${lifted.username} (${lifted.failures} failed logins forgotten)\n` : `${lifted.username} was not locked out (${lifted.failures} failed logins forgotten)\n`);
    }),
  );

  program
    .command('db')
    .description('database maintenance')
    .command('migrate')
    .option('--db <path>', 'SQLite file')
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
