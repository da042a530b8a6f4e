import { describe, it, expect } from 'vitest';
import { conflict, DomainError, forbidden, notFound, unauthenticated, validationError } from './domain-error.js';

describe('domain errors', () => {
  it('are real Errors with a stable kind and code', () => {
    const error = notFound('alert');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.kind).toBe('not-found');
    expect(error.code).toBe('alert.not-found');
    expect(error.message).toBe('alert not found');
  });

  it('name what was not found when the caller gave its name, so a typo shows at once', () => {
    expect(notFound('member', 'XXA').message).toBe('member "XXA" not found');
    expect(notFound('member', 'XXA').code).toBe('member.not-found');
    expect(notFound('user', 'x'.repeat(500)).message.length).toBeLessThan(130);
  });

  it('name the offending field of a validation error', () => {
    const error = validationError('person.birthDate', 'not a date');
    expect(error.kind).toBe('validation');
    expect(error.field).toBe('person.birthDate');
    expect(error.message).toBe('person.birthDate: not a date');
    expect(validationError('x', 'y', 'mrz.unreadable').code).toBe('mrz.unreadable');
  });

  it('have no field when they are not about one', () => {
    expect(forbidden('change an alert owned by DEU').field).toBeUndefined();
    expect(new DomainError('conflict', 'alert.version', 'm').problems).toEqual([]);
  });

  it('carry the right kind for each HTTP-level failure', () => {
    expect(forbidden('x')).toMatchObject({ kind: 'forbidden', code: 'access.forbidden' });
    expect(unauthenticated()).toMatchObject({ kind: 'unauthenticated', code: 'auth.required' });
    expect(unauthenticated('expired session').message).toBe('expired session');
    expect(conflict('alert.version', 'stale')).toMatchObject({ kind: 'conflict', code: 'alert.version', message: 'stale' });
  });
});
