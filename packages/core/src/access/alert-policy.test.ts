import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors/domain-error.js';
import { canSeeAlert, requireOwnerBureau, requirePermission, requireReadable, type AlertAccessFacts } from './alert-policy.js';
import { ROLES, type Actor, type Role } from './roles.js';
import type { Visibility } from './visibility.js';

const actor = (member: string, role: Role = 'bureau'): Actor => ({ member, role, credential: `key:${member}-${role}` });

const PUBLISHED = { status: 'active', category: null, hiddenFromFrontline: false } as const;
const HIDDEN_FROM_DEU: AlertAccessFacts = { owner: 'FRA', visibility: { mode: 'all-except', members: ['DEU'] }, ...PUBLISHED };
const SHARED_WITH_ALL: AlertAccessFacts = { owner: 'FRA', visibility: { mode: 'all' }, ...PUBLISHED };
const ONLY_ITA: AlertAccessFacts = { owner: 'FRA', visibility: { mode: 'only', members: ['ITA'] }, ...PUBLISHED };

/** Runs fn and returns the DomainError it throws, or null when it returns normally. */
function outcome(fn: () => unknown): DomainError | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
}

describe('requireReadable', () => {
  it('lets the owner read its own alert', () => {
    expect(requireReadable(actor('FRA', 'frontline'), ONLY_ITA)).toBe('full');
  });

  it('lets a listed member read an only alert', () => {
    expect(requireReadable(actor('ITA', 'analyst'), ONLY_ITA)).toBe('full');
  });

  it('reports a hidden alert as not found even when the role may read alerts', () => {
    const error = outcome(() => requireReadable(actor('DEU', 'bureau'), HIDDEN_FROM_DEU));
    expect(error?.kind).toBe('not-found');
    expect(error?.code).toBe('alert.not-found');
  });

  it('reports a hidden alert exactly like a missing one', () => {
    const hidden = outcome(() => requireReadable(actor('DEU', 'frontline'), ONLY_ITA));
    const missing = outcome(() => requireReadable(actor('DEU', 'frontline'), undefined));
    expect(hidden?.kind).toBe('not-found');
    expect({ kind: hidden?.kind, code: hidden?.code, message: hidden?.message }).toEqual({
      kind: missing?.kind,
      code: missing?.code,
      message: missing?.message,
    });
  });

  it('forbids a role without read permission, even on its own visible alert', () => {
    const error = outcome(() => requireReadable(actor('FRA', 'admin'), SHARED_WITH_ALL));
    expect(error?.kind).toBe('forbidden');
    expect(error?.code).toBe('access.forbidden');
  });

  it('answers forbidden, not not-found, to a role without permission on a hidden alert (no leak either way)', () => {
    expect(outcome(() => requireReadable(actor('DEU', 'admin'), HIDDEN_FROM_DEU))?.kind).toBe('forbidden');
  });

  it('checks the permission it is given', () => {
    expect(outcome(() => requireReadable(actor('FRA', 'frontline'), SHARED_WITH_ALL, 'alert.history'))?.kind).toBe('forbidden');
    expect(requireReadable(actor('DEU', 'auditor'), SHARED_WITH_ALL, 'alert.history')).toBe('full');
  });
});

