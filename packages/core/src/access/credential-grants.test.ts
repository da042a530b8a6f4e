import { describe, expect, it } from 'vitest';
import { grantNeedsApproval, isPrivilegedRole, mayApproveGrant } from './credential-grants.js';
import { ROLES, type Actor } from './roles.js';

const admin = (member: string, credential: Actor['credential'] = `user:${member}-admin`): Actor => ({ member, role: 'admin', credential });

describe('granting credentials', () => {
  it('counts bureau, admin and replica as bureau-level power, the other roles not', () => {
    expect(ROLES.filter(isPrivilegedRole).sort()).toEqual(['admin', 'bureau', 'replica']);
  });

  it("holds a member's administrator's bureau-level grants for its own member for a second person", () => {
    for (const role of ['bureau', 'admin', 'replica'] as const) expect(grantNeedsApproval(admin('FRA'), { member: 'FRA', role }, 'IPO')).toBe(true);
    expect(grantNeedsApproval(admin('FRA'), { member: 'FRA', role: 'frontline' }, 'IPO')).toBe(false);
    expect(grantNeedsApproval(admin('FRA'), { member: 'FRA', role: 'auditor' }, 'IPO')).toBe(false);
  });

  it("grants at once from the console and from the operator's administrators for another member, not for the operator itself", () => {
    expect(grantNeedsApproval(admin('IPO', 'cli:root'), { member: 'FRA', role: 'bureau' }, 'IPO')).toBe(false);
    expect(grantNeedsApproval(admin('IPO', 'cli:root'), { member: 'IPO', role: 'admin' }, 'IPO')).toBe(false);
    expect(grantNeedsApproval(admin('IPO', 'system:demo'), { member: 'IPO', role: 'admin' }, 'IPO')).toBe(false);
    expect(grantNeedsApproval(admin('IPO'), { member: 'FRA', role: 'bureau' }, 'IPO')).toBe(false);
    expect(grantNeedsApproval(admin('IPO'), { member: 'IPO', role: 'bureau' }, 'IPO')).toBe(true);
    // The operator's auditors read every member's trail: as much power as a bureau's, or more.
    expect(grantNeedsApproval(admin('IPO'), { member: 'IPO', role: 'auditor' }, 'IPO')).toBe(true);
    expect(grantNeedsApproval(admin('IPO'), { member: 'FRA', role: 'auditor' }, 'IPO')).toBe(false);
  });

  it('lets another administrator of the member, or of the operator, approve: never the one who asked', () => {
    const pending = { member: 'FRA', requestedBy: 'user:FRA-admin' };
    expect(mayApproveGrant(admin('FRA'), pending, 'IPO')).toBe(false);
    expect(mayApproveGrant(admin('FRA', 'user:other'), pending, 'IPO')).toBe(true);
    expect(mayApproveGrant(admin('IPO'), pending, 'IPO')).toBe(true);
    expect(mayApproveGrant(admin('DEU'), pending, 'IPO')).toBe(false);
    expect(mayApproveGrant({ member: 'FRA', role: 'bureau', credential: 'user:x' }, pending, 'IPO')).toBe(false);
  });
});
