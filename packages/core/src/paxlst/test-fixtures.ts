/**
 * PAXLST messages written for the tests and the benchmark (invented people and documents).
 * Each joins its segments with the terminator and a line break, as most senders do.
 */

/**
 * Joins segments with the terminator and a line break. UNA is written as it is (its last
 * character is the terminator already); `#` in UNT becomes the count of segments UNH…UNT.
 */
function message(segments: string[], terminator = "'", newline = '\n'): string {
  const unh = segments.findIndex((s) => s.startsWith('UNH'));
  return (
    segments
      .map((s, i) => {
        if (s.startsWith('UNA')) return s;
        const text = /^UNT.#/.test(s) ? s.replace('#', String(i - unh + 1)) : s;
        return `${text}${terminator}`;
      })
      .join(newline) + newline
  );
}

/**
 * D02B with UNA, one flight of two legs (Paris – Reykjavik – New York, LOC+92 then 125/87),
 * three passengers and two crew. Every count and reference is right: no warnings.
 */
export const D02B_TWO_LEGS = message([
  "UNA:+.? '",
  'UNB+UNOA:4+AIRLINEX:ZZ+BORDERCTL:ZZ+240301:0915+IC0001++APIS',
  'UNG+PAXLST+AIRLINEX+BORDERCTL+240301:0915+GR0001+UN+D:02B',
  'UNH+MSG0001+PAXLST:D:02B:UN:IATA+XX0123/240301/1030+01:F',
  'BGM+745',
  'NAD+MS+++OPERATIONS DESK',
  'COM+0033 1 23 45 67 89:TE',
  'TDT+20+XX123+++XX',
  'LOC+92+CDG',
  'DTM+189:2403011030:201',
  'LOC+92+KEF',
  'DTM+232:2403011210:201',
  'LOC+125+KEF',
  'DTM+189:2403011330:201',
  'LOC+87+JFK',
  'DTM+232:2403011545:201',
  'NAD+FL+++DUBOIS:MARIE:CLAIRE',
  'ATT+2++F',
  'DTM+329:850412',
  'LOC+178+CDG',
  'LOC+179+JFK',
  'LOC+174+FRA',
  'NAT+2+FRA',
  'RFF+AVF:ABC123',
  'DOC+P:110:111+14FR56789',
  'DTM+36:301231',
  'LOC+91+FRA',
  'NAD+FL+++NOWAK:JAN',
  'ATT+2++M',
  'DTM+329:19650000:102',
  'LOC+178+KEF',
  'LOC+179+JFK',
  'NAT+2+POL',
  'DOC+I:110:111+ABC123456',
  'DTM+36:20291115:102',
  'LOC+91+POL',
  'NAD+FL+++HASSAN:OMAR',
  'ATT+2++M',
  'DTM+329:1978:602',
  'LOC+178+CDG',
  'LOC+179+JFK',
  'NAT+2+EGY',
  'DOC+P:110:111+A12345678',
  'DTM+36:270630',
  'LOC+91+EGY',
  'NAD+FM+++LARSEN:ERIK',
  'ATT+2++M',
  'DTM+329:700101',
  'LOC+178+CDG',
  'LOC+179+JFK',
  'NAT+2+NOR',
  'DOC+P:110:111+NO1234567',
  'DTM+36:281010',
  'LOC+91+NOR',
  'NAD+FM+++SILVA:ANA',
  'ATT+2++F',
  'DTM+329:880229',
  'LOC+178+CDG',
  'LOC+179+JFK',
  'NAT+2+PRT',
  'DOC+AC:110:111+CM998877',
  'DTM+36:260101',
  'LOC+91+PRT',
  'CNT+42:3',
  'CNT+41:2',
  'UNT+#+MSG0001',
  'UNE+1+GR0001',
  'UNZ+1+IC0001',
]);

/**
 * D05B without UNA: an in-transit passenger (DDU), a crew member in transit (DDT), alpha-2 and
 * `D` state codes, an issue date and a place of birth given by name.
 */
export const D05B_NO_UNA = message([
  'UNB+UNOA:4+APIS*ABE+USADHS+240115:0600+000000042++USADHS',
  'UNH+PAX042+PAXLST:D:05B:UN:IATA',
  'BGM+745',
  'RFF+TN:BA0117240115:::1',
  'NAD+MS+++JANE WILLIAMS',
  'TDT+20+BA117+++BA',
  'LOC+125+LHR',
  'DTM+189:2401150830:201',
  'LOC+87+JFK',
  'DTM+232:2401151125:201',
  'NAD+DDU+++MUELLER:HANS:PETER',
  'ATT+2++M',
  'DTM+329:19720304:102',
  'LOC+22+JFK',
  'LOC+174+DE',
  'LOC+180+:::BERLIN DEU',
  'NAT+2+DE',
  'DOC+P:110:111+C01X00T47',
  'DTM+182:20190610:102',
  'DTM+36:20290609:102',
  'LOC+91+D',
  'NAD+DDT+++OKAFOR:GRACE',
  'ATT+2++F',
  'DTM+329:900715',
  'NAT+2+NGA',
  'DOC+P:110:111+A00123456',
  'LOC+91+NGA',
  'CNT+42:1',
  'CNT+41:1',
  'UNT+#+PAX042',
  'UNZ+1+000000042',
]);