describe('requireOwnerBureau', () => {
  it("lets the owner's bureau change its alert", () => {
    expect(requireOwnerBureau(actor('FRA'), ONLY_ITA, 'alert.update')).toBe(ONLY_ITA);
  });

  it('gives 404 to a member that cannot see the alert', () => {
    const error = outcome(() => requireOwnerBureau(actor('DEU'), HIDDEN_FROM_DEU, 'alert.update'));
    expect(error?.kind).toBe('not-found');
  });

  it('gives 403 to a member that can see but does not own the alert', () => {
    const error = outcome(() => requireOwnerBureau(actor('ITA'), ONLY_ITA, 'alert.cancel'));
    expect(error?.kind).toBe('forbidden');
    expect(error?.message).toContain('FRA');
  });

  it('gives 404 for a missing alert', () => {
    expect(outcome(() => requireOwnerBureau(actor('FRA'), undefined, 'alert.update'))?.kind).toBe('not-found');
  });

  it("forbids a frontline officer of the owner from changing the owner's alert", () => {
    expect(outcome(() => requireOwnerBureau(actor('FRA', 'frontline'), SHARED_WITH_ALL, 'alert.update'))?.kind).toBe('forbidden');
  });

  it('forbids a role without permission before looking at visibility', () => {
    expect(outcome(() => requireOwnerBureau(actor('DEU', 'analyst'), HIDDEN_FROM_DEU, 'alert.update'))?.kind).toBe('forbidden');
  });

  it('decides by visibility, then ownership, for any bureau', () => {
    const POOL = ['FRA', 'DEU', 'ITA', 'ESP', 'UNO'] as const;
    const memberArb = fc.constantFrom(...POOL);
    const visibilityArb: fc.Arbitrary<Visibility> = fc.oneof(
      fc.constant<Visibility>({ mode: 'all' }),
      fc.array(memberArb, { maxLength: 4 }).map((members): Visibility => ({ mode: 'only', members })),
      fc.array(memberArb, { minLength: 1, maxLength: 4 }).map((members): Visibility => ({ mode: 'all-except', members })),
    );
    fc.assert(
      fc.property(memberArb, visibilityArb, memberArb, (owner, visibility, member) => {
        const alert = { owner, visibility, ...PUBLISHED };
        const who = actor(member);
        const error = outcome(() => requireOwnerBureau(who, alert, 'alert.update'));
        const expected = !canSeeAlert(who, alert) ? 'not-found' : member === owner ? null : 'forbidden';
        expect(error?.kind ?? null).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('requirePermission', () => {
  it('lets every role that may read alerts through, and stops the others', () => {
    for (const role of ROLES) {
      const error = outcome(() => requirePermission(actor('FRA', role), 'alert.read'));
      expect(error?.kind ?? 'allowed').toBe(role === 'admin' || role === 'replica' || role === 'carrier' ? 'forbidden' : 'allowed');
    }
  });

  it('says in words what the role may not do', () => {
    expect(outcome(() => requirePermission(actor('FRA', 'frontline'), 'alert.create'))?.message).toBe('your role (frontline) may not create alerts');
  });
});

describe('canSeeAlert: review and the frontline', () => {
  const pending: AlertAccessFacts = { ...SHARED_WITH_ALL, status: 'pending-review' };
  const rejected: AlertAccessFacts = { ...SHARED_WITH_ALL, status: 'rejected' };
  const hidden: AlertAccessFacts = { ...SHARED_WITH_ALL, status: 'active', hiddenFromFrontline: true };

  it('shows an alert under review or rejected to its owner only, whatever its visibility', () => {
    for (const facts of [pending, rejected]) {
      expect(canSeeAlert(actor('FRA'), facts)).toBe(true);
      expect(canSeeAlert(actor('FRA', 'frontline'), facts)).toBe(true);
      expect(canSeeAlert(actor('DEU'), facts)).toBe(false);
      expect(canSeeAlert(actor('IPO', 'reviewer'), facts)).toBe(false);
    }
    expect(outcome(() => requireReadable(actor('DEU'), pending))?.kind).toBe('not-found');
  });

  it('keeps an alert hidden from the frontline from every frontline user, the owner’s included, not from bureaus', () => {
    expect(canSeeAlert(actor('FRA', 'frontline'), hidden)).toBe(false);
    expect(canSeeAlert(actor('DEU', 'frontline'), hidden)).toBe(false);
    expect(canSeeAlert(actor('DEU', 'bureau'), hidden)).toBe(true);
    expect(canSeeAlert(actor('FRA', 'bureau'), hidden)).toBe(true);
    expect(outcome(() => requireReadable(actor('DEU', 'frontline'), hidden))?.kind).toBe('not-found');
  });
});
