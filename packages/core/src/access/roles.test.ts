import { describe, it, expect } from 'vitest';
import { PERMISSION_WORDS } from './permission-words.js';
import { isRole, roleMay, ROLES, type Permission } from './roles.js';

describe('roleMay', () => {
  it('lets only bureaus create, update and cancel alerts', () => {
    for (const permission of ['alert.create', 'alert.update', 'alert.cancel'] as const) {
      expect(ROLES.filter((r) => roleMay(r, permission))).toEqual(['bureau']);
    }
  });

  it('lets only admins manage members and credentials', () => {
    expect(ROLES.filter((r) => roleMay(r, 'members.manage'))).toEqual(['admin']);
    expect(ROLES.filter((r) => roleMay(r, 'credentials.manage'))).toEqual(['admin']);
  });

  it('keeps admins out of alert contents', () => {
    expect(roleMay('admin', 'alert.read')).toBe(false);
    expect(roleMay('admin', 'alert.history')).toBe(false);
    expect(roleMay('admin', 'alert.export')).toBe(false);
  });

  it('lets only auditors read the audit trail', () => {
    expect(ROLES.filter((r) => roleMay(r, 'audit.read'))).toEqual(['auditor']);
  });

  it('lets frontline officers read alerts and changes but not history or exports', () => {
    expect(roleMay('frontline', 'alert.read')).toBe(true);
    expect(roleMay('frontline', 'changes.read')).toBe(true);
    expect(roleMay('frontline', 'alert.history')).toBe(false);
    expect(roleMay('frontline', 'alert.export')).toBe(false);
  });

  it('lets every role but the carrier list members', () => {
    expect(ROLES.filter((r) => !roleMay(r, 'members.read'))).toEqual(['carrier']);
  });
});

describe('the replica role', () => {
  it('alone syncs and forwards, and may do nothing else', () => {
    expect(ROLES.filter((r) => roleMay(r, 'replica.sync'))).toEqual(['replica']);
    expect(ROLES.filter((r) => roleMay(r, 'replica.forward'))).toEqual(['replica']);
    for (const p of ['alert.read', 'alert.create', 'changes.read', 'screening.run', 'hits.read', 'audit.read', 'credentials.manage'] as const) {
      expect(roleMay('replica', p)).toBe(false);
    }
  });
});

describe('the carrier role', () => {
  it('alone checks documents, and holds no other permission at all', () => {
    expect(ROLES.filter((r) => roleMay(r, 'carrier.check'))).toEqual(['carrier']);
    expect(Object.keys(PERMISSION_WORDS).filter((p) => roleMay('carrier', p as Permission))).toEqual(['carrier.check']);
  });
});

describe('isRole', () => {
  it('recognises the eight roles and nothing else', () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole('Bureau')).toBe(false);
    expect(isRole('')).toBe(false);
  });
});