/** The legacy US PAXLST 001:000 (CEDIPAX): PDT segments for a passenger, a crew member and one in transit. */
export const LEGACY_US = message([
  "UNA:+.? '",
  'UNB+UNOA:1+SAMPLAIR:NZ+USCS:US+240131:2359+0201312359++CEDIPAX+A+++0',
  'UNG+PAXLST+SAMPLAIR:NZ+TECS:US+240131:2359+0201312359+NZ+001:000',
  'UNH+0201312359+PAXLST:001:000:NZ+SA812/240131/2300',
  'CTA+IC+:JOHN? DOE+1-703-555-0100:TE',
  'TDT++SA812+40+SA',
  'LOC+005+NZAKL:50',
  'DTM+136+240131+1030+M05',
  'LOC+008+USLAX:50',
  'DTM+132+240131+2200+M05',
  'UNS+D',
  'PDT+P/E1234567:290909:NZ+WILSON:KIRI:ANN:800429:F+PAX+NZAKL:USLAX',
  "PDT+P/C7654321:270101:GB+O?'CONNOR:SEAN::751221:M+CRW+NZAKL:USLAX",
  'PDT+P/X9988776:300303:AU+NGUYEN:LAN::020202:F+ITI+NZAKL:USLAX',
  'UNT+#+0201312359',
  'UNE+1+0201312359',
  'UNZ+1+0201312359',
]);

/** Release characters in names and a document number: ?' ?+ ?: ?? are the characters themselves. */
export const RELEASED_NAMES = message([
  "UNA:+.? '",
  'UNB+UNOB:4+SENDER+RECEIVER+240301:0915+R1',
  'UNH+1+PAXLST:D:05B:UN:IATA',
  'BGM+745',
  'TDT+20+EI105+++EI',
  'LOC+125+DUB',
  'LOC+87+BOS',
  "NAD+FL+++O?'Brien:Siobhan",
  'NAD+FL+++Smith?+Jones:Alex?:Sam',
  'NAD+FL+++What??:Who',
  'DOC+P+AB?+123',
  'CNT+42:3',
  'UNT+#+1',
  'UNZ+1+R1',
]);

/**
 * Other separators declared in UNA: `>` component, `*` element, `,` decimal, `!` release,
 * `~` terminator, in UNOC (Latin-1 letters allowed), CRLF line ends.
 */
export const OTHER_SEPARATORS = message(
  [
  'UNA>*,! ~',
  'UNB*UNOC>4*SENDER>ZZ*RECEIVER>ZZ*240301>0915*S1',
  'UNH*1*PAXLST>D>02B>UN>IATA',
  'BGM*250',
  'TDT*20*LH400***LH',
  'LOC*125*FRA',
  'DTM*189>2403011030>201',
  'LOC*87*JFK',
  'DTM*232>2403011320>201',
  'NAD*FM***Müller-Lüdenscheidt>Jürgen',
  'ATT*2**M',
  'DTM*329>19660718>102',
  'NAT*2*DEU',
  'DOC*P>110>111*C4!*J9!>R5',
  'DTM*36>20310101>102',
  'LOC*91*DEU',
  'CNT*41>1',
  'UNT*#*1',
  'UNZ*1*S1',
  ],
  '~',
  '\r\n',
);

/** A clean D05B message with `n` passengers (for the size tests and the benchmark). */
export function paxlstWithPassengers(n: number): string {
  const head = [
    "UNA:+.? '",
    "UNB+UNOA:4+BIGAIR:ZZ+BORDERCTL:ZZ+240301:0915+IC9++APIS'",
    "UNH+M9+PAXLST:D:05B:UN:IATA'",
    "BGM+745'",
    "TDT+20+ZZ900+++ZZ'",
    "LOC+125+SIN'",
    "DTM+189:2403012330:201'",
    "LOC+87+LHR'",
    "DTM+232:2403020630:201'",
  ];
  const body: string[] = [];
  for (let i = 0; i < n; i++) {
    const y = 40 + (i % 60);
    const m = 1 + (i % 12);
    const d = 1 + (i % 28);
    body.push(
      `NAD+FL+++FAMILY${i}:GIVEN${i}:MIDDLE'`,
      `ATT+2++${i % 2 === 0 ? 'F' : 'M'}'`,
      `DTM+329:${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}'`,
      "LOC+178+SIN'",
      "LOC+179+LHR'",
      "NAT+2+SGP'",
      `RFF+AVF:B${i}'`,
      `DOC+P:110:111+K${String(i).padStart(7, '0')}A'`,
      "DTM+36:300101'",
      "LOC+91+SGP'",
    );
  }
  const segments = 7 + body.length + 2; // UNH, BGM, TDT, 2 × LOC/DTM … CNT, UNT
  const tail = [`CNT+42:${n}'`, `UNT+${segments}+M9'`, "UNZ+1+IC9'"];
  return [...head, ...body, ...tail].join('\n');
}
