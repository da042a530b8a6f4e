import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert, openTestDeps, type TestContext } from '../../test/engines.js';
import { createAlert } from '../app/create-alert.js';
import { getAlert } from '../app/get-alert.js';
import { verifyAuditChain } from './audit-repo.js';

describe.each(ENGINES)('audit chain on %s', (engine) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestDeps(engine);
    const a = await createAlert(t.deps, as('FRA'), documentAlert('FRA', '1'));
    for (let i = 0; i < 5; i++) await getAlert(t.deps, as('DEU'), a.id);
  });
  afterEach(async () => t.close());

  it('verifies an untouched trail', async () => {
    const r = await verifyAuditChain(t.deps.db);
    expect(r.ok).toBe(true);
    expect(r.entries).toBeGreaterThanOrEqual(7);
  });

  it('names an altered entry', async () => {
    await sql`update audit_log set member = 'ITA' where seq = 4`.execute(t.deps.db);
    expect((await verifyAuditChain(t.deps.db)).problem).toMatchObject({ kind: 'altered', seq: 4 });
  });

  it('names a deleted entry in the middle and at the end', async () => {
    await sql`delete from audit_log where seq = 3`.execute(t.deps.db);
    expect((await verifyAuditChain(t.deps.db)).problem).toMatchObject({ kind: 'deleted', seq: 3 });
  });

  it('names a deleted last entry', async () => {
    const last = await t.deps.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirstOrThrow();
    await sql`delete from audit_log where seq = ${Number(last.m)}`.execute(t.deps.db);
    expect((await verifyAuditChain(t.deps.db)).problem).toMatchObject({ kind: 'deleted', seq: Number(last.m) });
  });

  it('names the first of two swapped entries', async () => {
    await sql`update audit_log set seq = -1 where seq = 3`.execute(t.deps.db);
    await sql`update audit_log set seq = 3 where seq = 4`.execute(t.deps.db);
    await sql`update audit_log set seq = 4 where seq = -1`.execute(t.deps.db);
    expect((await verifyAuditChain(t.deps.db)).problem).toMatchObject({ seq: 3 });
  });
});
