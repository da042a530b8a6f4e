import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assetProbesOf, type AssetQuery } from '@crosscheck/core';
import { ENGINES, as, documentAlert, openTestDeps, type TestContext } from '../../test/engines.js';
import { cancelAlert } from '../app/cancel-alert.js';
import { createAlert } from '../app/create-alert.js';
import { updateAlert } from '../app/update-alert.js';
import { IndexFollower } from './index-follower.js';
import { writeIndexSnapshot } from './index-snapshot-file.js';
import type { ScreeningIndex } from './screening-index.js';

const assetAlert = (asset: object) => ({ kind: 'asset', category: 'asset-tracing', asset, visibility: { mode: 'all' } });
const ids = (index: ScreeningIndex, item: AssetQuery) => assetProbesOf([item]).flatMap((p) => index.assets.search(p, 'DEU', 0.7)).map((c) => c.entry.id);

/** The asset index kept by the follower: at start from the store or from an index snapshot, then from the change feed. */
describe.each(ENGINES)('the asset index behind the index follower on %s', (engine) => {
  let t: TestContext;
  let dir: string;
  beforeEach(async () => {
    t = await openTestDeps(engine);
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-assets-'));
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the asset alerts after a start from a snapshot, and follows creations, changes and cancellations after it', async () => {
    const account = await createAlert(t.deps, as('FRA'), assetAlert({ type: 'bank-account', iban: 'DE89370400440532013000' }));
    const company = await createAlert(t.deps, as('FRA'), assetAlert({ type: 'company', name: 'Romashka LLC' }));
    await createAlert(t.deps, as('FRA'), documentAlert('FRA', '12AB34567'));
    const writer = new IndexFollower(t.deps.db);
    await writer.load();
    const file = join(dir, 'index.snapshot');
    await writeIndexSnapshot(t.deps.db, file, writer.index, writer.position);

    const follower = new IndexFollower(t.deps.db, file);
    await follower.load();
    expect(follower.startedFrom).toEqual({ source: 'snapshot' });
    expect(ids(follower.index, { iban: 'de89 3704 0044 0532 0130 00' })).toEqual([account.id]);
    expect(ids(follower.index, { company: { name: 'ООО Ромашка' } })).toEqual([company.id]);

    const vessel = await createAlert(t.deps, as('ITA'), assetAlert({ type: 'vessel', imo: 'IMO 9074729' }));
    await updateAlert(t.deps, as('FRA'), company.id, { asset: { type: 'company', name: 'Vasilek LLC' } });
    await cancelAlert(t.deps, as('FRA'), account.id, { reason: 'account closed' });
    await follower.catchUp();
    expect(ids(follower.index, { imo: '9074729' })).toEqual([vessel.id]);
    expect(ids(follower.index, { company: { name: 'ООО Ромашка' } })).toEqual([]);
    expect(ids(follower.index, { company: { name: 'ООО Василек' } })).toEqual([company.id]);
    expect(ids(follower.index, { iban: 'DE89370400440532013000' })).toEqual([]);
    expect(follower.index.assets.size).toBe(2);
  });
});
