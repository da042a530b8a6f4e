import { ALERT_KINDS, ALERT_STATUSES, PERSON_CATEGORIES } from '@crosscheck/core';
import { InvalidArgumentError, type Command } from 'commander';
import { DB_HELP, memberCode, memberList, oneOf } from '../options.js';
import { exportAlerts } from '../../app/export-alerts.js';
import { importAlertBatch, type ImportReport, type Parsed } from '../../app/import-alerts.js';
import { EXPORT_FORMATS, exportLines, type ExportFormat } from '../../formats/export-formats.js';
import { IMPORT_FORMATS, importSource, readMapping, type ImportFormat } from '../import-sources.js';
import { requireActiveMember } from '../../app/import-alerts.js';
import { cliCtx, withDeps, type DbOption } from '../context.js';

const positive = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new InvalidArgumentError('a whole number from 1 to 10000');
  return n;
};

export function dataCommands(program: Command): void {
  const alerts = program.command('alerts').description('bulk alert data');
  alerts
    .command('import')
    .argument('<file>', 'the file to import; "-" reads standard input')
    .description('import alerts: JSON lines (one alert body per line, as POST /api/v1/alerts), FollowTheMoney entities, CSV with a column mapping, or INTERPOL public notices (docs/formats.md); "-" reads standard input')
    .requiredOption('--member <code>', 'the member that owns the imported alerts (acting as its bureau)', memberCode)
    .option('--format <format>', `one of ${IMPORT_FORMATS.join(', ')}`, oneOf(IMPORT_FORMATS), 'json')
    .option('--map <file>', 'CSV: the JSON column mapping')
    .option('--category <category>', 'FollowTheMoney, notice: category of persons whose data gives none', oneOf(PERSON_CATEGORIES), 'warning')
    .option('--visible-to <codes>', 'FollowTheMoney, notice: members that may see the alerts (comma-separated; default all)', memberList)
    .option('--batch <n>', 'lines per transaction', positive, 500)
    .option('--db <path>', DB_HELP)
    .action((file: string, o: DbOption & { member: string; batch: number; format: ImportFormat; map?: string; category: (typeof PERSON_CATEGORIES)[number]; visibleTo?: string[] }) =>
      withDeps(o, async (deps) => {
        await requireActiveMember(deps, o.member);
        // A bad mapping is found before any row goes in.
        if (o.format === 'csv') readMapping(o.map);
        const ctx = cliCtx(o.member, 'bureau');
        const report: ImportReport = { imported: 0, rejected: [] };
        const showProgress = process.stderr.isTTY === true;
        let batch: Parsed[] = [];
        const flush = async (): Promise<void> => {
          await importAlertBatch(deps, ctx, batch, report);
          batch = [];
          if (showProgress) process.stderr.write(`\rimported ${report.imported}, rejected ${report.rejected.length}`);
        };
        const source = importSource(file, {
          format: o.format,
          ...(o.map ? { map: o.map } : {}),
          category: o.category,
          visibility: o.visibleTo ? { mode: 'only', members: o.visibleTo } : { mode: 'all' },
          notice: (text) => process.stderr.write(`${text}\n`),
        });
        for await (const parsed of source) {
          batch.push(parsed);
          if (batch.length >= o.batch) await flush();
        }
        await flush();
        if (showProgress) process.stderr.write('\n');
        for (const r of report.rejected.sort((a, b) => a.line - b.line)) process.stdout.write(`rejected line ${r.line}: ${r.reason}\n`);
        process.stdout.write(`imported ${report.imported}, rejected ${report.rejected.length}\n`);
        if (report.rejected.length > 0) process.exitCode = 1;
      }),
    );
  alerts
    .command('export')
    .description('write every alert the member may see as JSON lines on standard output: crosscheck alerts or FollowTheMoney entities')
    .requiredOption('--member <code>', 'export as this member (its bureau sees what it may see)', memberCode)
    .option('--format <format>', `one of ${Object.keys(EXPORT_FORMATS).join(', ')}`, oneOf(Object.keys(EXPORT_FORMATS) as ExportFormat[]), 'json')
    .option('--status <status>', `only ${ALERT_STATUSES.join(', ')}`)
    .option('--kind <kind>', `only ${ALERT_KINDS.join(', ')}`)
    .option('--db <path>', DB_HELP)
    .action((o: DbOption & { member: string; status?: string; kind?: string; format: ExportFormat }) =>
      withDeps(o, async (deps) => {
        await requireActiveMember(deps, o.member);
        if (o.status !== undefined && !(ALERT_STATUSES as readonly string[]).includes(o.status)) throw new InvalidArgumentError(`--status must be one of ${ALERT_STATUSES.join(', ')}`);
        if (o.kind !== undefined && !(ALERT_KINDS as readonly string[]).includes(o.kind)) throw new InvalidArgumentError(`--kind must be one of ${ALERT_KINDS.join(', ')}`);
        // Once the reader has gone (`| head`), nothing more is written, but the export still runs
        // to its end so that its audit entry is recorded; then the command ends quietly (context.ts).
        const count = await exportAlerts(deps, cliCtx(o.member, 'bureau'), { ...(o.status ? { status: o.status } : {}), ...(o.kind ? { kind: o.kind } : {}) }, (a) => {
          if (!process.stdout.destroyed) process.stdout.write(exportLines(o.format, a));
        });
        // A write to a closed pipe fails on a later turn of the event loop: wait for it before saying "exported".
        await new Promise((resolve) => setImmediate(resolve));
        if (!process.stdout.destroyed) process.stderr.write(`exported ${count}\n`);
      }),
    );
}
