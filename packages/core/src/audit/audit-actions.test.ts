import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, CREDENTIAL_AUDIT_ACTIONS, LEGACY_AUDIT_ACTIONS, currentAuditAction, isAuditAction, storedNamesOf } from './audit-actions.js';

describe('audit actions', () => {
  it('are all named <resource>.<verb>, lower case, once', () => {
    for (const a of AUDIT_ACTIONS) expect(a).toMatch(/^[a-z]+\.[a-z]+(-[a-z]+)*$/);
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });

  it('map every legacy name to a current one that is not itself legacy', () => {
    for (const [old, current] of Object.entries(LEGACY_AUDIT_ACTIONS)) {
      expect(isAuditAction(current)).toBe(true);
      expect(isAuditAction(old)).toBe(false);
    }
  });

  it('filter on a current name finds entries stored under its old names, and the other way round', () => {
    expect(storedNamesOf('key.create').sort()).toEqual(['key.create', 'keys.create']);
    expect(storedNamesOf('keys.create').sort()).toEqual(['key.create', 'keys.create']);
    expect(storedNamesOf('alert.read')).toEqual(['alert.read']);
    expect(storedNamesOf('no.such')).toEqual(['no.such']);
    expect(currentAuditAction('auth.login')).toBe('session.login');
  });

  it('name the approvals of credentials a second administrator gives, and what is done to credentials', () => {
    expect(isAuditAction('key.approve')).toBe(true);
    expect(isAuditAction('user.approve')).toBe(true);
    expect([...CREDENTIAL_AUDIT_ACTIONS].sort()).toEqual(['key.approve', 'key.create', 'key.revoke', 'user.add', 'user.approve', 'user.disable', 'user.unlock']);
  });
});
