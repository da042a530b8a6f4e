/**
 * Hits after the fact: how long one newly published alert takes to be screened against N stored
 * screenings (the lookback of `CROSSCHECK_LOOKBACK_HOURS`), in this process on SQLite. Each
 * screening holds a person (name, birth date) and a passport, as a border desk's would; five of
 * them match the new alert. Prints a JSON line: the lookback's time (reading the screenings and
 * running each one's probes against the new alert's small index: `searchMs`), the whole follower's
 * turn (reading the change, the search, writing the hits: `catchUpMs`) and the time per screening,
 * beside the baseline of only reading the same screenings from the store, page by page (`readMs`):
 * the floor of a lookback that re-reads the stored queries.
 *
 *   node packages/server/bin/run-ts.js bench/retroactive.ts [--n 20000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInput, screenQuerySchema } from '../packages/core/src/index.js';
import { createAlert } from '../packages/server/src/app/create-alert.js';
import { RetroFollower } from '../packages/server/src/app/retroactive/retro-follower.js';
import { screenAgainstPast } from '../packages/server/src/app/retroactive/lookback.js';
import { defaultConfig } from '../packages/server/src/config.js';
import { openDeps } from '../packages/server/src/main.js';
import { toAlert } from '../packages/server/src/store/alert-repo.js';
import { activeAlertRows, pastScreenings } from '../packages/server/src/store/retroactive-repo.js';
import { recordScreenings } from '../packages/server/src/store/screening-repo.js';
import { inWriteTransaction } from '../packages/server/src/store/write-transaction.js';

const arg = (name: string, fallback: number) => (process.argv.indexOf(name) > 0 ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const n = arg('--n', 20_000);
const SYL = ['an', 'bel', 'cor', 'dan', 'el', 'fa', 'gor', 'han', 'ir', 'jo', 'ka', 'lu', 'mar', 'nov', 'or', 'pet', 'ra', 'sol', 'tan', 'vik'];
const word = (i: number, parts: number) => Array.from({ length: parts }, (_, k) => SYL[(i * (7 + k * 13) + k * 3) % SYL.length]).join('').toUpperCase();

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-retro-bench-'));
const { deps, database } = await openDeps(defaultConfig({ db: join(dir, 'bench.db') }));
let now = new Date('2026-03-01T00:00:00.000Z');
deps.clock = () => now;
try {
  // N screenings spread over the 72 hours before the alert.
  const step = (72 * 3_600_000 - 60_000) / n;
  for (let from = 0; from < n; from += 2000) {
    await inWriteTransaction(deps.db, async (tx) => {
      for (let i = from; i < Math.min(n, from + 2000); i++) {
        const at = new Date(now.getTime() + i * step).toISOString();
        const matching = i % Math.floor(n / 5) === 0;
        const query = parseInput(screenQuerySchema, {
          person: { names: [matching ? 'PAUL LEBRUN' : `${word(i + 17, 2)} ${word(i, 3)}`], birthDate: matching ? '1965-01-02' : `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}` },
          documents: [{ number: `X${String(i).padStart(7, '0')}`, issuingState: 'DEU' }],
        });
        await recordScreenings(tx, { member: 'DEU', credential: 'cli:bench', at }, [{ screeningId: `s-${String(i).padStart(8, '0')}`, query, hits: [] }], deps.newId);
      }
    });
  }
  now = new Date(now.getTime() + 72 * 3_600_000);
  const alert = await createAlert(deps, { actor: { member: 'FRA', role: 'bureau', credential: 'cli:bench' }, requestId: 'bench' }, {
    kind: 'person',
    category: 'missing',
    person: { names: [{ family: 'LEBRUN', given: 'PAUL' }], birthDate: '1965-01-02' },
    visibility: { mode: 'all' },
  });
  const targets = (await activeAlertRows(deps.db, [alert.id])).map((row) => ({ alert: toAlert(row), at: now.toISOString() }));
  // The baseline: the same pages of screenings read and nothing searched.
  let t = performance.now();
  let read = 0;
  for (let after: { at: string; id: string } | null = null; ; ) {
    const page = await pastScreenings(deps.db, new Date(now.getTime() - 72 * 3_600_000).toISOString(), now.toISOString(), after, 1000);
    read += page.length;
    if (page.length < 1000) break;
    after = { at: page[page.length - 1]!.at, id: page[page.length - 1]!.id };
  }
  const readMs = performance.now() - t;
  t = performance.now();
  const matches = await screenAgainstPast(deps.db, targets, 72, now.toISOString().slice(0, 10), async () => {});
  const searchMs = performance.now() - t;
  t = performance.now();
  const created = await new RetroFollower(deps).catchUp();
  const catchUpMs = performance.now() - t;
  const round = (x: number) => Math.round(x * 100) / 100;
  console.log(JSON.stringify({ bench: 'retroactive.lookback', engine: 'sqlite', screenings: n, matches: matches.length, hits: created, searchMs: round(searchMs), catchUpMs: round(catchUpMs), perScreeningUs: round((searchMs * 1000) / n), baseline: `reading the ${read} screenings only`, readMs: round(readMs), ratio: round(searchMs / readMs) }));
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
