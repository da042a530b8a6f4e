import { parseCredential } from '../credentials/credential.js';
import { roleMay, type Actor, type Permission, type Role } from './roles.js';

/**
 * What makes a credential as powerful as a bureau's, or more: publishing alerts, the bureau's
 * stream of hits and messages (alerts hidden from the frontline included), following everything
 * the bureau sees as a national copy, granting credentials. A role holding any of these is granted
 * by two people (`grantNeedsApproval`); derived from the permission table, so a role that gains
 * one of them later needs an approval without another rule to update.
 */
const PRIVILEGED: readonly Permission[] = ['alert.create', 'events.read', 'replica.sync', 'credentials.manage'];

export function isPrivilegedRole(role: Role): boolean {
  return PRIVILEGED.some((p) => roleMay(role, p));
}

/**
 * Whether a credential of `role` for `member`, asked for by `by`, waits for a second
 * administrator before it works. Segregation of duties: a member's administrator does not give
 * itself (or its member) bureau-level power alone. Every role of the operator's own member counts
 * as such power: its auditors read the whole trail, its reviewers decide on every member's alerts.
 * Granted at once: lesser roles of other members; the operator at the console (the CLI, how an
 * installation is set up) and the server's own work; and the operator's administrators for
 * another member, the operator being that member's second party.
 */
export function grantNeedsApproval(by: Actor, grant: { member: string; role: Role }, operator: string): boolean {
  if (!isPrivilegedRole(grant.role) && grant.member !== operator) return false;
  const kind = parseCredential(by.credential)?.kind;
  if (kind === 'cli' || kind === 'system') return false;
  return !(by.member === operator && grant.member !== operator);
}

/**
 * Whether `by` may approve a pending credential of `member` that `requestedBy` asked for: another
 * administrator (never the one who asked) of the same member, or of the operator.
 */
export function mayApproveGrant(by: Actor, pending: { member: string; requestedBy: string | null }, operator: string): boolean {
  if (!roleMay(by.role, 'credentials.manage')) return false;
  if (pending.requestedBy !== null && by.credential === pending.requestedBy) return false;
  return by.member === pending.member || by.member === operator;
}
