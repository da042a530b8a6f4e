import { isOwnerOnlyStatus } from '../alerts/lifecycle.js';
import { forbidden, notFound } from '../errors/domain-error.js';
import { roleMay, type Actor, type Permission } from './roles.js';
import { visibleTo, type Visibility } from './visibility.js';

/** The parts of an alert that access rules look at. */
export interface AlertAccessFacts {
  owner: string;
  visibility: Visibility;
  /** Absent means active (facts built before review existed). */
  status?: string;
  hiddenFromFrontline?: boolean;
}

/**
 * May this actor know that the alert exists at all? Beyond its visibility list, an alert under
 * review (or rejected) exists only for its owner's member, and one hidden from the frontline does
 * not exist for frontline users, the owner's own included.
 */
export function canSeeAlert(actor: Actor, alert: AlertAccessFacts): boolean {
  if (!visibleTo(alert.owner, alert.visibility, actor.member)) return false;
  if (alert.status !== undefined && isOwnerOnlyStatus(alert.status) && actor.member !== alert.owner) return false;
  if (alert.hiddenFromFrontline === true && actor.role === 'frontline') return false;
  return true;
}

/** Throws 403 when the role is not for this kind of action. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!roleMay(actor.role, permission)) throw forbidden(permission.replace('.', ' '));
}

/**
 * Read access: the role must be allowed, and a hidden alert is reported as not found,
 * never as forbidden, so its existence does not leak.
 */
export function requireReadable(actor: Actor, alert: AlertAccessFacts | undefined, permission: Permission = 'alert.read'): AlertAccessFacts {
  requirePermission(actor, permission);
  if (!alert || !canSeeAlert(actor, alert)) throw notFound('alert');
  return alert;
}

/**
 * Change access: only the owner's bureau. Another member that can see the alert gets 403
 * (it knows the alert exists); one that cannot see it gets 404.
 */
export function requireOwnerBureau(actor: Actor, alert: AlertAccessFacts | undefined, permission: Permission): AlertAccessFacts {
  if (!alert || !canSeeAlert(actor, alert)) {
    requirePermission(actor, permission);
    throw notFound('alert');
  }
  requirePermission(actor, permission);
  if (alert.owner !== actor.member) throw forbidden(`change an alert owned by ${alert.owner}`);
  return alert;
}
