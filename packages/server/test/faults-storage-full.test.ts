import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/store/audit-repo.js';
import { bearer, httpHarness, type Harness } from './http-harness.js';

/**
 * A full disk, made with SQLite's own page limit on the server's connection: a write fails as a
 * 507 problem naming the cause, nothing of it is stored (the transaction rolled back, the audit
 * chain intact), and writes succeed again once there is room, without a restart.
 */
describe('SQLite out of space', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await httpHarness('sqlite', [['FRA', 'bureau']]);
  });
  afterEach(async () => h.close());

  const count = async (table: 'alerts' | 'audit_log' | 'changes') => Number((await h.t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const publish = (n: number) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/alerts',
      headers: { ...bearer(h.key('FRA')), 'content-type': 'application/json' },
      payload: { kind: 'person', category: 'missing', person: { names: [{ family: `FULL${n}`, given: 'ANNA' }] }, remarks: 'x'.repeat(3000), visibility: { mode: 'all' } },
    });

  it('answers 507 storage.full, keeps nothing of the write and the chain intact, and writes again once there is room', async () => {
    expect((await publish(0)).statusCode).toBe(201);
    const before = { alerts: await count('alerts'), changes: await count('changes') };
    const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(h.t.deps.db)).rows[0]!.page_count;
    await sql.raw(`pragma max_page_count = ${pages}`).execute(h.t.deps.db);
    const full = await publish(1);
    expect(full.statusCode).toBe(507);
    expect(full.headers['content-type']).toContain('application/problem+json');
    expect(full.json()).toMatchObject({ status: 507, code: 'storage.full', detail: expect.stringContaining('no space left') });
    expect({ alerts: await count('alerts'), changes: await count('changes') }).toEqual(before);
    expect((await verifyAuditChain(h.t.deps.db)).ok).toBe(true);

    await sql.raw('pragma max_page_count = 1073741823').execute(h.t.deps.db);
    expect((await publish(2)).statusCode).toBe(201);
    expect(await count('alerts')).toBe(before.alerts + 1);
    expect((await verifyAuditChain(h.t.deps.db)).ok).toBe(true);
  });
});
