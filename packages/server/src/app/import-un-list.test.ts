import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, readFull, listFull, domainError, openTestDeps, type TestContext } from '../../test/engines.js';
import { UN_FIXTURE } from '../formats/un-sc-list.fixture.js';
import { cancelAlert } from './cancel-alert.js';
import { importUnList } from './import-un-list.js';
import { listAlerts } from './list-alerts.js';
import { queryAudit } from '../store/audit-repo.js';

describe.each(ENGINES)('importing the UN list on %s', (engine) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestDeps(engine);
  });
  afterEach(async () => t.close());

  it('creates once, and a second import of the same list changes nothing', async () => {
    expect(await importUnList(t.deps, as('UNO'), UN_FIXTURE)).toMatchObject({ created: 2, updated: 0, unchanged: 0, delisted: 0 });
    expect(await importUnList(t.deps, as('UNO'), UN_FIXTURE)).toMatchObject({ created: 0, updated: 0, unchanged: 2, delisted: 0 });
    const listed = await listFull(t.deps, as('FRA'), { owner: 'UNO' });
    expect(listed.items.map((a) => a.sourceRef).sort()).toEqual(['un-sc:1000001', 'un-sc:1000002']);
  });

  it('updates changed entries as new versions and cancels entries that left the list', async () => {
    await importUnList(t.deps, as('UNO'), UN_FIXTURE);
    const changed = UN_FIXTURE.replace('<YEAR>1942</YEAR>', '<YEAR>1943</YEAR>').replace(/<INDIVIDUAL>\s*<DATAID>1000002[\s\S]*?<\/INDIVIDUAL>/, '');
    expect(await importUnList(t.deps, as('UNO'), changed)).toMatchObject({ created: 0, updated: 1, unchanged: 0, delisted: 1 });
    const all = (await listFull(t.deps, as('UNO'), {})).items;
    expect(all.map((a) => [a.sourceRef, a.status, a.version]).sort()).toEqual([
      ['un-sc:1000001', 'active', 2],
      ['un-sc:1000002', 'cancelled', 2],
    ]);
  });

  it('refuses an empty list without delisting anyone, and brings back a relisted person', async () => {
    await importUnList(t.deps, as('UNO'), UN_FIXTURE);
    const e = await domainError(importUnList(t.deps, as('UNO'), '<CONSOLIDATED_LIST><INDIVIDUALS>nothing</INDIVIDUALS></CONSOLIDATED_LIST>'));
    expect(e.code).toBe('un-list.empty');
    const without = UN_FIXTURE.replace(/<INDIVIDUAL>\s*<DATAID>1000002[\s\S]*?<\/INDIVIDUAL>/, '');
    expect(await importUnList(t.deps, as('UNO'), without)).toMatchObject({ delisted: 1 });
    expect(await importUnList(t.deps, as('UNO'), UN_FIXTURE)).toMatchObject({ updated: 1, unchanged: 1 });
    const all = (await listFull(t.deps, as('UNO'), {})).items;
    expect(all.every((a) => a.status === 'active')).toBe(true);
  });

  it('leaves an entry its owner cancelled cancelled', async () => {
    await importUnList(t.deps, as('UNO'), UN_FIXTURE);
    const first = (await listFull(t.deps, as('UNO'), {})).items[0]!;
    await cancelAlert(t.deps, as('UNO'), first.id, { reason: 'duplicate' });
    expect(await importUnList(t.deps, as('UNO'), UN_FIXTURE)).toMatchObject({ created: 0, unchanged: 2 });
  });
  it('is refused to a role that may not publish, writing nothing, and the refusal is on the trail', async () => {
    for (const role of ['frontline', 'analyst'] as const) {
      const e = await domainError(importUnList(t.deps, as('UNO', role), UN_FIXTURE));
      expect(e.code).toBe('access.forbidden');
    }
    expect((await listAlerts(t.deps, as('UNO'), {})).items).toEqual([]);
    const entries = await queryAudit(t.deps.db, { action: 'alert.import', limit: 10 });
    expect(entries.map((x) => [x.member, x.role, x.target, x.outcome])).toEqual([
      ['UNO', 'analyst', 'un-sc', 'access.forbidden'],
      ['UNO', 'frontline', 'un-sc', 'access.forbidden'],
    ]);
  });

  it('records each run with what it did, and a refused run with its reason', async () => {
    await importUnList(t.deps, as('UNO'), UN_FIXTURE);
    await domainError(importUnList(t.deps, as('UNO'), '<CONSOLIDATED_LIST><INDIVIDUALS>nothing</INDIVIDUALS></CONSOLIDATED_LIST>'));
    const [refused, done] = await queryAudit(t.deps.db, { action: 'alert.import', limit: 10 });
    expect(refused).toMatchObject({ member: 'UNO', outcome: 'un-list.empty' });
    expect(done).toMatchObject({ member: 'UNO', target: 'un-sc', outcome: 'ok' });
    expect(JSON.parse(done!.detail)).toMatchObject({ created: 2, updated: 0, unchanged: 0, delisted: 0 });
    expect(await queryAudit(t.deps.db, { action: 'alert.create', limit: 10 })).toHaveLength(2);
  });
});
