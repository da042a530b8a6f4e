import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  chainStart,
  checkHead,
  checkNext,
  GENESIS_HASH,
  hashEntry,
  type AuditFields,
  type ChainBreak,
  type ChainedEntry,
} from './hash-chain.js';

type Content = Omit<AuditFields, 'seq'>;
type Head = { seq: number; hash: string };

const TEXT_FIELDS = ['at', 'member', 'role', 'credential', 'action', 'target', 'requestId', 'outcome', 'detail'] as const;
const ALL_FIELDS = ['seq', ...TEXT_FIELDS, 'prevHash', 'hash'] as const;
type FieldName = (typeof ALL_FIELDS)[number];

const contentArb: fc.Arbitrary<Content> = fc.record({
  at: fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms).toISOString()),
  member: fc.constantFrom('FRA', 'DEU', 'ITA', 'UNO'),
  role: fc.constantFrom('bureau', 'frontline', 'reviewer', 'analyst', 'auditor', 'admin'),
  credential: fc.oneof(fc.constant('cli'), fc.string({ minLength: 1, maxLength: 8 }).map((s) => `key:${s}`)),
  action: fc.constantFrom('alert.create', 'alert.update', 'alert.read', 'audit.read'),
  target: fc.string({ maxLength: 20 }),
  requestId: fc.uuid(),
  outcome: fc.constantFrom('ok', 'denied', 'error'),
  // Any code points, including lone surrogates, in the free-text field.
  detail: fc.string({ unit: 'binary', maxLength: 30 }),
});

const chainArb = (minLength: number): fc.Arbitrary<ChainedEntry[]> =>
  fc.array(contentArb, { minLength, maxLength: 8 }).map(buildChain);

function buildChain(contents: Content[]): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let prevHash = GENESIS_HASH;
  contents.forEach((content, i) => {
    const fields: AuditFields = { seq: i + 1, ...content };
    const hash = hashEntry(fields, prevHash);
    entries.push({ ...fields, prevHash, hash });
    prevHash = hash;
  });
  return entries;
}

const headOf = (entries: ChainedEntry[]): Head => {
  const last = entries[entries.length - 1];
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
};

/** What the store does: every entry in order, stop at the first break, then the head. */
function verify(entries: ChainedEntry[], head: Head): ChainBreak | null {
  const state = chainStart();
  for (const entry of entries) {
    const problem = checkNext(state, entry);
    if (problem) return problem;
  }
  return checkHead(state, head);
}

/** A value of the same type that differs from the original. */
function changed(original: string | number, seed: string, delta: number): string | number {
  if (typeof original === 'number') return original + delta;
  return seed === original ? `${original}x` : seed;
}

const RUNS = { numRuns: 150 };

describe('hash chain: an untouched trail', () => {
  it('verifies every entry and the head', () => {
    fc.assert(
      fc.property(chainArb(0), (entries) => {
        const state = chainStart();
        for (const entry of entries) expect(checkNext(state, entry)).toBeNull();
        expect(state).toEqual({ lastSeq: entries.length, lastHash: headOf(entries).hash });
        expect(checkHead(state, headOf(entries))).toBeNull();
      }),
      RUNS,
    );
  });

  it('verifies an empty trail against an empty head', () => {
    expect(verify([], { seq: 0, hash: GENESIS_HASH })).toBeNull();
  });

  it('links the first entry to the genesis hash', () => {
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
    expect(chainStart()).toEqual({ lastSeq: 0, lastHash: GENESIS_HASH });
  });
});

