import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { parseInput } from '../validation/parse-input.js';
import { hitFormSchema, hitOutcomeSchema, listHitsQuerySchema } from './hit-schemas.js';

function fieldsRejected(schema: Parameters<typeof parseInput>[0], input: unknown): string[] {
  try {
    parseInput(schema, input);
  } catch (e) {
    if (e instanceof DomainError) return e.problems.map((p) => p.field);
    throw e;
  }
  throw new Error('the input was accepted');
}

describe('hit outcome input', () => {
  it('accepts the four outcomes with a trimmed note', () => {
    expect(parseInput(hitOutcomeSchema, { outcome: 'action-taken', note: '  arrested at the border ' })).toEqual({ outcome: 'action-taken', note: 'arrested at the border' });
  });

  it('refuses another outcome, an empty or overlong note', () => {
    expect(fieldsRejected(hitOutcomeSchema, { outcome: 'arrested', note: 'x' })).toEqual(['outcome']);
    expect(fieldsRejected(hitOutcomeSchema, { outcome: 'confirmed', note: '   ' })).toEqual(['note']);
    expect(fieldsRejected(hitOutcomeSchema, { outcome: 'confirmed', note: 'x'.repeat(2001) })).toEqual(['note']);
  });
});

describe('supplementary-information form input', () => {
  const g = { form: 'G', handlingCode: 'H1', sourceGrade: 'B', infoGrade: '2', text: 'Subject checked at Frankfurt airport' };

  it('accepts a G form with its gradings and an M form without', () => {
    expect(parseInput(hitFormSchema, g)).toEqual(g);
    expect(parseInput(hitFormSchema, { form: 'M', handlingCode: 'H0', text: 'photo follows' })).toEqual({ form: 'M', handlingCode: 'H0', text: 'photo follows' });
  });

  it('requires the reason on an H form and names the field', () => {
    expect(fieldsRejected(hitFormSchema, { form: 'H', handlingCode: 'H0', text: 'cannot arrest' })).toEqual(['reason']);
    expect(parseInput(hitFormSchema, { form: 'H', handlingCode: 'H0', text: 'cannot arrest', reason: 'offence not punishable here' }).reason).toBe('offence not punishable here');
  });

  it('refuses unknown codes and grades, and text over 8000 characters', () => {
    expect(fieldsRejected(hitFormSchema, { ...g, form: 'Z' })).toEqual(['form']);
    expect(fieldsRejected(hitFormSchema, { ...g, handlingCode: 'H4' })).toEqual(['handlingCode']);
    expect(fieldsRejected(hitFormSchema, { ...g, sourceGrade: 'D', infoGrade: '5' })).toEqual(['sourceGrade', 'infoGrade']);
    expect(fieldsRejected(hitFormSchema, { ...g, text: 'x'.repeat(8001) })).toEqual(['text']);
  });
});

describe('hit list query', () => {
  it('defaults the page size and bounds it', () => {
    expect(parseInput(listHitsQuerySchema, { overdue: 'true' })).toEqual({ overdue: 'true', limit: 50 });
    expect(parseInput(listHitsQuerySchema, { limit: '200' }).limit).toBe(200);
    expect(fieldsRejected(listHitsQuerySchema, { limit: '201' })).toEqual(['limit']);
    expect(fieldsRejected(listHitsQuerySchema, { overdue: 'yes' })).toEqual(['overdue']);
  });
});
