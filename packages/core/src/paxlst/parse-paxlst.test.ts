import { describe, expect, it } from 'vitest';
import { screenQuerySchema } from '../screening/screen-query.js';
import { MAX_PAXLST_CHARS, MAX_PAXLST_TRAVELLERS, PaxlstError, parsePaxlst, toScreenQueries } from './index.js';
import { D02B_TWO_LEGS, D05B_NO_UNA, LEGACY_US, OTHER_SEPARATORS, RELEASED_NAMES, paxlstWithPassengers } from './test-fixtures.js';

const today = '2024-06-01';
const codes = (m: { warnings: { code: string }[] }) => m.warnings.map((w) => w.code);

function thrown(f: () => unknown): PaxlstError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PaxlstError);
    return e as PaxlstError;
  }
  throw new Error('expected a PaxlstError');
}

describe('parsePaxlst on the fixtures', () => {
  it('reads a clean D02B with two legs, passengers and crew, without a warning', () => {
    const m = parsePaxlst(D02B_TWO_LEGS, { today });
    expect(m.warnings).toEqual([]);
    expect(m.header).toMatchObject({
      dialect: 'un',
      syntax: { identifier: 'UNOA', version: '4' },
      sender: 'AIRLINEX',
      receiver: 'BORDERCTL',
      preparedAt: '2024-03-01T09:15',
      interchangeRef: 'IC0001',
      groupRef: 'GR0001',
      messageRef: 'MSG0001',
      version: 'D02B',
      association: 'IATA',
      sequence: { number: '01', marker: 'F' },
      documentCode: '745',
      reportingParty: 'OPERATIONS DESK',
      messages: 1,
    });
    expect(m.flights).toEqual([
      {
        segment: 7,
        designator: 'XX123',
        carrier: 'XX',
        number: '0123',
        finalDestination: null,
        legs: [
          { departure: { airport: 'CDG', time: '2024-03-01T10:30' }, arrival: { airport: 'KEF', time: '2024-03-01T12:10' } },
          { departure: { airport: 'KEF', time: '2024-03-01T13:30' }, arrival: { airport: 'JFK', time: '2024-03-01T15:45' } },
        ],
      },
    ]);
    expect(m.travellers.map((t) => [t.role, t.name.family, t.name.given])).toEqual([
      ['passenger', 'DUBOIS', 'MARIE CLAIRE'],
      ['passenger', 'NOWAK', 'JAN'],
      ['passenger', 'HASSAN', 'OMAR'],
      ['crew', 'LARSEN', 'ERIK'],
      ['crew', 'SILVA', 'ANA'],
    ]);
    expect(m.travellers[0]).toEqual({
      segment: 16,
      line: 17,
      role: 'passenger',
      inTransit: false,
      partyCode: 'FL',
      name: { family: 'DUBOIS', given: 'MARIE CLAIRE' },
      sex: 'F',
      birthDate: '1985-04-12',
      nationality: 'FRA',
      residence: 'FRA',
      birthPlace: null,
      embarkation: 'CDG',
      debarkation: 'JFK',
      clearance: null,
      documents: [{ segment: 24, type: 'P', number: '14FR56789', issuingState: 'FRA', expiry: '2030-12-31', issued: null }],
      references: [{ qualifier: 'AVF', value: 'ABC123' }],
    });
    // Partial birth dates: 00 for unknown month and day, and format 602 (year only).
    expect(m.travellers[1]!.birthDate).toBe('1965');
    expect(m.travellers[2]!.birthDate).toBe('1978');
    expect(m.travellers[4]!.birthDate).toBe('1988-02-29');
    expect(m.travellers[4]!.documents[0]!.type).toBe('AC');
    expect(m.declaredCounts).toEqual({ passengers: 3, crew: 2 });
  });

  it('reads a D05B without UNA: in-transit codes, alpha-2 and D state codes, issue dates, a birthplace by name', () => {
    const m = parsePaxlst(D05B_NO_UNA, { today });
    expect(codes(m)).toEqual(['una.missing']);
    expect(m.header.version).toBe('D05B');
    expect(m.header.sender).toBe('APIS*ABE'); // '*' is data here, not a repetition separator
    const [hans, grace] = m.travellers;
    expect(hans).toMatchObject({
      role: 'passenger',
      inTransit: true,
      partyCode: 'DDU',
      name: { family: 'MUELLER', given: 'HANS PETER' },
      birthDate: '1972-03-04',
      nationality: 'DEU',
      residence: 'DEU',
      birthPlace: 'BERLIN DEU',
      clearance: 'JFK',
      documents: [{ type: 'P', number: 'C01X00T47', issuingState: 'DEU', issued: '2019-06-10', expiry: '2029-06-09' }],
    });
    expect(grace).toMatchObject({ role: 'crew', inTransit: true, partyCode: 'DDT', sex: 'F', birthDate: '1990-07-15', nationality: 'NGA' });
    expect(grace!.documents).toEqual([{ segment: 26, type: 'P', number: 'A00123456', issuingState: 'NGA', expiry: null, issued: null }]);
  });

  it('reads the legacy US PAXLST 001:000 (PDT), with its release character and two-letter countries', () => {
    const m = parsePaxlst(LEGACY_US, { today });
    expect(m.warnings).toEqual([]);
    expect(m.header).toMatchObject({ dialect: 'us-legacy', version: '001:000', reportingParty: 'JOHN DOE', documentCode: null });
    expect(m.flights).toEqual([
      {
        segment: 5,
        designator: 'SA812',
        carrier: 'SA',
        number: '0812',
        finalDestination: null,
        legs: [{ departure: { airport: 'AKL', time: '2024-01-31T10:30' }, arrival: { airport: 'LAX', time: '2024-01-31T22:00' } }],
      },
    ]);
    expect(m.travellers.map((t) => [t.partyCode, t.role, t.inTransit, t.name.family, t.name.given, t.sex, t.birthDate])).toEqual([
      ['PAX', 'passenger', false, 'WILSON', 'KIRI ANN', 'F', '1980-04-29'],
      ['CRW', 'crew', false, "O'CONNOR", 'SEAN', 'M', '1975-12-21'],
      ['ITI', 'passenger', true, 'NGUYEN', 'LAN', 'F', '2002-02-02'],
    ]);
    expect(m.travellers[0]!.documents).toEqual([{ segment: 11, type: 'P', number: 'E1234567', issuingState: 'NZL', expiry: '2029-09-09', issued: null }]);
    expect(m.travellers[1]!.documents[0]!.issuingState).toBe('GBR');
    expect(m.travellers[0]).toMatchObject({ embarkation: 'AKL', debarkation: 'LAX' });
  });

  it('applies release characters: ?\' ?+ ?: ?? are the characters themselves', () => {
    const m = parsePaxlst(RELEASED_NAMES, { today });
    expect(m.warnings).toEqual([]);
    expect(m.travellers.map((t) => t.name)).toEqual([
      { family: "O'Brien", given: 'Siobhan' },
      { family: 'Smith+Jones', given: 'Alex:Sam' },
      { family: 'What?', given: 'Who' },
    ]);
    expect(m.travellers[2]!.documents[0]!.number).toBe('AB+123');
  });

  it('uses the separators UNA declares, with CRLF line ends and Latin-1 letters in UNOC', () => {
    const m = parsePaxlst(OTHER_SEPARATORS, { today });
    expect(m.warnings).toEqual([]);
    expect(m.header.documentCode).toBe('250');
    expect(m.flights[0]!.legs).toEqual([{ departure: { airport: 'FRA', time: '2024-03-01T10:30' }, arrival: { airport: 'JFK', time: '2024-03-01T13:20' } }]);
    expect(m.travellers).toHaveLength(1);
    expect(m.travellers[0]).toMatchObject({
      role: 'crew',
      name: { family: 'Müller-Lüdenscheidt', given: 'Jürgen' },
      birthDate: '1966-07-18',
      line: 10,
      documents: [{ number: 'C4*J9>R5', issuingState: 'DEU', expiry: '2031-01-01' }],
    });
  });

  it('reads bytes as UTF-8, or as ISO 8859-1 when they are not UTF-8', () => {
    const utf8 = new TextEncoder().encode(OTHER_SEPARATORS);
    expect(parsePaxlst(utf8, { today }).travellers[0]!.name.family).toBe('Müller-Lüdenscheidt');
    const latin1 = Uint8Array.from([...OTHER_SEPARATORS].map((c) => c.charCodeAt(0)));
    const m = parsePaxlst(latin1, { today });
    expect(m.travellers[0]!.name.family).toBe('Müller-Lüdenscheidt');
    expect(codes(m)).toEqual(['input.not-utf8']);
  });
});

