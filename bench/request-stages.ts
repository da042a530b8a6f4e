/**
 * What an authenticated request costs, stage by stage, in one process on SQLite: each stage run
 * on its own (median µs over batches), beside `GET /health` through fastify's inject in the same
 * run, and whole requests through inject (a refused malformed key, an audited read of a missing
 * alert, the member list, a screening). The UN list is imported first when ../shared/testdata
 * has it, so a screening searches what it would in production. Prints one JSON line per stage.
 *
 *   node packages/server/bin/run-ts.js bench/request-stages.ts [--batches 40]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseInput, screenQuerySchema } from '@crosscheck/core';
import { auditFailure } from '../packages/server/src/app/audited.js';
import { authenticateKey, authenticateSession } from '../packages/server/src/app/authenticate.js';
import type { Ctx } from '../packages/server/src/app/deps.js';
import { importUnList } from '../packages/server/src/app/import-un-list.js';
import { TokenBuckets } from '../packages/server/src/app/limits/token-buckets.js';
import { logIn } from '../packages/server/src/app/log-in.js';
import { createKey } from '../packages/server/src/app/manage-keys.js';
import { addUser } from '../packages/server/src/app/manage-users.js';
import { getAlert } from '../packages/server/src/app/get-alert.js';
import { listMembers } from '../packages/server/src/app/manage-members.js';
import { screen } from '../packages/server/src/app/screen.js';
import { sha256Hex, splitApiKey } from '../packages/server/src/app/secrets.js';
import { defaultConfig } from '../packages/server/src/config.js';
import { buildApp } from '../packages/server/src/http/build-app.js';
import { openDeps } from '../packages/server/src/main.js';
import { findKeyByPrefix } from '../packages/server/src/store/credential-repo.js';
import { findMember } from '../packages/server/src/store/member-repo.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const i = process.argv.indexOf('--batches');
const BATCHES = i > 0 ? Number(process.argv[i + 1]) : 40;

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-stages-bench-'));
const config = defaultConfig({ db: join(dir, 'bench.db') });
// The rate limits stay on (their check is a stage) but high enough never to refuse here.
const { deps, database } = await openDeps({ ...config, limits: { ...config.limits, rate: { screenPerMinute: 100_000_000, writePerMinute: 100_000_000 } } });
const admin: Ctx = { actor: { member: 'IPO', role: 'admin', credential: 'cli:bench' }, requestId: 'bench-setup' };
const unList = join(root, '../shared/testdata/screening/UN_consolidated.xml');
if (existsSync(unList)) await importUnList(deps, { ...admin, actor: { member: 'UNO', role: 'bureau', credential: 'cli:bench' } }, readFileSync(unList, 'utf8'));
const { key } = await createKey(deps, admin, { member: 'FRA', role: 'frontline' });
await addUser(deps, admin, { username: 'fra.bench', member: 'FRA', role: 'bureau', password: 'correct horse battery staple' });
const session = await logIn(deps, { username: 'fra.bench', password: 'correct horse battery staple' }, { requestId: 'bench-login', source: '127.0.0.1' });
const app = await buildApp(deps, { ...config.http, connections: config.connections, logLevel: 'info', secureCookies: false, trustProxy: config.http.trustProxy });
(await deps.screeningIndex()); // loaded once, as a running server has it

const body = { person: { names: ['Muammar Gaddafi'], birthDate: '1942', nationality: 'LY' }, documents: [{ number: '12AB34567', issuingState: 'FRA' }] };
const auth = { authorization: `Bearer ${key}` };
const from = { requestId: 'bench', source: '127.0.0.1' };
const parts = splitApiKey(key)!;
const ctx: Ctx = { actor: { member: 'FRA', role: 'frontline', credential: 'key:bench' }, requestId: 'bench' };
const expect = (status: number) => (r: { statusCode: number; body: string }) => {
  if (r.statusCode !== status) throw new Error(`expected ${status}, got ${r.statusCode}: ${r.body}`);
  return r;
};
const screenAnswer = JSON.parse(expect(200)(await app.inject({ method: 'POST', url: '/api/v1/screen', headers: auth, payload: body })).body);
// The server's own logger at its default level (info): what a per-request debug line costs
// when it is not written.
const log = app.log;
const fakeReq = { method: 'POST', url: '/api/v1/screen', headers: auth };
const buckets = new TokenBuckets(100_000_000);
let n = 0;

/** Median µs of `fn` over BATCHES batches of `per` calls each, after one warm-up batch. */
async function medianUs(fn: () => unknown, per: number): Promise<number> {
  const times: number[] = [];
  for (let b = -1; b < BATCHES; b++) {
    const t0 = performance.now();
    for (let k = 0; k < per; k++) await fn();
    if (b >= 0) times.push(((performance.now() - t0) * 1000) / per);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const stages: [string, () => unknown, number][] = [
  ['sha256 of the key', () => sha256Hex(parts.secret), 1000],
  ['findKeyByPrefix (one query)', () => findKeyByPrefix(deps.db, parts.prefix), 100],
  ['findMember (one query)', () => findMember(deps.db, 'FRA'), 100],
  ['authenticateKey', () => authenticateKey(deps, key, from), 100],
  ['authenticateSession', () => authenticateSession(deps, session.token, from), 100],
  ['rate limit (token bucket)', () => buckets.take(`key:${n++ % 100}`, Date.now()), 1000],
  ['body validation (zod screen query)', () => parseInput(screenQuerySchema, body), 200],
  ['body NUL check (JSON.stringify)', () => JSON.stringify(body).includes('\\u0000'), 1000],
  ['audit entry (own transaction)', () => auditFailure(deps, ctx, 'alert.read', { target: 'x', detail: {} }, 'not-found'), 20],
  ['response serialisation (screen answer)', () => JSON.stringify(screenAnswer), 200],
  ['request log line at debug, level info', () => log.debug({ req: fakeReq }, 'incoming request'), 1000],
  // The use cases alone, without HTTP: what is left of an inject line below is the HTTP layer's.
  ['use case: getAlert of a missing alert (refusal audited)', () => getAlert(deps, ctx, '00000000-0000-4000-8000-000000000000').catch(() => undefined), 20],
  ['use case: listMembers (audited)', () => listMembers(deps, ctx), 20],
  ['use case: screen (stored, audited)', () => screen(deps, ctx, body), 10],
  ['inject: malformed key refused', async () => expect(401)(await app.inject({ method: 'GET', url: '/api/v1/members', headers: { authorization: 'Bearer nope' } })), 20],
  ['inject: audited read of a missing alert', async () => expect(404)(await app.inject({ method: 'GET', url: '/api/v1/alerts/00000000-0000-4000-8000-000000000000', headers: auth })), 20],
  ['inject: GET /api/v1/members', async () => expect(200)(await app.inject({ method: 'GET', url: '/api/v1/members', headers: auth })), 20],
  ['inject: POST /api/v1/screen', async () => expect(200)(await app.inject({ method: 'POST', url: '/api/v1/screen', headers: auth, payload: body })), 10],
];

try {
  const health = () => app.inject({ method: 'GET', url: '/health' }).then(expect(200));
  const baselineUs = await medianUs(health, 50);
  for (const [stage, fn, per] of stages) {
    const us = await medianUs(fn, per);
    console.log(JSON.stringify({ bench: 'request-stages', stage, medianUs: Number(us.toFixed(1)), baseline: 'GET /health (inject)', baselineUs: Number(baselineUs.toFixed(1)), ratio: Number((us / baselineUs).toFixed(2)) }));
  }
} finally {
  await app.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
