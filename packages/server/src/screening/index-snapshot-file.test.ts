import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert, openTestDeps, personAlert, type TestContext } from '../../test/engines.js';
import { cancelAlert } from '../app/cancel-alert.js';
import { createAlert } from '../app/create-alert.js';
import { IndexFollower } from './index-follower.js';
import { readIndexSnapshot, writeIndexSnapshot } from './index-snapshot-file.js';
import type { ScreeningIndex } from './screening-index.js';

/** What a screening of these documents finds: alert, score and reason codes, in a stable order. */
function findings(index: ScreeningIndex, probes: { issuingState: string; number: string }[]): string[] {
  return probes.flatMap((p) =>
    index
      .searchDocument(p, 'DEU')
      .map((c) => `${p.issuingState}/${p.number} → ${c.entry.id} ${c.score.toFixed(3)} ${c.reasons.map((r) => r.code).join(',')}`)
      .sort(),
  );
}

describe.each(ENGINES)('starting the screening index from a snapshot file on %s', (engine) => {
  let t: TestContext;
  let dir: string;
  let file: string;
  beforeEach(async () => {
    t = await openTestDeps(engine);
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-snapshot-'));
    file = join(dir, 'index.snapshot');
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function alertsThenSnapshot() {
    const fra = await createAlert(t.deps, as('FRA'), documentAlert('FRA', '12AB34567'));
    const deu = await createAlert(t.deps, as('DEU'), documentAlert('DEU', 'C01X00T47'));
    const gone = await createAlert(t.deps, as('ITA'), documentAlert('ITA', 'YA0001234'));
    const person = await createAlert(t.deps, as('ITA'), { ...personAlert('ROSSI'), person: { ...personAlert('ROSSI').person, documents: [{ issuingState: 'ITA', type: 'passport', number: 'YB7777777' }] } });
    const writer = new IndexFollower(t.deps.db);
    await writer.load();
    await writeIndexSnapshot(t.deps.db, file, writer.index, writer.position);
    return { fra, deu, gone, person };
  }

  const probes = [
    { issuingState: 'FRA', number: '12 AB 34567' },
    { issuingState: 'D', number: 'COIXOOT47' },
    { issuingState: 'ITA', number: 'YA0001234' },
    { issuingState: 'ITA', number: 'YB7777777' },
    { issuingState: 'ESP', number: 'XD0000001' },
    { issuingState: 'ESP', number: 'XD0000002' },
    { issuingState: '', number: 'XD0000001' },
  ];

  it('finds the same documents as a start from the store, including changes made after the snapshot was written', async () => {
    const { gone, person } = await alertsThenSnapshot();
    // After the snapshot: one alert cancelled, a document alert and a person holding a document added.
    await cancelAlert(t.deps, as('ITA'), gone.id, { reason: 'found' });
    const added = await createAlert(t.deps, as('ESP'), documentAlert('ESP', 'XD0000001'));
    await createAlert(t.deps, as('ESP'), { ...personAlert('GARCIA'), person: { ...personAlert('GARCIA').person, documents: [{ issuingState: 'ESP', type: 'passport', number: 'XD0000002' }] } });

    const fromSnapshot = new IndexFollower(t.deps.db, file);
    await fromSnapshot.load();
    const fromStore = new IndexFollower(t.deps.db);
    await fromStore.load();

    expect(fromSnapshot.startedFrom).toEqual({ source: 'snapshot' });
    expect(fromSnapshot.position).toBe(fromStore.position);
    expect(fromSnapshot.index.size).toBe(fromStore.index.size);
    const found = findings(fromSnapshot.index, probes);
    expect(found).toEqual(findings(fromStore.index, probes));
    expect(found.some((f) => f.includes(added.id))).toBe(true);
    expect(found.some((f) => f.includes(gone.id))).toBe(false);
    expect(found.some((f) => f.includes(person.id))).toBe(true);
    expect(fromSnapshot.index.entryOf(person.id)).toEqual(fromStore.index.entryOf(person.id));
    expect(fromSnapshot.index.documentHolders('FRA', '12AB34567').map((e) => e.id)).toEqual(fromStore.index.documentHolders('FRA', '12AB34567').map((e) => e.id));

    // The restored index keeps following the feed like any other.
    const later = await createAlert(t.deps, as('FRA'), documentAlert('FRA', 'LATER0001'));
    await fromSnapshot.catchUp();
    expect(fromSnapshot.index.searchDocument({ issuingState: 'FRA', number: 'LATER0001' }, 'DEU').map((c) => c.entry.id)).toEqual([later.id]);
  });

  it('reads the same snapshot whatever the size of the pieces it is read in', async () => {
    await alertsThenSnapshot();
    const whole = await readIndexSnapshot(file);
    const inPieces = await readIndexSnapshot(file, 7);
    if (!whole.ok || !inPieces.ok) throw new Error('the snapshot was refused');
    expect(inPieces.snapshot.alerts).toEqual(whole.snapshot.alerts);
    expect(inPieces.snapshot.alerts.map((a) => a.number).sort()).toEqual(['12AB34567', 'C01X00T47', 'YA0001234']);
    expect(inPieces.snapshot.documents.lookup('D', 'C01X00T47')).toEqual(whole.snapshot.documents.lookup('DEU', 'C01X00T47'));
    expect(inPieces.snapshot.documents.size).toBe(3);
  });

  it('falls back to the full load when the snapshot is damaged, and still finds every document', async () => {
    await alertsThenSnapshot();
    const bytes = readFileSync(file);
    // One byte in the middle of the document records.
    const middle = Math.floor(statSync(file).size / 2);
    bytes[middle] = bytes[middle]! ^ 0x20;
    writeFileSync(file, bytes);
    expect(await readIndexSnapshot(file)).toMatchObject({ ok: false, reason: 'damaged' });

    const follower = new IndexFollower(t.deps.db, file);
    await follower.load();
    const fromStore = new IndexFollower(t.deps.db);
    await fromStore.load();
    expect(follower.startedFrom?.source).toBe('store');
    expect(follower.startedFrom?.reason).toMatch(/^damaged/);
    expect(findings(follower.index, probes)).toEqual(findings(fromStore.index, probes));
    expect(findings(follower.index, probes)).toHaveLength(4);
  });

  it('falls back to the full load when the snapshot is cut short, missing, or from another database', async () => {
    await alertsThenSnapshot();
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.byteLength - 10));
    expect(await readIndexSnapshot(file)).toMatchObject({ ok: false, reason: 'damaged' });
    rmSync(file);
    const missing = new IndexFollower(t.deps.db, file);
    await missing.load();
    expect(missing.startedFrom?.reason).toMatch(/^missing/);
    expect(findings(missing.index, probes)).toHaveLength(4);

    writeFileSync(file, whole);
    const other = await openTestDeps(engine);
    try {
      await createAlert(other.deps, as('FRA'), documentAlert('FRA', '99ZZ00000'));
      const follower = new IndexFollower(other.deps.db, file);
      await follower.load();
      expect(follower.startedFrom?.reason).toMatch(/^other-feed/);
      expect(findings(follower.index, probes)).toEqual([]);
      expect(follower.index.searchDocument({ issuingState: 'FRA', number: '99ZZ00000' }, 'DEU')).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
