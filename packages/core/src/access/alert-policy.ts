import { forbidden, notFound } from '../errors/domain-error.js';
import { alertAccess, type AlertAccess, type AlertAccessFacts } from './alert-access.js';
import { RoleRefusal } from './permission-words.js';
import { roleMay, type Actor, type Permission } from './roles.js';

export type { AlertAccessFacts } from './alert-access.js';

/** May this actor know that the alert exists at all (`alertAccess` is not `hidden`)? */
export function canSeeAlert(actor: Actor, alert: AlertAccessFacts): boolean {
  return alertAccess(actor, alert) !== 'hidden';
}

/** Throws 403 when the role is not for this kind of action, saying so in words (permission-words.ts). */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!roleMay(actor.role, permission)) throw new RoleRefusal(actor.role, permission);
}

/**
 * Read access: the role must be allowed, and a hidden alert is reported as not found, never as
 * forbidden, so its existence does not leak. Returns how much the reader may see of it.
 */
export function requireReadable(actor: Actor, alert: AlertAccessFacts | undefined, permission: Permission = 'alert.read'): Exclude<AlertAccess, 'hidden'> {
  requirePermission(actor, permission);
  const access = alert ? alertAccess(actor, alert) : 'hidden';
  if (access === 'hidden') throw notFound('alert');
  return access;
}

/**
 * For what only a full reader may have (history, photos, flags): an `instruction-only` reader
 * gets the same "not found" as for anything else it cannot see.
 */
export function requireFullyReadable(actor: Actor, alert: AlertAccessFacts | undefined, permission: Permission = 'alert.read'): void {
  if (requireReadable(actor, alert, permission) !== 'full') throw notFound('alert');
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
