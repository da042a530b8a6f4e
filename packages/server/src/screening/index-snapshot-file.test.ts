import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Alert } from '@crosscheck/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENGINES, as, documentAlert, openTestDeps, personAlert, type TestContext } from '../../test/engines.js';
import { cancelAlert } from '../app/cancel-alert.js';
import { createAlert } from '../app/create-alert.js';
import { IndexFollower } from './index-follower.js';
import { readIndexSnapshot, writeIndexSnapshot } from './index-snapshot-file.js';
import { ScreeningIndex } from './screening-index.js';

/** What a screening of these documents finds: alert, score and reason codes, in a stable order. */
function findings(index: ScreeningIndex, probes: { issuingState: string; number: string }[]): string[] {
  return probes.flatMap((p) =>
    index
      .searchDocument(p, 'DEU')
      .map((c) => `${p.issuingState}/${p.number} → ${c.entry.id} ${c.score.toFixed(3)} ${c.reasons.map((r) => r.code).join(',')}`)
      .sort(),
  );
}

/** An index of `n` active document alerts, as a store read would fill it. */
function documentIndexOf(n: number): ScreeningIndex {
  const index = new ScreeningIndex();
  const at = '2026-01-01T00:00:00.000Z';
  for (let i = 0; i < n; i++) {
    const alert: Alert = { id: `alert-${i}`, owner: 'FRA', status: 'active', version: 1, createdAt: at, updatedAt: at, kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: `XA${String(i).padStart(7, '0')}`, status: 'stolen-blank' }, visibility: { mode: 'all' } };
    index.upsert(alert);
  }
  return index;
}

/** The file's bytes with `change` applied to the alert lines (after the header and the document records). */
function withAlertLines(file: string, change: (lines: Buffer) => void): void {
  const bytes = readFileSync(file);
  const headerEnd = bytes.indexOf(10) + 1;
  const header = JSON.parse(bytes.subarray(0, headerEnd).toString('utf8')) as { documentBytes: number };
  change(bytes.subarray(headerEnd + header.documentBytes));
  writeFileSync(file, bytes);
}

