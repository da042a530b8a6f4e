/**
 * `npm run bench`: every benchmark, each in its own process (so one's memory does not slow the
 * next), each printing JSON lines with its baseline measured in the same run. Never part of
 * `npm test`. `--full` runs the documents benchmark at 100 million records.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = resolve(fileURLToPath(new URL('.', import.meta.url)));
const runTs = join(here, '../packages/server/bin/run-ts.js');
const full = process.argv.includes('--full');
const benches: [string, string[]][] = [
  ['store.ts', []],
  ['documents.ts', full ? ['--full'] : []],
  ['persons.ts', ['--n', '1000000']],
  ['assets.ts', ['--n', '100000']],
  ['request-stages.ts', []],
  ['http.ts', []],
  ['events.ts', []],
  ['paxlst.ts', []],
  ['flight.ts', []],
  ['replica.ts', []],
  ['audit.ts', ['--n', '1000000']],
  ['limits.ts', []],
  ['slow-clients.ts', []],
  ['chain.ts', []],
  ['group-commit.ts', []],
  ['retroactive.ts', ['--n', '20000']],
  ['workers-memory.ts', []],
];
let failed = false;
for (const [file, args] of benches) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=16384', runTs, join(here, file), ...args], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`bench ${file} failed with exit code ${r.status}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
