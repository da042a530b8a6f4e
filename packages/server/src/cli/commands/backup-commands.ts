import type { Command } from 'commander';
import { backupDatabase } from '../../app/backup/backup-database.js';
import { restoreDatabase } from '../../app/backup/restore-database.js';
import { isPostgresUrl } from '../../store/database.js';
import { configFrom, requireExistingDatabase, type DbOption } from '../context.js';
import { DB_HELP } from '../options.js';

export function backupCommands(program: Command): void {
  program
    .command('backup')
    .description('write a consistent copy of the database while it runs: SQLite with its online backup API, PostgreSQL as one snapshot of every table (gzip JSON lines)')
    .requiredOption('--to <file>', 'the backup file (written whole or not at all)')
    .option('--db <path>', DB_HELP)
    .action(async (o: DbOption & { to: string }) => {
      const target = configFrom(o).storage.database;
      requireExistingDatabase(target);
      const started = performance.now();
      const r = await backupDatabase(target, isPostgresUrl(target) ? 'postgres' : 'sqlite', o.to, new Date());
      const rows = r.tables ? `, ${Object.values(r.tables).reduce((a, b) => a + b, 0)} rows` : '';
      process.stdout.write(`backup written to ${o.to} (${r.engine}${rows}) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    });

  program
    .command('restore')
    .description('restore a backup, all or nothing, after replaying its audit trail against its newest checkpoint; stop the server first')
    .requiredOption('--from <file>', 'a file written by "crosscheck backup"')
    .option('--force', 'replace a database that holds data')
    .option('--db <path>', DB_HELP)
    .action(async (o: DbOption & { from: string; force?: boolean }) => {
      const config = configFrom(o);
      const target = config.storage.database;
      const started = performance.now();
      const trail = await restoreDatabase(target, isPostgresUrl(target) ? 'postgres' : 'sqlite', o.from, { force: o.force === true, auditTrail: config.auditTrail });
      const against = trail.checkpoint
        ? `; it matches the checkpoint of ${trail.checkpoint.size} entries signed at ${trail.checkpoint.at}${trail.checkpoint.signatureChecked ? ' (signature checked)' : ' (signature not checked: no CROSSCHECK_AUDIT_KEY_FILE)'}`
        : '; the backup holds no checkpoint';
      process.stdout.write(`restored from ${o.from} in ${((performance.now() - started) / 1000).toFixed(1)} s: audit trail intact, ${trail.entries} entries${against}\n`);
    });
}
