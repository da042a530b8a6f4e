import { describe, expect, it } from 'vitest';
import { alertInputSchema, type AlertInput } from './alert-schemas.js';
import { latestAdultOn, recastReviewDate } from './recast-retention.js';
import { instructionFor, outcomeFitsCategory, PREVENTIVE_ACTION, RETURN_DECISION_ACTION } from '../constants/recast.js';

const person = (category: string, extra: Record<string, unknown>, birthDate?: string): AlertInput =>
  alertInputSchema.parse({ kind: 'person', category, person: { names: [{ family: 'DOE' }], ...(birthDate ? { birthDate } : {}) }, visibility: { mode: 'all' }, ...extra });

describe('the SIS recast categories’ review dates', () => {
  it('reviews a return decision on its deadline, 30 days on when it has passed, and extends a year at a time', () => {
    const r = person('return-decision', { returnDecision: { decidedOn: '2026-01-10', leaveBy: '2026-04-15' } });
    expect(recastReviewDate(r, '2026-03-01')).toBe('2026-04-15');
    expect(recastReviewDate(r, '2026-04-20')).toBe('2026-05-20');
    expect(recastReviewDate(r, '2026-04-20', undefined, true)).toBe('2027-04-20');
    // Never beyond a person alert's own retention.
    expect(recastReviewDate(person('return-decision', { returnDecision: { decidedOn: '2026-01-10', leaveBy: '2035-01-01' } }), '2026-03-01')).toBe('2031-03-01');
    expect(recastReviewDate(person('return-decision', { returnDecision: { decidedOn: '2026-01-10', leaveBy: '2035-01-01' } }), '2026-03-01', { person: 3, document: 10, vehicle: 10, asset: 5 })).toBe('2029-03-01');
  });

  it('reviews an inquiry check after a year, and a child’s preventive alert by their 18th birthday at the latest', () => {
    expect(recastReviewDate(person('inquiry-check', { inquiry: { questions: ['Where to?'] } }), '2026-03-01')).toBe('2027-03-01');
    expect(recastReviewDate(person('inquiry-check', { inquiry: { questions: ['Where to?'] } }), '2028-02-29')).toBe('2029-02-28');
    expect(recastReviewDate(person('preventive', { preventive: { subject: 'child-abduction-risk' } }, '2015-06-01'), '2026-03-01')).toBe('2027-03-01');
    expect(recastReviewDate(person('preventive', { preventive: { subject: 'child-abduction-risk' } }, '2008-09'), '2026-03-01')).toBe('2026-09-30');
    expect(recastReviewDate(person('preventive', { preventive: { subject: 'vulnerable-person' } }, '1950'), '2026-03-01')).toBe('2027-03-01');
    expect(recastReviewDate(person('missing', {}), '2026-03-01')).toBeNull();
  });

  it('counts the latest possible 18th birthday of a partial birth date', () => {
    expect(latestAdultOn('2008')).toBe('2026-12-31');
    expect(latestAdultOn('2008-02')).toBe('2026-02-28');
    expect(latestAdultOn('2008-02-29')).toBe('2026-02-28');
    expect(latestAdultOn('2010-07-04')).toBe('2028-07-04');
  });
});

describe('the SIS recast categories’ instructions and outcomes', () => {
  it('writes the core’s instruction only where the owner wrote none, and never "wanted" for protection', () => {
    expect(instructionFor('preventive', null)).toBe(PREVENTIVE_ACTION);
    expect(instructionFor('return-decision', undefined)).toBe(RETURN_DECISION_ACTION);
    expect(instructionFor('preventive', 'Call the social services')).toBe('Call the social services');
    expect(instructionFor('arrest', null)).toBeNull();
    expect(PREVENTIVE_ACTION).not.toMatch(/wanted|arrest/i);
  });

  it('records "left the territory" on a return decision only', () => {
    expect(outcomeFitsCategory('left-territory', 'return-decision')).toBe(true);
    expect(outcomeFitsCategory('left-territory', 'inquiry-check')).toBe(false);
    expect(outcomeFitsCategory('left-territory', null)).toBe(false);
    expect(outcomeFitsCategory('confirmed', 'preventive')).toBe(true);
  });
});
