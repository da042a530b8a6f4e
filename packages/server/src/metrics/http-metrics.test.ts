import Fastify, { type FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { D02B_TWO_LEGS } from '../../../core/src/paxlst/test-fixtures.js';
import { createAlert } from '../app/create-alert.js';
import { createKey } from '../app/manage-keys.js';
import { buildApp } from '../http/build-app.js';
import type { Deps } from '../app/deps.js';
import { defaultConfig } from '../config.js';
import { openDeps } from '../main.js';
import type { Database } from '../store/database.js';
import { as, ENGINES, freshStore, personAlert, type TestStore } from '../../test/engines.js';
import { bearer, testHttpOptions } from '../../test/http-harness.js';
import { IndexFollower } from '../screening/index-follower.js';
import { httpMetrics, observeRequests } from './http-metrics.js';
import { watchIndex } from './index-metrics.js';
import { listenForMetrics, type MetricsListener } from './metrics-server.js';
import { threadMetrics, type ThreadMetrics } from './thread-metrics.js';

// A surname and a document number no real traveller has: if either shows in the metrics, a label leaked it.
const NAME = 'QWZXQUOTAVIC';
const NUMBER = 'ZX9876543';

/** The value of one series of the exposition text, or undefined when it is absent. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(ENGINES)('the metrics of a serving process, on %s', (engine) => {
  let t: { deps: Deps; database: Database; store: TestStore };
  let app: FastifyInstance;
  let metrics: ThreadMetrics;
  let listener: MetricsListener;
  let text: string;
  let alertId: string;

  beforeAll(async () => {
    const store = await freshStore(engine);
    // As serve() opens it: the database itself, with PostgreSQL's pool to watch.
    t = { ...(await openDeps(defaultConfig({ db: store.target }))), store };
    const follower = await t.deps.screeningIndex();
    metrics = threadMetrics({ database: t.database, follower, thread: 'main' });
    app = await buildApp(t.deps, testHttpOptions({ instrument: (a) => metrics.instrument(a) }));
    listener = await listenForMetrics({ host: '127.0.0.1', port: 0 }, () => metrics.registry.metrics());
    const key = (await createKey(t.deps, as('IPO', 'admin'), { member: 'DEU', role: 'bureau' })).key;
    alertId = (await createAlert(t.deps, as('DEU'), personAlert(NAME))).id;
    const post = (url: string, payload: object | string, type = 'application/json') => app.inject({ method: 'POST', url, headers: { ...bearer(key), 'content-type': type }, payload });
    const screens = [
      { person: { names: [{ family: NAME, given: 'ANNA' }] } },
      { person: { names: [{ family: NAME }] }, documents: [{ number: NUMBER }] },
      { documents: [{ number: NUMBER, issuingState: 'DEU' }] },
      { vehicle: { plate: 'B-XY 123' } },
      { walletAddress: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' },
    ];
    for (const s of screens) expect((await post('/api/v1/screen', s)).statusCode).toBe(200);
    // Refused: a screening with nothing to screen is no screening, but it is a request.
    expect((await post('/api/v1/screen', {})).statusCode).toBe(422);
    expect((await post('/api/v1/screen/batch', [{ person: { names: [{ family: NAME }] } }, { documents: [{ number: NUMBER }] }, { vehicle: { plate: 'X1' } }])).statusCode).toBe(200);
    expect((await post('/api/v1/screen/flight', D02B_TWO_LEGS, 'application/edifact')).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
    expect((await app.inject({ url: `/api/v1/alerts/${alertId}?name=${NAME}`, headers: bearer(key) })).statusCode).toBe(200);
    expect((await app.inject({ url: `/api/v1/alerts/${alertId}` })).statusCode).toBe(401);
    expect((await app.inject({ url: `/api/v1/no-such-thing/${NAME}`, headers: bearer(key) })).statusCode).toBe(404);
    const res = await fetch(`http://127.0.0.1:${listener.address.port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    text = await res.text();
  }, 60_000);
  afterAll(async () => {
    await listener?.close();
    metrics?.stop();
    await app?.close();
    await t?.database.close();
    await t?.store.drop();
  });

  it('times requests by route pattern, method and status class', () => {
    const count = (labels: string) => valueOf(text, `crosscheck_http_request_duration_seconds_count{${labels}}`);
    expect(count('route="/health",method="GET",status_class="2xx"')).toBe(3);
    expect(count('route="/api/v1/alerts/:id",method="GET",status_class="2xx"')).toBe(1);
    expect(count('route="/api/v1/alerts/:id",method="GET",status_class="4xx"')).toBe(1);
    expect(count('route="/api/v1/screen",method="POST",status_class="2xx"')).toBe(5);
    expect(count('route="/api/v1/screen",method="POST",status_class="4xx"')).toBe(1);
    expect(count('route="(none)",method="GET",status_class="4xx"')).toBe(1);
    // A histogram: buckets up to +Inf, which holds every request.
    expect(valueOf(text, 'crosscheck_http_request_duration_seconds_bucket{le="+Inf",route="/health",method="GET",status_class="2xx"}')).toBe(3);
  });

  it('counts and times screenings by kind, the person deciding when a query names several things', () => {
    const count = (kind: string) => valueOf(text, `crosscheck_screening_duration_seconds_count{kind="${kind}"}`);
    expect({ person: count('person'), document: count('document'), vehicle: count('vehicle'), wallet: count('wallet'), batch: count('batch'), flight: count('flight') }).toEqual({
      person: 2,
      document: 1,
      vehicle: 1,
      wallet: 1,
      batch: 1,
      flight: 1,
    });
    expect(valueOf(text, 'crosscheck_screening_travellers_sum{kind="batch"}')).toBe(3);
    expect(valueOf(text, 'crosscheck_screening_travellers_count{kind="flight"}')).toBe(1);
    expect(valueOf(text, 'crosscheck_screening_travellers_sum{kind="flight"}')).toBeGreaterThan(0);
  });

  it('puts no name, document number, id or query string in any label', () => {
    expect(text).not.toContain(NAME);
    expect(text).not.toContain(NUMBER);
    expect(text).not.toContain(alertId);
    expect(text).not.toContain('?');
    expect(text).not.toContain('no-such-thing');
  });

  it('reports the index and its distance from the change feed', () => {
    expect(valueOf(text, 'crosscheck_screening_index_alerts')).toBe(1);
    const head = valueOf(text, 'crosscheck_change_feed_head')!;
    expect(head).toBeGreaterThan(0);
    // The screenings caught the index up before they searched: nothing is left to apply.
    expect(valueOf(text, 'crosscheck_screening_index_position')).toBe(head);
    expect(valueOf(text, 'crosscheck_screening_index_lag_changes')).toBe(0);
    expect(valueOf(text, 'crosscheck_screening_index_staleness_seconds')).toBeLessThan(60);
    for (const stat of ['p50', 'p99', 'max']) expect(valueOf(text, `crosscheck_event_loop_delay_seconds{thread="main",stat="${stat}"}`)).toBeGreaterThanOrEqual(0);
    if (engine === 'postgres') {
      expect(valueOf(text, 'crosscheck_db_pool_connections')).toBeGreaterThan(0);
      expect(valueOf(text, 'crosscheck_db_pool_idle_connections')).toBeGreaterThanOrEqual(0);
      expect(valueOf(text, 'crosscheck_db_pool_waiting_queries')).toBe(0);
    } else {
      // SQLite has one connection and no pool to tell of.
      expect(text).not.toContain('crosscheck_db_pool_connections');
    }
  });

  it('counts the lag when a change is committed and not yet applied, and none once caught up', async () => {
    await createAlert(t.deps, as('DEU'), personAlert('LAGGARD'));
    const now = await metrics.registry.metrics();
    expect(valueOf(now, 'crosscheck_screening_index_lag_changes')).toBeGreaterThanOrEqual(1);
    await (await t.deps.screeningIndex()).catchUp();
    const after = await metrics.registry.metrics();
    expect(valueOf(after, 'crosscheck_screening_index_lag_changes')).toBe(0);
    expect(valueOf(after, 'crosscheck_screening_index_alerts')).toBe(2);
  });

  it('records the group committer’s batches it is given', async () => {
    let listener: ((jobs: number, ms: number) => void) | undefined;
    metrics.observeBatches((l) => (listener = l));
    listener!(5, 2);
    listener!(1, 0.5);
    const now = await metrics.registry.metrics();
    expect(valueOf(now, 'crosscheck_group_commit_jobs_sum')).toBe(6);
    expect(valueOf(now, 'crosscheck_group_commit_jobs_count')).toBe(2);
    expect(valueOf(now, 'crosscheck_group_commit_jobs_bucket{le="4"}')).toBe(1);
    expect(valueOf(now, 'crosscheck_group_commit_duration_seconds_sum')).toBeCloseTo(0.0025);
  });

  it('answers only GET /metrics on its listener', async () => {
    const base = `http://127.0.0.1:${listener.address.port}`;
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/api/v1/alerts`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
  });
});

describe('the index metrics when the database cannot answer', () => {
  it('say the feed head and the lag are unknown (NaN), not 0, and still serve the rest', async () => {
    const registry = new Registry();
    const follower = new IndexFollower(null as never);
    watchIndex(registry, follower, () => Promise.reject(new Error('connection refused')));
    const text = await registry.metrics();
    expect(valueOf(text, 'crosscheck_change_feed_head')).toBeNaN();
    expect(valueOf(text, 'crosscheck_screening_index_lag_changes')).toBeNaN();
    expect(valueOf(text, 'crosscheck_screening_index_alerts')).toBe(0);
    // Never caught up: how stale is unknown, not 0.
    expect(valueOf(text, 'crosscheck_screening_index_staleness_seconds')).toBeNaN();
  });
});

describe('request timing', () => {
  it('leaves event streams out (their length is no latency) and counts the rest', async () => {
    const registry = new Registry();
    const app = Fastify();
    observeRequests(app, httpMetrics(registry));
    app.get('/api/v1/events', async (_request, reply) => reply.type('text/event-stream').send('data: x\n\n'));
    app.get('/api/v1/alerts', async () => ({ items: [] }));
    await app.ready();
    expect((await app.inject({ url: '/api/v1/events' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/alerts' })).statusCode).toBe(200);
    const text = await registry.metrics();
    expect(text).not.toContain('route="/api/v1/events"');
    expect(valueOf(text, 'crosscheck_http_request_duration_seconds_count{route="/api/v1/alerts",method="GET",status_class="2xx"}')).toBe(1);
    await app.close();
  });
});
