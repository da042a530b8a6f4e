import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { alertInputSchema, type AlertInput } from '@crosscheck/core';
import { describe, expect, it } from 'vitest';
import { noticeDetail, noticeSummary } from './interpol-notice.js';
import { noticesIn, noticeToAlertBody } from './interpol-notice-import.js';

type PersonInput = Extract<AlertInput, { kind: 'person' }>;
const BASE = 'https://crosscheck.example';
const wanted: PersonInput = {
  kind: 'person',
  category: 'arrest',
  person: {
    names: [{ family: 'KLETTE', given: 'DANIELA MARIE LUISE' }],
    sex: 'F',
    birthDate: '1958-11-05',
    birthPlace: 'KARLSRUHE',
    birthCountry: 'DEU',
    nationalities: ['DEU'],
    description: { heightCm: 165, weightKg: 63, eyes: 'BRO', hair: 'BLA', marks: 'Birthmarks in the face' },
    arrest: { charge: 'Attempted murder' },
  },
  offence: { description: 'Attempted murder' },
  visibility: { mode: 'all' },
  publicNotice: true,
};

describe('INTERPOL public notice JSON', () => {
  it('keeps every field both sides have through export and import, red and yellow', () => {
    const red = noticeDetail(BASE, 'red', { id: '019a-1', owner: 'DEU', input: wanted, photoIds: [] });
    const back = alertInputSchema.parse(noticeToAlertBody(JSON.parse(JSON.stringify(red)) as Record<string, unknown>, 'warning', { mode: 'all' })) as PersonInput;
    expect(back.category).toBe('arrest');
    expect(back.person).toEqual(wanted.person);
    expect(back.offence).toEqual(wanted.offence);

    const missing: PersonInput = { kind: 'person', category: 'missing', person: { names: [{ family: 'MUSTER', given: 'Max' }, { full: 'Max Beispiel', type: 'birth' }], birthDate: '2010-03', sex: 'M', nationalities: ['AUT'] }, visibility: { mode: 'all' } };
    const yellow = noticeDetail(BASE, 'yellow', { id: '019a-2', owner: 'AUT', input: missing, photoIds: [] });
    const again = alertInputSchema.parse(noticeToAlertBody(JSON.parse(JSON.stringify(yellow)) as Record<string, unknown>, 'warning', { mode: 'all' })) as PersonInput;
    expect(again.category).toBe('missing');
    expect(again.person).toEqual(missing.person);
  });

  it('reads a list page, a detail, or JSON lines, and names the line that is not JSON', () => {
    const summary = noticeSummary(BASE, 'red', { id: '2019/12345', owner: 'DEU', input: wanted, photoIds: [] });
    const page = JSON.stringify({ total: 1, _embedded: { notices: [summary] } });
    const fromPage = noticesIn(page);
    expect(Array.isArray(fromPage) && fromPage.length).toBe(1);
    const body = alertInputSchema.parse(noticeToAlertBody((fromPage as { notice: Record<string, unknown> }[])[0]!.notice, 'warning', { mode: 'all' }));
    // A list item links to /red/: a wanted person, with the notice as its source.
    expect(body).toMatchObject({ category: 'arrest', sourceRef: 'interpol:2019-12345', person: { names: [{ family: 'KLETTE' }], birthDate: '1958-11-05' } });
    expect(noticesIn(`${JSON.stringify(summary)}\n${JSON.stringify(summary)}\n`)).toHaveLength(2);
    expect(noticesIn(`${JSON.stringify(summary)}\n{oops\n`)).toMatchObject({ line: 2 });
  });

  const reference = fileURLToPath(new URL('../../../../../shared/testdata/notices/interpol_notices_field_reference.json', import.meta.url));
  it.skipIf(!existsSync(reference))('imports the red and yellow examples of ../shared/testdata/notices as valid alerts', () => {
    const schemas = (JSON.parse(readFileSync(reference, 'utf8')) as { schemas: Record<string, { example_assembled_from_schema_examples?: Record<string, unknown> }> }).schemas;
    for (const [name, category] of [['RedNoticeDetail', 'arrest'], ['YellowNoticeDetail', 'missing']] as const) {
      const example = schemas[name]!.example_assembled_from_schema_examples!;
      const parsed = alertInputSchema.safeParse(noticeToAlertBody(example, 'warning', { mode: 'all' }));
      expect(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues[0])}`).toBe(true);
      expect(parsed.data).toMatchObject({ category, person: { birthDate: '1958-11-05', nationalities: ['DEU'], description: { heightCm: 165 } } });
    }
  });
});