describe('writing an index snapshot', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-snapshot-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets the event loop run while the alerts are serialised, and the file still reads back whole', async () => {
    const n = 20_000;
    const index = documentIndexOf(n);
    const file = join(dir, 'index.snapshot');
    // Each alert line is one JSON.stringify call: how many had run when a timer set before the
    // write got its turn tells whether the write held the event loop through all of them.
    const stringify = vi.spyOn(JSON, 'stringify');
    let linesWhenTimerRan = -1;
    let done = false;
    setTimeout(() => {
      linesWhenTimerRan = done ? Infinity : stringify.mock.calls.length;
    }, 0);
    try {
      // Position 0: before the first change, so the store is not asked.
      await writeIndexSnapshot(null as never, file, index, 0);
      done = true;
      expect(stringify.mock.calls.length).toBeGreaterThanOrEqual(n);
    } finally {
      stringify.mockRestore();
    }
    expect(linesWhenTimerRan).toBeGreaterThanOrEqual(0);
    expect(linesWhenTimerRan).toBeLessThan(n / 2);
    const read = await readIndexSnapshot(file);
    if (!read.ok) throw new Error(`the snapshot was refused: ${read.detail}`);
    expect(read.snapshot.alerts).toHaveLength(n);
    expect(read.snapshot.documents.lookup('FRA', 'XA0012345')).toHaveLength(1);
  });

  it('refuses an alert line longer than any it writes, without gathering the rest of the file', async () => {
    // About 1.5 MB of alert lines, their line breaks damaged into one line.
    const index = documentIndexOf(6000);
    const file = join(dir, 'index.snapshot');
    await writeIndexSnapshot(null as never, file, index, 0);
    expect(await readIndexSnapshot(file)).toMatchObject({ ok: true });
    withAlertLines(file, (lines) => {
      for (let i = 0; i < lines.byteLength; i++) if (lines[i] === 10) lines[i] = 0x20;
    });
    for (const chunkBytes of [undefined, 64 * 1024]) {
      const read = await readIndexSnapshot(file, chunkBytes);
      expect(read).toMatchObject({ ok: false, reason: 'damaged' });
      expect(read.ok ? '' : read.detail).toMatch(/alert line 1 is longer than 1048576 bytes/);
    }
  });
});

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
    // The name words are counted alike (scoring weighs common words by them): the persons are
    // upserted from the store, GARCIA a second time from the feed after the snapshot, and counted once.
    expect([fromSnapshot.index.frequencies.persons, fromSnapshot.index.frequencies.personsWith('ROSSI'), fromSnapshot.index.frequencies.personsWith('GARCIA')]).toEqual([2, 1, 1]);
    expect([fromStore.index.frequencies.persons, fromStore.index.frequencies.personsWith('ROSSI'), fromStore.index.frequencies.personsWith('GARCIA')]).toEqual([2, 1, 1]);

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

  it('falls back to the full load when a bit of the header is flipped, so no change after the snapshot is skipped', async () => {
    const { gone } = await alertsThenSnapshot();
    await cancelAlert(t.deps, as('ITA'), gone.id, { reason: 'found' });
    // The position one later would start the feed after the cancellation and keep screening the
    // cancelled alert.
    const bytes = readFileSync(file);
    const digit = bytes.indexOf('"position":') + '"position":'.length;
    bytes[digit] = bytes[digit]! ^ 0x01;
    writeFileSync(file, bytes);
    expect(JSON.parse(bytes.subarray(0, bytes.indexOf(10)).toString('utf8'))).toMatchObject({ position: 5 });
    expect(await readIndexSnapshot(file)).toEqual({ ok: false, reason: 'damaged', detail: 'checksum mismatch' });

    const follower = new IndexFollower(t.deps.db, file);
    await follower.load();
    const fromStore = new IndexFollower(t.deps.db);
    await fromStore.load();
    expect(follower.startedFrom?.reason).toMatch(/^damaged/);
    expect(findings(follower.index, probes).some((f) => f.includes(gone.id))).toBe(false);
    expect(findings(follower.index, probes)).toEqual(findings(fromStore.index, probes));
  });

  it('falls back to the full load when the change at the snapshot\'s position is another version or time of the same alert', async () => {
    const alert = await createAlert(t.deps, as('FRA'), documentAlert('FRA', '12AB34567'));
    await cancelAlert(t.deps, as('FRA'), alert.id, { reason: 'found' });
    const writer = new IndexFollower(t.deps.db);
    await writer.load();
    // Written at the cancellation: the snapshot's change is the alert's second version.
    expect(writer.position).toBe(2);
    await writeIndexSnapshot(t.deps.db, file, writer.index, writer.position);
    const kept = await createAlert(t.deps, as('DEU'), documentAlert('DEU', 'C01X00T47'));
    const start = async () => {
      const follower = new IndexFollower(t.deps.db, file);
      await follower.load();
      return follower;
    };
    expect((await start()).startedFrom).toEqual({ source: 'snapshot' });

    // A feed where change 2 wrote the first version (as one rebuilt from an older backup could):
    // the same alert, so only the version tells the feeds apart.
    const original = await t.deps.db.selectFrom('changes').select(['version', 'at']).where('seq', '=', 2).executeTakeFirstOrThrow();
    expect(Number(original.version)).toBe(2);
    await t.deps.db.updateTable('changes').set({ version: 1 }).where('seq', '=', 2).execute();
    const otherVersion = await start();
    expect(otherVersion.startedFrom?.reason).toMatch(/^other-feed/);
    expect(otherVersion.index.searchDocument({ issuingState: 'DEU', number: 'C01X00T47' }, 'DEU').map((c) => c.entry.id)).toEqual([kept.id]);

    await t.deps.db.updateTable('changes').set({ version: 2, at: '2020-01-01T00:00:00.000Z' }).where('seq', '=', 2).execute();
    expect((await start()).startedFrom?.reason).toMatch(/^other-feed/);
    await t.deps.db.updateTable('changes').set({ at: original.at }).where('seq', '=', 2).execute();
    expect((await start()).startedFrom).toEqual({ source: 'snapshot' });
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
