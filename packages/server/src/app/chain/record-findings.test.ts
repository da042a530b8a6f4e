import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as, openTestDeps, type TestContext } from '../../../test/engines.js';
import { location, scanned } from '../../../test/findings.js';
import { contentOf } from '../../store/chain-finding-repo.js';
import { queryAudit } from '../../store/audit-repo.js';
import { getFinding } from './get-finding.js';
import { MAX_CONTENT_BYTES } from './finding-view.js';
import { recordFindings } from './record-findings.js';

describe.each(ENGINES)('recording a scan’s findings on %s', (engine) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestDeps(engine);
  });
  afterAll(async () => t.close());

  it('keeps bytes up to 8 MiB, and says so when it does not keep them', async () => {
    const big = Buffer.alloc(MAX_CONTENT_BYTES + 1, 7);
    const small = Buffer.from('small payload');
    const { ids } = await recordFindings(t.deps, as('FRA', 'analyst'), [{ finding: scanned(big), content: big }, { finding: scanned(small), content: small }]);
    const [bigOne, smallOne] = await Promise.all(ids.map((id) => getFinding(t.deps, as('FRA', 'analyst'), id)));
    expect(bigOne).toMatchObject({ contentKept: false, size: big.length });
    expect(bigOne!.notes).toEqual([`content not kept: ${big.length} bytes is over the ${MAX_CONTENT_BYTES} kept`]);
    expect(await contentOf(t.deps.db, ids[0]!)).toBeUndefined();
    expect(smallOne).toMatchObject({ contentKept: true, notes: [] });
    expect((await contentOf(t.deps.db, ids[1]!))?.toString()).toBe('small payload');
  });

  it('merges the same bytes of one member into one finding, keeps other members’ apart, and unions matches', async () => {
    const bytes = Buffer.from('seen twice');
    const first = await recordFindings(t.deps, as('DEU', 'analyst'), [{ finding: scanned(bytes, { locations: [location('one', 1)] }) }]);
    const again = await recordFindings(t.deps, as('DEU', 'bureau'), [
      { finding: scanned(bytes, { locations: [location('one', 1), location('two', 2)], matches: [{ source: 'yara', name: 'rule_a', on: 'payload' }] }), content: bytes },
    ]);
    expect(again).toMatchObject({ recorded: 0, merged: 1, locationsAdded: 1, ids: first.ids });
    const merged = await getFinding(t.deps, as('DEU', 'analyst'), first.ids[0]!);
    expect(merged.locations.map((l) => l.height)).toEqual([1, 2]);
    expect(merged.matches).toEqual([{ source: 'yara', name: 'rule_a', on: 'payload' }]);
    // The bytes came with the second scan: now kept, and the note that they were not is gone.
    expect(merged).toMatchObject({ contentKept: true, notes: [] });
    const other = await recordFindings(t.deps, as('ITA', 'analyst'), [{ finding: scanned(bytes) }]);
    expect(other.recorded).toBe(1);
    expect(other.ids[0]).not.toBe(first.ids[0]);
  });

  it('stores a text with NUL characters (binary previews) and refuses the frontline, on the trail', async () => {
    const bytes = Buffer.from('a\u0000b');
    const { ids } = await recordFindings(t.deps, as('FRA', 'bureau'), [{ finding: scanned(bytes, { text: { printableRatio: 0.6, language: null, urls: [], onions: [], preview: 'a\u0000b' } }) }]);
    expect((await getFinding(t.deps, as('FRA', 'bureau'), ids[0]!)).text?.preview).toBe('a\ufffdb');
    await expect(recordFindings(t.deps, as('FRA', 'frontline'), [{ finding: scanned(bytes) }])).rejects.toMatchObject({ code: 'access.forbidden' });
    const entries = await queryAudit(t.deps.db, { action: 'finding.record', limit: 20 });
    expect(entries.some((e) => e.outcome === 'access.forbidden' && e.role === 'frontline')).toBe(true);
    expect(entries.some((e) => e.outcome === 'ok' && JSON.parse(e.detail).recorded === 1)).toBe(true);
  });
});
