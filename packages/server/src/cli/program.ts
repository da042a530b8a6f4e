import { Command, InvalidArgumentError } from 'commander';
import { serve, type Running } from '../main.js';
import { serveOnWorkers } from '../workers/serve-workers.js';
import { adminCommands } from './commands/admin-commands.js';
import { dataCommands } from './commands/data-commands.js';
import { auditCommands } from './commands/audit-commands.js';
import { backupCommands } from './commands/backup-commands.js';
import { chainCommand } from './commands/chain-command.js';
import { importCommands } from './commands/import-commands.js';
import { screenCommand } from './commands/screen-command.js';
import { mrzCommand } from './commands/mrz-command.js';
import { namesCommand } from './commands/names-command.js';
import { replicaCommand } from './commands/replica-command.js';
import { configFrom, stopOnSignals, type DbOption } from './context.js';
import { demoCredentialLines, writeDemoCredentials } from './demo-credentials.js';
import { DB_HELP } from './options.js';
import { CROSSCHECK_VERSION } from './version.js';

const port = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number from 0 to 65535');
  return n;
};

const workers = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1024) throw new InvalidArgumentError('a number of threads from 1 to 1024');
  return n;
};

/** The whole command tree, built without running anything (main.ts runs it; a test walks it). */
export function buildProgram(): Command {
  const program = new Command('crosscheck')
    .description('crosscheck: shared police alerts and real-time screening')
    .version(CROSSCHECK_VERSION, '-V, --version', 'print the version of crosscheck')
    .helpOption('-h, --help', 'show help for the command')
    .helpCommand('help [command]', 'show help for a command')
    .showHelpAfterError()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('serve')
    .description('run the HTTP API and web page')
    .option('--port <n>', 'port (default: PORT or 8080)', port)
    .option('--demo', 'on a database without keys, create demo keys, users and alerts and print them')
    .option('--db <path>', DB_HELP)
    .option('--workers <n>', 'threads that answer requests on the one port (default: CROSSCHECK_WORKERS or the number of cores)', workers)
    .action(async (o: DbOption & { port?: number; demo?: boolean; workers?: number }) => {
      const loaded = configFrom(o);
      const config = o.workers === undefined ? loaded : { ...loaded, http: { ...loaded.http, workers: o.workers } };
      // An in-memory SQLite database is private to the thread that opened it: one thread serves it.
      const running: Running =
        config.http.workers > 1 && config.storage.database !== ':memory:'
          ? await serveOnWorkers(config, { demo: o.demo === true })
          : await serve(config, { demo: o.demo === true });
      process.stdout.write(`\ncrosscheck listening on ${running.url} (API docs at ${running.url}/docs)\n`);
      // Printed last, after every start-up line, so that they are what the terminal shows once it settles.
      if (running.demo) {
        const lines = demoCredentialLines(running.demo);
        let kept = `also in ${config.demo.credentialsFile}, readable by you only`;
        try {
          writeDemoCredentials(config.demo.credentialsFile, lines, new Date());
        } catch (error) {
          // The server runs: the credentials must still be shown, with why they are not in the file.
          kept = `not written to ${config.demo.credentialsFile}: ${(error as Error).message}`;
        }
        process.stdout.write(`\nDemo credentials (stored in the database only as hashes; ${kept}):\n${lines.join('\n')}\n`);
      }
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
  chainCommand(program);
  return program;
}
