import { Command, InvalidArgumentError } from 'commander';
import { serve } from '../main.js';
import { adminCommands } from './commands/admin-commands.js';
import { dataCommands } from './commands/data-commands.js';
import { auditCommands } from './commands/audit-commands.js';
import { backupCommands } from './commands/backup-commands.js';
import { importCommands } from './commands/import-commands.js';
import { screenCommand } from './commands/screen-command.js';
import { mrzCommand } from './commands/mrz-command.js';
import { namesCommand } from './commands/names-command.js';
import { replicaCommand } from './commands/replica-command.js';
import { configFrom, reportError, stopOnSignals, type DbOption } from './context.js';

const port = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number from 0 to 65535');
  return n;
};

const program = new Command('crosscheck')
  .description('crosscheck: shared police alerts and real-time screening')
  .showHelpAfterError()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

program
  .command('serve')
  .description('run the HTTP API and web page')
  .option('--port <n>', 'port (default: PORT or 8080)', port)
  .option('--demo', 'on a database without keys, create demo keys, users and alerts and print them')
  .option('--db <path>', 'SQLite file (default: DATABASE_URL, then ./data/crosscheck.db)')
  .action(async (o: DbOption & { port?: number; demo?: boolean }) => {
    const config = configFrom(o);
    const running = await serve(config, { demo: o.demo === true });
    if (running.demo) {
      process.stdout.write('\nDemo credentials (shown once; stored only as hashes):\n');
      for (const k of running.demo.keys) process.stdout.write(`  key   ${k.member} ${k.role.padEnd(9)} ${k.key}\n`);
      for (const u of running.demo.users) process.stdout.write(`  login ${u.username.padEnd(14)} password ${u.password}\n`);
    }
    process.stdout.write(`\ncrosscheck listening on ${running.url} (API docs at ${running.url}/docs)\n`);
    stopOnSignals(running);
  });

adminCommands(program);
dataCommands(program);
auditCommands(program);
backupCommands(program);
importCommands(program);
screenCommand(program);
mrzCommand(program);
namesCommand(program);
replicaCommand(program);

program.parseAsync(process.argv).catch(reportError);
