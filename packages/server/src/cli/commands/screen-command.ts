import { createReadStream } from 'node:fs';
import { DomainError, MAX_PAXLST_CHARS } from '@crosscheck/core';
import type { Command } from 'commander';
import { DB_HELP, memberCode } from '../options.js';
import { screen } from '../../app/screen.js';
import { screenFlight } from '../../app/screen-flight.js';
import { screenBatch } from '../../app/screen-batch.js';
import { cliCtx, withDeps, type DbOption } from '../context.js';
import { withEnglishReasons } from '../english-reasons.js';
import { readLines } from '../read-lines.js';

const MAX_LINE = 64 * 1024;
/** A batch of 1,000 travellers (the batch's own limit) fits well inside. */
const MAX_CSV_BYTES = 4 * 1024 * 1024;

export function screenCommand(program: Command): void {
  program
    .command('screen')
    .description('screen query lines from standard input (as POST /api/v1/screen, with an optional "id", and a line\'s own "threshold" and "weights" within CROSSCHECK_THRESHOLD_MIN/MAX and CROSSCHECK_EVIDENCE_WEIGHT_MIN/MAX); one result line each, in order, with its reasons in English. With --paxlst, screen every traveller of a PAXLST message and write the flight report; with --csv, a batch of travellers')
    .option('--member <code>', 'screen as this member (default: the operator, CROSSCHECK_OPERATOR)', memberCode)
    .option('--paxlst <file>', 'a UN/EDIFACT PAXLST message ("-" for standard input): writes the flight report as JSON, the reader\'s warnings on standard error')
    .option('--csv <file>', 'a batch of up to 1,000 travellers as CSV with a header row (as POST /api/v1/screen/batch: id, name or family/given, birthDate, sex, nationality, documentNumber, documentState, vin, plate, plateCountry, walletAddress, iban, imo, aircraft, companyName, companyRegistrationNumber, companyCountry; "-" for standard input): one result line each, in order')
    .option('--db <path>', DB_HELP)
    .action((o: DbOption & { member?: string; paxlst?: string; csv?: string }) =>
      withDeps(o, async (deps) => {
        const ctx = cliCtx(o.member ?? deps.operator, 'frontline');
        if (o.paxlst !== undefined && o.csv !== undefined) throw new Error('give --paxlst or --csv, not both');
        if (o.csv !== undefined) {
          const batch = await screenBatch(deps, ctx, 'text/csv', (await readBounded(o.csv, MAX_CSV_BYTES)).toString('utf8'));
          for (const item of batch.items) process.stdout.write(`${JSON.stringify('hits' in item ? { ...item, hits: withEnglishReasons(item.hits) } : item)}\n`);
          return;
        }
        if (o.paxlst !== undefined) {
          const report = await screenFlight(deps, ctx, { paxlst: await readBounded(o.paxlst, MAX_PAXLST_CHARS) });
          for (const w of report.warnings) process.stderr.write(`warning: segment ${w.segment}${w.line ? ` (line ${w.line})` : ''}: ${w.message}\n`);
          const travellers = report.travellers.map((t) => ({ ...t, hits: withEnglishReasons(t.hits) }));
          process.stdout.write(`${JSON.stringify({ ...report, travellers }, null, 2)}\n`);
          const s = report.summary;
          process.stderr.write(`${s.travellers} travellers (${s.passengers} passengers, ${s.crew} crew), ${s.screened} screened, ${s.travellersWithHits} with hits\n`);
          return;
        }
        for await (const line of readLines(process.stdin, MAX_LINE)) {
          if (!line.tooLong && line.text.trim() === '') continue;
          process.stdout.write(`${JSON.stringify(await screenLine(line.text, line.tooLong, line.number))}\n`);
        }

        async function screenLine(text: string, tooLong: boolean, number: number): Promise<unknown> {
          if (tooLong) return { line: number, error: `line longer than ${MAX_LINE} bytes` };
          let query: unknown;
          try {
            query = JSON.parse(text);
          } catch (e) {
            return { line: number, error: `not JSON: ${(e as Error).message}` };
          }
          try {
            const result = await screen(deps, ctx, query);
            return { ...result, hits: withEnglishReasons(result.hits) };
          } catch (e) {
            if (e instanceof DomainError) {
              const id = typeof query === 'object' && query !== null && typeof (query as { id?: unknown }).id === 'string' ? { id: (query as { id: string }).id } : {};
              return { ...id, line: number, error: e.message };
            }
            throw e;
          }
        }
      }),
    );
}

/** The whole file (or standard input), refused beyond `max` bytes without reading further. */
async function readBounded(file: string, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of file === '-' ? process.stdin : createReadStream(file)) {
    size += (chunk as Buffer).length;
    if (size > max) throw new Error(`${file} is larger than ${max} bytes`);
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts);
}
