import type { CredentialText } from '../credentials/credential.js';

export const ROLES = ['bureau', 'frontline', 'reviewer', 'analyst', 'auditor', 'admin', 'replica', 'carrier'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: always one member and one role, plus the credential used (for the audit trail). */
export interface Actor {
  member: string;
  role: Role;
  /** `key:<id>`, `user:<id>`, `cli:<os user>` or `system…` (core/credentials/credential.ts). */
  credential: CredentialText;
}

/**
 * What each role may do. Data rules (whose alert, which visibility) are checked separately in
 * `alert-policy.ts`; this table only says which kinds of action a role is for.
 */
const PERMISSIONS = {
  'alert.create': ['bureau'],
  'alert.update': ['bureau'],
  'alert.cancel': ['bureau'],
  'alert.read': ['bureau', 'frontline', 'reviewer', 'analyst', 'auditor'],
  'alert.history': ['bureau', 'reviewer', 'analyst', 'auditor'],
  'alert.export': ['bureau', 'analyst'],
  'changes.read': ['bureau', 'frontline', 'analyst'],
  'members.read': ['bureau', 'frontline', 'reviewer', 'analyst', 'auditor', 'admin', 'replica'],
  'members.manage': ['admin'],
  'credentials.manage': ['admin'],
  'audit.read': ['auditor'],
  'screening.run': ['frontline', 'bureau'],
  // Cooperation between bureaus: hits, their outcomes and threads of forms.
  'hits.read': ['bureau', 'frontline'],
  'hits.outcome': ['frontline', 'bureau'],
  'forms.write': ['bureau'],
  // The bureau's stream and webhooks carry hits on alerts hidden from the frontline, messages and
  // review decisions: they are the bureau's, not the desk's or an administrator's.
  'events.read': ['bureau'],
  'webhooks.manage': ['bureau'],
  'messages.send': ['bureau'],
  'messages.read': ['bureau'],
  'review.read': ['reviewer'],
  'review.decide': ['reviewer'],
  'alert.flag': ['bureau'],
  'alert.extend': ['bureau'],
  'links.read': ['analyst'],
  'links.decide': ['analyst'],
  // The dashboard's figures, counted only over what the caller's member may see.
  'stats.read': ['bureau', 'reviewer', 'analyst', 'auditor'],
  // A national copy follows what its member's bureau sees (not the frontline view:
  // hits on alerts hidden from the frontline must still be recorded and reported) and forwards
  // its hits and audit entries. It is a machine's key, with no other right.
  'replica.sync': ['replica'],
  'replica.forward': ['replica'],
  // Blockchain findings: what a scan found written into Bitcoin. Investigators read them (bureau,
  // analyst; TAXII clients use a key of one of these roles), reveal a finding's bytes (which may be
  // malware or illegal images: never the frontline desk's business), record scans, and decide a
  // finding's status and whom it is shared with. The frontline, reviewers, auditors, administrators
  // and national copies have no part in it: a scan's content is not screening data, and a copy
  // follows alerts only.
  'chain.read': ['bureau', 'analyst'],
  'chain.reveal': ['bureau', 'analyst'],
  'chain.manage': ['bureau', 'analyst'],
  'chain.scan': ['bureau', 'analyst'],
  // Carrier checks (I-Checkit): an airline's or shipping line's key, bound to its home country,
  // checks travel documents and learns only "refer" or "no-hit". A machine's key with no other right.
  'carrier.check': ['carrier'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleMay(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/**
 * The roles that hold a permission: the web app shows a page to exactly the roles the API lets
 * do what the page is for, from this table rather than a copy of it.
 */
export function rolesWith(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
