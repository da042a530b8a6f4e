import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { serve, type Running } from '../src/main.js';
import { openDatabase } from '../src/store/database.js';
import { runCli } from './cli.js';
import { ENGINES, freshStore, type TestStore } from './engines.js';

/**
 * The end-to-end scenario, over real HTTP and the real CLI: FRA publishes a document
 * hidden from ITA, DEU reads it, ITA cannot find it anywhere, FRA cancels it, the history and
 * the audit trail hold every step, and tampering with the trail is caught by `audit verify`.
 */
describe.each(ENGINES)('end-to-end scenario on %s', (engine) => {
  let store: TestStore;
  let server: Running;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    store = await freshStore(engine);
    server = await serve(loadConfig({ LOG_LEVEL: 'silent', CROSSCHECK_METRICS_ADDRESS: 'off' }, { db: store.target, port: 0 }), { demo: false });
    for (const m of ['FRA', 'DEU', 'ITA']) {
      const r = await runCli(['keys', 'create', '--member', m, '--role', 'bureau', '--label', `${m} bureau`, '--db', store.target]);
      expect(r.code, r.stderr).toBe(0);
      keys[m] = r.stdout.trim().split('\n').pop()!;
    }
    const auditor = await runCli(['keys', 'create', '--member', 'FRA', '--role', 'auditor', '--db', store.target]);
    keys.FRA_AUDIT = auditor.stdout.trim().split('\n').pop()!;
  }, 120_000);
  afterAll(async () => {
    await server.stop();
    await store.drop();
  });

  const call = async (member: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${keys[member]}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', json: (await res.json()) as Record<string, unknown> };
  };

  it('runs the whole story and the trail catches tampering', async () => {
    const created = await call('FRA', 'POST', '/api/v1/alerts', {
      kind: 'document',
      document: { issuingState: 'FRA', type: 'passport', number: '12AB34567', status: 'stolen-issued' },
      visibility: { mode: 'all-except', members: ['ITA'] },
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;

    expect((await call('DEU', 'GET', `/api/v1/alerts/${id}`)).json).toMatchObject({ id, owner: 'FRA', version: 1 });

    const itaRead = await call('ITA', 'GET', `/api/v1/alerts/${id}`);
    expect(itaRead.status).toBe(404);
    expect(itaRead.type).toContain('application/problem+json');
    expect((await call('ITA', 'GET', '/api/v1/alerts')).json.items).toEqual([]);
    expect((await call('ITA', 'GET', '/api/v1/alerts?text=12AB34567')).json.items).toEqual([]);
    expect((await call('ITA', 'GET', '/api/v1/changes?after=0')).json.items).toEqual([]);
    expect((await call('DEU', 'GET', '/api/v1/changes?after=0')).json.items).toHaveLength(1);

    const cancelled = await call('FRA', 'POST', `/api/v1/alerts/${id}/cancel`, { reason: 'document recovered' });
    expect(cancelled.json).toMatchObject({ status: 'cancelled', version: 2, statusReason: 'document recovered' });

    const history = await call('FRA', 'GET', `/api/v1/alerts/${id}/history`);
    expect((history.json.items as { version: number; status: string }[]).map((v) => [v.version, v.status])).toEqual([
      [1, 'active'],
      [2, 'cancelled'],
    ]);

    const trail = await call('FRA_AUDIT', 'GET', `/api/v1/audit?target=alert:${id}`);
    const steps = (trail.json.items as { member: string; action: string; outcome: string }[]).map((e) => `${e.member} ${e.action} ${e.outcome}`).reverse();
    expect(steps).toEqual(['FRA alert.create ok', 'DEU alert.read ok', 'ITA alert.read alert.not-found', 'FRA alert.cancel ok', 'FRA alert.history ok']);

    const intact = await runCli(['audit', 'verify', '--db', store.target]);
    expect(intact.code, intact.stderr).toBe(0);

    const db = await openDatabase(store.target);
    const entry = await db.db.selectFrom('audit_log').select('seq').where('action', '=', 'alert.read').where('member', '=', 'DEU').executeTakeFirstOrThrow();
    await sql`update audit_log set outcome = 'alert.not-found' where seq = ${entry.seq}`.execute(db.db);
    await db.close();

    const broken = await runCli(['audit', 'verify', '--db', store.target]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`entry ${entry.seq}`);
    expect(broken.stderr).toContain('altered');
  }, 120_000);
});
