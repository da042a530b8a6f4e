import { alertInputSchema, type AlertInput } from '@crosscheck/core';
import { describe, expect, it } from 'vitest';
import { draftOf, newDraft, patchBetween, toInput } from './draft.ts';

const base = { kind: 'person', person: { names: [{ family: 'GARNIER', given: 'LOUIS' }], birthDate: '1980-05-17' }, visibility: { mode: 'all' } } as const;
const RECAST: AlertInput[] = [
  alertInputSchema.parse({ ...base, category: 'return-decision', returnDecision: { decidedOn: '2026-01-10', leaveBy: '2026-04-15', reference: 'OQTF-17' } }),
  alertInputSchema.parse({ ...base, category: 'inquiry-check', inquiry: { questions: ['Where to?', 'Who paid?'] } }),
  alertInputSchema.parse({ ...base, category: 'preventive', preventive: { subject: 'vulnerable-person', instruction: 'Call the care home' } }),
];

describe('the editor’s SIS recast sections', () => {
  it.each(RECAST)('gives back the stored $category alert unchanged', (stored) => {
    expect(alertInputSchema.parse(toInput(draftOf(stored)))).toEqual(stored);
    expect(patchBetween(stored, alertInputSchema.parse(toInput(draftOf(stored))))).toEqual({});
  });

  it('sends only the chosen category’s section, and drops the old one when the category changes', () => {
    const inquiry = draftOf(RECAST[1]!);
    const changed = toInput({ ...inquiry, category: 'preventive', recast: { ...inquiry.recast, subject: 'vulnerable-person' } }) as Record<string, unknown>;
    expect(changed.preventive).toEqual({ subject: 'vulnerable-person' });
    expect(changed.inquiry).toBeUndefined();
    expect(patchBetween(RECAST[1]!, alertInputSchema.parse(changed))).toMatchObject({ category: 'preventive', inquiry: null, preventive: { subject: 'vulnerable-person' } });
  });

  it('sends an empty section for the schema to name', () => {
    const d = newDraft('person');
    const body = toInput({ ...d, category: 'inquiry-check', person: { ...d.person, names: [{ ...d.person.names[0]!, family: 'X' }] } });
    const parsed = alertInputSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('inquiry.questions.0');
  });

  it('drops a warrant and an offence typed before the category became preventive', () => {
    const arrest = draftOf(alertInputSchema.parse({ ...base, category: 'arrest', person: { ...base.person, arrest: { charge: 'theft' } }, offence: { description: 'theft of a car' } }));
    const body = toInput({ ...arrest, category: 'preventive', recast: { ...arrest.recast, subject: 'vulnerable-person' } }) as { person: Record<string, unknown>; offence?: unknown };
    expect(body.person.arrest).toBeUndefined();
    expect(body.offence).toBeUndefined();
    expect(alertInputSchema.safeParse(body).success).toBe(true);
  });
});
