import { alertInputSchema } from '@crosscheck/core';
import { describe, expect, it } from 'vitest';
import { UN_FIXTURE } from './un-sc-list.fixture.js';
import { parseUnList } from './un-sc-list.js';

describe('UN Security Council list', () => {
  it('turns each individual into a valid un-sanctions person alert with its sourceRef', () => {
    const { alerts, warnings } = parseUnList(UN_FIXTURE);
    expect(alerts).toHaveLength(2);
    for (const a of alerts) expect(alertInputSchema.safeParse(a).success).toBe(true);
    const q = alerts[0]!;
    expect(q).toMatchObject({ kind: 'person', category: 'un-sanctions', sourceRef: 'un-sc:1000001', caseReference: 'LYi.009' });
    if (q.kind !== 'person') throw new Error('person expected');
    expect(q.person.names.map((n) => n.full)).toEqual(['MUAMMAR MUHAMMAD ABU MINYAR QADHAFI', 'معمر القذافي', 'Muammar Gaddafi', 'Brother Leader']);
    expect(q.person.names[3]).toMatchObject({ weak: true });
    expect(q.person).toMatchObject({ sex: 'M', birthDate: '1942', nationalities: ['LBY'], documents: [{ issuingState: 'LBY', type: 'passport', number: 'B 0123456' }] });
    expect(warnings).toEqual(['un-sc:1000002: nationality "na" is not a known country']);
  });

  it('keeps exact dates and year ranges', () => {
    const a = parseUnList(UN_FIXTURE).alerts[1]!;
    if (a.kind !== 'person') throw new Error('person expected');
    expect(a.person).toMatchObject({ birthDate: '1970-02-03', birthYearRange: { from: 1968, to: 1971 }, nationalities: ['IRN'] });
  });

  it('refuses what is not a UN list, with a clear message', () => {
    expect(() => parseUnList('<html></html>')).toThrow(/not a UN consolidated list/);
    expect(() => parseUnList('<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>')).toThrow();
    expect(parseUnList('<CONSOLIDATED_LIST></CONSOLIDATED_LIST>').alerts).toEqual([]);
    expect(() => parseUnList('<!DOCTYPE x [<!ENTITY a "aaaa">]><CONSOLIDATED_LIST/>')).toThrow(/DOCTYPE/);
  });
});