describe('parsePaxlst on dirty input: warnings, not failures', () => {
  const replace = (from: string, to: string) => {
    expect(D02B_TWO_LEGS).toContain(from);
    return D02B_TWO_LEGS.replace(from, to);
  };

  it('warns of a wrong CNT, naming the segment and both counts', () => {
    const m = parsePaxlst(replace('CNT+42:3', 'CNT+42:7'), { today });
    expect(m.travellers).toHaveLength(5);
    expect(m.warnings).toEqual([
      { segment: 63, line: 64, code: 'cnt.mismatch', message: 'CNT declares 7 passengers; the message lists 3 (3 passengers, 0 crew)'.replace('0 crew', '2 crew') },
    ]);
  });

  it('warns of a UNT count and of control references that do not match', () => {
    const m = parsePaxlst(replace('UNT+63+MSG0001', 'UNT+60+MSG0002').replace('UNZ+1+IC0001', 'UNZ+1+IC0009').replace('UNE+1+GR0001', 'UNE+2+GR0001'), { today });
    expect(codes(m)).toEqual(['unt.count', 'unt.reference', 'une.count', 'unz.reference']);
    expect(m.warnings[0]).toMatchObject({ segment: 65, message: 'UNT declares 60 segments, there are 63' });
  });

  it('warns once per kind of character outside the declared level, keeping the text', () => {
    const m = parsePaxlst(replace('NOWAK:JAN', 'Nowak:Jan').replace('HASSAN:OMAR', 'HASSAN:ÖMAR'), { today });
    expect(m.travellers[1]!.name).toEqual({ family: 'Nowak', given: 'Jan' });
    expect(m.travellers[2]!.name.given).toBe('ÖMAR');
    expect(m.warnings.map((w) => [w.segment, w.code, w.message])).toEqual([
      [27, 'charset.outside-level', 'lower-case letters are outside the declared character set UNOA (in 1 segment, first here)'],
      [36, 'charset.outside-level', '"Ö" (U+00D6) are outside the declared character set UNOA (in 1 segment, first here)'],
    ]);
  });

  it('drops stray line breaks inside a segment, silently between segments', () => {
    const m = parsePaxlst(replace('DUBOIS:MARIE', 'DUBOIS:MA\r\nRIE').replace("'\n", "'\r\n\r\n"), { today });
    expect(m.travellers[0]!.name.given).toBe('MARIE CLAIRE');
    expect(m.warnings).toEqual([{ segment: 16, line: 18, code: 'line-break.in-segment', message: 'a line break inside segment NAD was ignored' }]);
  });

  it('warns of unknown and garbled segments and skips them', () => {
    const m = parsePaxlst(replace("ATT+2++F'", "ATT+2++F'XYZ+1'12!+X'").concat('trailing garbage'), { today });
    expect(codes(m)).toEqual(['segment.unknown', 'segment.garbled', 'unt.count', 'segment.unterminated', 'segment.garbled', 'charset.outside-level']);
    expect(m.travellers).toHaveLength(5);
    expect(m.travellers[0]!.sex).toBe('F');
  });

  it('ignores a release character at the very end', () => {
    const m = parsePaxlst(`${D02B_TWO_LEGS.trimEnd()}?`, { today });
    expect(codes(m)).toEqual(['release.at-end', 'segment.unterminated']);
    expect(m.travellers).toHaveLength(5);
  });

  it('reads a message without UNB, and one without UNH, with a warning', () => {
    const noUnb = D02B_TWO_LEGS.replace(/UNB[^']*'\n/, '');
    expect(codes(parsePaxlst(noUnb, { today }))).toEqual(['unb.missing']);
    const noUnh = D02B_TWO_LEGS.replace(/UNH[^']*'\n/, '');
    const m = parsePaxlst(noUnh, { today });
    expect(m.travellers).toHaveLength(5);
    expect(codes(m)).toContain('unh.missing');
  });

  it('lists the travellers of every message of a multi-part interchange, and their flight once', () => {
    const body = D02B_TWO_LEGS.slice(D02B_TWO_LEGS.indexOf('UNH'), D02B_TWO_LEGS.indexOf('UNE'));
    const twice = D02B_TWO_LEGS.replace(body, body + body).replace('UNE+1', 'UNE+2');
    const m = parsePaxlst(twice, { today });
    expect(m.warnings).toEqual([]);
    expect(m.travellers).toHaveLength(10);
    expect(m.flights).toHaveLength(1);
    expect(m.header.messages).toBe(2);
    expect(m.declaredCounts).toEqual({ passengers: 6, crew: 4 });
  });

  it('bounds repeated warnings: 20 of one code, then a count', () => {
    const segments = Array.from({ length: 30 }, () => "FOO+1'").join('');
    const m = parsePaxlst(D02B_TWO_LEGS.replace("BGM+745'", `BGM+745'${segments}`), { today });
    const unknown = m.warnings.filter((w) => w.code === 'segment.unknown');
    expect(unknown).toHaveLength(20);
    expect(m.warnings.at(-1)).toMatchObject({ code: 'warnings.more', message: '10 more warnings like segment.unknown not listed' });
  });
});

describe('parsePaxlst refuses what cannot be read', () => {
  it('refuses input that is not EDIFACT, naming segment and line', () => {
    const e = thrown(() => parsePaxlst('{"passengers": []}'));
    expect(e.code).toBe('paxlst.not-edifact');
    expect(e.kind).toBe('validation');
    expect(e.segment).toBe(1);
    expect(thrown(() => parsePaxlst('')).code).toBe('paxlst.not-edifact');
  });

  it('refuses an interchange without any message or traveller', () => {
    expect(thrown(() => parsePaxlst("UNB+UNOA:4+A+B+240101:0000+1'UNZ+0+1'")).code).toBe('paxlst.no-message');
  });

  it('refuses another message type', () => {
    const e = thrown(() => parsePaxlst("UNB+UNOA:4+A+B+240101:0000+1'UNH+1+PNRGOV:11:1:IA'MSG+:22'UNT+3+1'UNZ+1+1'"));
    expect(e.code).toBe('paxlst.not-paxlst');
    expect(e.segment).toBe(2);
  });

  it('refuses input over the size limit before reading it', () => {
    const big = 'UNB+'.padEnd(MAX_PAXLST_CHARS + 1, 'A');
    const e = thrown(() => parsePaxlst(big));
    expect([e.code, e.kind]).toEqual(['paxlst.too-large', 'too-large']);
    expect(thrown(() => parsePaxlst(new Uint8Array(MAX_PAXLST_CHARS + 1))).code).toBe('paxlst.too-large');
  });

  it('refuses more travellers than the limit', () => {
    const many = `UNH+1+PAXLST:D:05B:UN:IATA'${"NAD+FL+++A'".repeat(MAX_PAXLST_TRAVELLERS + 1)}`;
    const e = thrown(() => parsePaxlst(many));
    expect(e.code).toBe('paxlst.too-many-travellers');
    expect(e.segment).toBe(MAX_PAXLST_TRAVELLERS + 2);
  });
});

describe('toScreenQueries', () => {
  it('gives one valid screening query per traveller, in message order', () => {
    for (const text of [D02B_TWO_LEGS, D05B_NO_UNA, LEGACY_US, RELEASED_NAMES, OTHER_SEPARATORS]) {
      const m = parsePaxlst(text, { today });
      const queries = toScreenQueries(m);
      expect(queries).toHaveLength(m.travellers.length);
      for (const q of queries) expect(screenQuerySchema.safeParse(q).success).toBe(true);
    }
    const [first] = toScreenQueries(parsePaxlst(D02B_TWO_LEGS, { today }));
    expect(first).toEqual({
      id: '1',
      person: { names: [{ family: 'DUBOIS', given: 'MARIE CLAIRE' }], birthDate: '1985-04-12', sex: 'F', nationality: 'FRA' },
      documents: [{ number: '14FR56789', issuingState: 'FRA', type: 'P' }],
    });
  });

  it('gives null for a traveller with neither name nor document', () => {
    const m = parsePaxlst("UNH+1+PAXLST:D:05B:UN:IATA'NAD+FL'NAD+FL+++DOE'UNT+4+1'", { today });
    expect(toScreenQueries(m).map((q) => q?.id ?? null)).toEqual([null, '2']);
  });
});

describe('a 500-passenger message', () => {
  it('parses every passenger', () => {
    const m = parsePaxlst(paxlstWithPassengers(500), { today });
    expect(m.warnings).toEqual([]);
    expect(m.travellers).toHaveLength(500);
    expect(m.travellers[499]!.documents[0]!.number).toBe('K0000499A');
  });

  it('reads in time proportional to the message (bench/paxlst.ts measures the speed itself)', () => {
    // A ratio of two sizes measured in the same rounds, not a time: on a shared machine absolute
    // times drift tenfold. For 16× the text a linear reader takes about 16× as long and a
    // quadratic one 256×; the bound sits between them (their geometric mean), far from both, and
    // each size's fastest round is taken, since a loaded machine only ever adds time.
    const small = paxlstWithPassengers(100);
    const large = paxlstWithPassengers(1600);
    const ts: number[] = [];
    const tl: number[] = [];
    // Warm-up rounds first: the first parses run before the JIT has compiled the reader.
    for (let i = 0; i < 3; i++) parsePaxlst(large, { today });
    for (let i = 0; i < 9; i++) {
      let t0 = performance.now();
      parsePaxlst(small, { today });
      ts.push(performance.now() - t0);
      t0 = performance.now();
      parsePaxlst(large, { today });
      tl.push(performance.now() - t0);
    }
    expect(Math.min(...tl) / Math.min(...ts)).toBeLessThan(64);
  });
});
