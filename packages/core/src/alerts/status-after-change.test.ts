import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import type { AlertInput, AlertStatus } from './alert-schemas.js';
import { changeAction, isChangeableStatus, requireChangeable, statusAfterChange } from './status-after-change.js';

const arrest: AlertInput = {
  kind: 'person',
  category: 'arrest',
  person: { names: [{ family: 'LEBRUN', given: 'PAUL' }] },
  offence: { description: 'Robbery', maxSentenceYears: 10 },
  visibility: { mode: 'all' },
};
const remarked: AlertInput = { ...arrest, remarks: 'seen in Lyon' };
const renamed: AlertInput = { ...arrest, person: { names: [{ family: 'LEBRUN', given: 'PIERRE' }] } };
const missing: AlertInput = { ...arrest, category: 'missing' };

describe('statusAfterChange: the status an owner’s change leaves', () => {
  const cases: [string, AlertStatus, AlertInput, AlertInput, AlertStatus][] = [
    ['a rejected alert, corrected, goes back to review', 'rejected', arrest, renamed, 'pending-review'],
    ['a rejected alert goes back to review even for its remarks', 'rejected', arrest, remarked, 'pending-review'],
    ['a rejected alert moved to an unreviewed category is still reviewed', 'rejected', arrest, missing, 'pending-review'],
    ['an alert under review stays under review', 'pending-review', arrest, renamed, 'pending-review'],
    ['an approved alert keeps its status for remarks', 'active', arrest, remarked, 'active'],
    ['an approved alert goes back to review when the person changes', 'active', arrest, renamed, 'pending-review'],
    ['an unreviewed alert moved into a reviewed category goes to review', 'active', missing, arrest, 'pending-review'],
    ['an unreviewed alert stays active', 'active', missing, { ...missing, remarks: 'x' }, 'active'],
  ];
  it.each(cases)('%s', (_name, status, before, after, expected) => {
    expect(statusAfterChange(status, before, after, 'FRA')).toBe(expected);
  });

  it('writes a correction of a rejected alert as resubmitted, any other change as updated', () => {
    expect(changeAction('rejected')).toBe('resubmitted');
    expect(changeAction('active')).toBe('updated');
    expect(changeAction('pending-review')).toBe('updated');
  });

  it('lets the owner change live, waiting and rejected alerts, never cancelled or expired ones', () => {
    expect(['active', 'pending-review', 'rejected', 'cancelled', 'expired'].filter(isChangeableStatus)).toEqual(['active', 'pending-review', 'rejected']);
    for (const status of ['cancelled', 'expired'] as const) {
      expect(() => requireChangeable(status)).toThrow(DomainError);
    }
  });
});
