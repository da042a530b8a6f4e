import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PaxlstError, parsePaxlst, type FlightManifest } from './index.js';
import { D02B_TWO_LEGS, D05B_NO_UNA, LEGACY_US, OTHER_SEPARATORS, RELEASED_NAMES } from './test-fixtures.js';

const today = '2024-06-01';
const FIXTURES = [D02B_TWO_LEGS, D05B_NO_UNA, LEGACY_US, RELEASED_NAMES, OTHER_SEPARATORS];

/** Returns the manifest, or undefined when the input was refused with the named error; anything else fails. */
function parseOrRefuse(input: string | Uint8Array): FlightManifest | undefined {
  const started = performance.now();
  try {
    const m = parsePaxlst(input, { today });
    expectWellFormed(m);
    return m;
  } catch (e) {
    if (!(e instanceof PaxlstError)) throw e;
    expect(e.segment).toBeGreaterThanOrEqual(0);
    expect(e.message).toMatch(/^segment \d+/);
    return undefined;
  } finally {
    // A hang guard, not a benchmark: wide enough for a GC pause on a loaded machine.
    expect(performance.now() - started).toBeLessThan(1000);
  }
}

function expectWellFormed(m: FlightManifest): void {
  let previous = 0;
  for (const t of m.travellers) {
    expect(t.segment).toBeGreaterThan(previous); // message order
    previous = t.segment;
  }
  for (const w of m.warnings) {
    expect(w.segment).toBeGreaterThanOrEqual(0);
    expect(w.code).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+$/);
  }
  JSON.stringify(m);
}

/** A mutation of a text: cut a range, insert characters (separators likely), or repeat a slice. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: fc.constantFrom(..."+:'?*~!>\r\n UNHADTCLOGB0129\u0000\u00e9\ufffd".split('')), maxLength: 12 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.nat({ max: 200 }), times: fc.integer({ min: 1, max: 5 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, m: Mutation): string {
  const at = m.at % (text.length + 1);
  if (m.kind === 'cut') return text.slice(0, at) + text.slice(at + m.length);
  if (m.kind === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  return text.slice(0, at) + text.slice(at, at + m.length).repeat(m.times) + text.slice(at);
}

const sameReading = (m: FlightManifest) => ({ flights: m.flights, travellers: m.travellers.map(({ line: _line, ...t }) => t), header: m.header });

describe('parsePaxlst never hangs or crashes', () => {
  it('returns or refuses with a PaxlstError on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20_000 }), (text) => {
        parseOrRefuse(text);
      }),
      { numRuns: 300 },
    );
  });

  it('returns or refuses on any string that begins like an interchange', () => {
    const start = fc.constantFrom("UNA:+.? '", 'UNB+UNOA:4+', "UNH+1+PAXLST:D:05B:UN:IATA'", 'UNA', "UNA:+.? 'UNB", "UNH+1+PAXLST:001:000'");
    const body = fc.string({ unit: fc.constantFrom(..."NAD+FL:TDT'LOC+125DTM+329:DOC?UNTCNT42 \n".split('')), maxLength: 5_000 });
    fc.assert(
      fc.property(start, body, (s, b) => {
        parseOrRefuse(s + b);
      }),
      { numRuns: 500 },
    );
  });

  it('returns or refuses on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5_000 }), fc.constantFrom(...FIXTURES), (bytes, fixture) => {
        parseOrRefuse(bytes);
        const prefix = new TextEncoder().encode(fixture.slice(0, 200));
        const joined = new Uint8Array(prefix.length + bytes.length);
        joined.set(prefix);
        joined.set(bytes, prefix.length);
        parseOrRefuse(joined);
      }),
      { numRuns: 200 },
    );
  });

  it('returns or refuses on every mutation of a valid message, and mostly still reads it', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.constantFrom(...FIXTURES), fc.array(mutation, { minLength: 1, maxLength: 8 }), (fixture, mutations) => {
        if (parseOrRefuse(mutations.reduce(mutate, fixture))) read++;
      }),
      { numRuns: 1000 },
    );
    // Damage anywhere but the first segments leaves the rest readable: the reader does not give up early.
    expect(read).toBeGreaterThan(800);
  });
});

describe('parsePaxlst reads the same message however it is written', () => {
  it('gives the same manifest with any separators UNA declares', () => {
    // Characters absent from the fixture, so that a plain substitution rewrites it.
    const pool = '|^~!#$%&*<>@\\`{}_;'.split('');
    const separators = fc.uniqueArray(fc.constantFrom(...pool), { minLength: 4, maxLength: 4 });
    const reference = sameReading(parsePaxlst(D02B_TWO_LEGS, { today }));
    fc.assert(
      fc.property(separators, ([comp, elem, rel, term]) => {
        const map: Record<string, string> = { ':': comp!, '+': elem!, '?': rel!, "'": term! };
        const body = D02B_TWO_LEGS.slice("UNA:+.? '".length).replace(/[:+?']/g, (c) => map[c]!);
        const m = parsePaxlst(`UNA${comp}${elem}.${rel} ${term}${body}`, { today });
        expect(m.warnings).toEqual([]);
        expect(sameReading(m)).toEqual(reference);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same manifest with any line breaks and blanks between segments', () => {
    const reference = sameReading(parsePaxlst(D02B_TWO_LEGS, { today }));
    const segments = D02B_TWO_LEGS.split("'\n").filter((s) => s !== '');
    const layout = fc.array(fc.constantFrom('', '\n', '\r\n', '\r', '\n\n'), { minLength: segments.length, maxLength: segments.length });
    fc.assert(
      fc.property(layout, (breaks) => {
        const text = segments.map((s, i) => `${s}'${breaks[i]}`).join('');
        const m = parsePaxlst(text, { today });
        expect(m.warnings).toEqual([]);
        expect(sameReading(m)).toEqual(reference);
      }),
      { numRuns: 200 },
    );
  });

  it('gives back any name written with release characters', () => {
    const name = fc.string({ unit: fc.constantFrom(..."AZaz09 -.'+:?".split('')), minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '');
    const release = (s: string) => s.replace(/[+:'?]/g, (c) => `?${c}`);
    fc.assert(
      fc.property(name, name, (family, given) => {
        const text = `UNA:+.? 'UNB+UNOB:4+S+R+240101:0000+1'UNH+1+PAXLST:D:05B:UN:IATA'NAD+FL+++${release(family)}:${release(given)}'UNT+3+1'UNZ+1+1'`;
        const m = parsePaxlst(text, { today });
        expect(m.warnings).toEqual([]);
        expect(m.travellers[0]!.name).toEqual({ family: family.trim(), given: given.trim() });
      }),
      { numRuns: 500 },
    );
  });
});