describe('hash chain: tampering is detected at the first broken entry', () => {
  it('catches any one field of any one entry being altered (sequence numbers raised)', () => {
    fc.assert(
      fc.property(
        chainArb(1),
        fc.nat(),
        fc.constantFrom<FieldName>(...ALL_FIELDS),
        fc.string({ maxLength: 10 }),
        fc.integer({ min: 1, max: 5 }),
        (entries, pick, field, seed, delta) => {
          const index = pick % entries.length;
          const head = headOf(entries);
          const target = entries[index];
          if (!target) throw new Error('unreachable');
          const tampered = entries.map((e) => ({ ...e }));
          tampered[index] = { ...target, [field]: changed(target[field], seed, delta) };
          const problem = verify(tampered, head);
          expect(problem).not.toBeNull();
          expect(problem?.seq).toBe(index + 1);
          expect(problem?.message).toContain(String(index + 1));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names an altered entry as altered', () => {
    const entries = buildChain(fc.sample(contentArb, { numRuns: 4, seed: 7 }));
    const tampered = entries.map((e, i) => (i === 1 ? { ...e, detail: `${e.detail} (edited)` } : e));
    expect(verify(tampered, headOf(entries))).toMatchObject({ kind: 'altered', seq: 2 });
  });

  // E.g. entry 3 of 3 altered to seq 1 must be named as entry 3, not as the forged number 1.
  it('names the altered entry when its sequence number is lowered', () => {
    fc.assert(
      fc.property(chainArb(1), fc.nat(), fc.integer({ min: 1, max: 9 }), (entries, pick, drop) => {
        const index = pick % entries.length;
        const target = entries[index];
        if (!target) throw new Error('unreachable');
        const tampered = entries.map((e, i) => (i === index ? { ...e, seq: e.seq - drop } : e));
        expect(verify(tampered, headOf(entries))?.seq).toBe(index + 1);
      }),
      RUNS,
    );
  });

  it('catches any one entry being deleted, with the head still at the original last entry', () => {
    fc.assert(
      fc.property(chainArb(1), fc.nat(), (entries, pick) => {
        const index = pick % entries.length;
        const head = headOf(entries);
        const remaining = entries.filter((_, i) => i !== index);
        const problem = verify(remaining, head);
        expect(problem).toMatchObject({ kind: 'deleted', seq: index + 1 });
      }),
      RUNS,
    );
  });

  it('catches the last entry being deleted through the recorded head', () => {
    fc.assert(
      fc.property(chainArb(1), (entries) => {
        const head = headOf(entries);
        const problem = verify(entries.slice(0, -1), head);
        expect(problem).toMatchObject({ kind: 'deleted', seq: entries.length });
        expect(problem?.message).toContain(`head is at ${entries.length}`);
      }),
      RUNS,
    );
  });

  it('catches a middle entry being deleted', () => {
    const entries = buildChain(fc.sample(contentArb, { numRuns: 5, seed: 3 }));
    const problem = verify([...entries.slice(0, 2), ...entries.slice(3)], headOf(entries));
    expect(problem).toMatchObject({ kind: 'deleted', seq: 3 });
  });

  it('catches the whole trail being deleted', () => {
    const entries = buildChain(fc.sample(contentArb, { numRuns: 3, seed: 11 }));
    expect(verify([], headOf(entries))).toMatchObject({ kind: 'deleted', seq: 1 });
  });

  it('catches any two entries being swapped', () => {
    fc.assert(
      fc.property(chainArb(2), fc.nat(), fc.nat(), (entries, a, b) => {
        const i = a % entries.length;
        const j = b % entries.length;
        fc.pre(i !== j);
        const first = Math.min(i, j);
        const swapped = [...entries];
        const x = swapped[i];
        const y = swapped[j];
        if (!x || !y) throw new Error('unreachable');
        swapped[i] = y;
        swapped[j] = x;
        const problem = verify(swapped, headOf(entries));
        expect(problem).not.toBeNull();
        expect(problem?.seq).toBe(first + 1);
      }),
      RUNS,
    );
  });

  it('names an entry that was edited and re-hashed, not the intact entry after it', () => {
    const entries = buildChain(fc.sample(contentArb, { numRuns: 4, seed: 11 }));
    const tampered = entries.map((e, i) => {
      if (i !== 1) return e;
      const edited = { ...e, outcome: 'ok (edited)' };
      return { ...edited, hash: hashEntry(edited, edited.prevHash) };
    });
    expect(verify(tampered, headOf(entries))).toMatchObject({ kind: 'altered', seq: 2 });
  });

  it('catches an entry moved back after a later one', () => {
    const entries = buildChain(fc.sample(contentArb, { numRuns: 3, seed: 5 }));
    const [e1, e2, e3] = entries;
    if (!e1 || !e2 || !e3) throw new Error('unreachable');
    const state = chainStart();
    expect(checkNext(state, e1)).toBeNull();
    expect(checkNext(state, e2)).toBeNull();
    expect(checkNext(state, e1)).toMatchObject({ kind: 'reordered', seq: 3 });
  });

  it('catches a rewritten tail, re-hashed from the altered entry on, through the recorded head', () => {
    fc.assert(
      fc.property(chainArb(1), fc.nat(), fc.string({ minLength: 1, maxLength: 10 }), (entries, pick, extra) => {
        const index = pick % entries.length;
        const contents = entries.map(({ seq: _s, prevHash: _p, hash: _h, ...content }) => content);
        const target = contents[index];
        if (!target) throw new Error('unreachable');
        contents[index] = { ...target, detail: target.detail + extra };
        const forged = buildChain(contents);
        expect(verify(forged, headOf(entries))).toMatchObject({ kind: 'altered', seq: entries.length });
      }),
      RUNS,
    );
  });

  it('catches entries appended after the recorded head', () => {
    const entries = buildChain(fc.sample(contentArb, { numRuns: 4, seed: 9 }));
    const head = headOf(entries.slice(0, 3));
    expect(verify(entries, head)).toMatchObject({ kind: 'altered', seq: 4 });
  });
});

describe('hashEntry', () => {
  const fields: AuditFields = {
    seq: 1,
    at: '2024-05-01T10:00:00.000Z',
    member: 'FRA',
    role: 'bureau',
    credential: 'key:abc',
    action: 'alert.create',
    target: 'alert:1',
    requestId: 'req-1',
    outcome: 'ok',
    detail: '',
  };

  it('is a 64-digit hex SHA-256 that depends only on the content', () => {
    const hash = hashEntry(fields, GENESIS_HASH);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEntry({ ...fields }, GENESIS_HASH)).toBe(hash);
  });

  it('changes with the previous hash', () => {
    expect(hashEntry(fields, 'f'.repeat(64))).not.toBe(hashEntry(fields, GENESIS_HASH));
  });

  it('does not confuse text moved from one field to the next', () => {
    const a = hashEntry({ ...fields, target: 'alert:1', requestId: 'x' }, GENESIS_HASH);
    const b = hashEntry({ ...fields, target: 'alert:', requestId: '1x' }, GENESIS_HASH);
    expect(a).not.toBe(b);
  });
});
