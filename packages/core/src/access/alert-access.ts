import { isOwnerOnlyStatus } from '../alerts/lifecycle.js';
import { DISCREET_ACTION, DISCREET_CHECK } from '../constants/alerts.js';
import type { AlertKind } from '../alerts/alert-schemas.js';
import type { Actor } from './roles.js';
import { visibleTo, type Visibility } from './visibility.js';

/**
 * How much of an alert a reader gets. This is the one statement of "who sees what" of an alert:
 * every reader (get, lists and search, exports, history, the change feed, screening, hits, links,
 * stats, national copies) asks it, directly or through its SQL translation `alertAccessSql`
 * beside this file; `server/src/store/rules.test.ts` holds the two equal over every case.
 *
 * - `hidden`: the alert does not exist for this reader (not found, never counted).
 * - `instruction-only`: the reader learns what screening would tell it and nothing more: the
 *   instruction, the owner and the kind. This is an active discreet check seen by the frontline:
 *   the officer must not learn, and so cannot let slip, why the person is of interest.
 * - `full`: the alert as stored (less the visibility list, which only its owner sees).
 */
export const ALERT_ACCESS_LEVELS = ['full', 'instruction-only', 'hidden'] as const;
export type AlertAccess = (typeof ALERT_ACCESS_LEVELS)[number];

/** The parts of an alert the access rule weighs. Dates do not hide an alert: an expired one stays readable. */
export interface AlertAccessFacts {
  owner: string;
  visibility: Visibility;
  status: string;
  /** A person alert's category; null for documents and vehicles. */
  category: string | null;
  hiddenFromFrontline: boolean;
}

export type Reader = Pick<Actor, 'member' | 'role'>;

export function alertAccess(reader: Reader, alert: AlertAccessFacts): AlertAccess {
  // The visibility list is the owner's rule; the owner always sees its own.
  if (!visibleTo(alert.owner, alert.visibility, reader.member)) return 'hidden';
  // Under review (or rejected) an alert is not published: it exists for its owner only.
  if (isOwnerOnlyStatus(alert.status) && reader.member !== alert.owner) return 'hidden';
  return roleAccess(reader, alert);
}

/** Whether `roleAccess` can answer anything but `full` for this role: readers that need no facts for it may skip reading them. */
// The frontline desk, and a carrier, which is further from the case than any officer: an alert its
// owner hid from the frontline is hidden from carriers too, and a discreet check tells them no more.
export const roleIsLimited = (role: Reader['role']): boolean => role === 'frontline' || role === 'carrier';

/**
 * The part of `alertAccess` that depends on the reader's role, for an alert the reader's member
 * may see. Hits use it alone: the screening member was shown the alert when it screened, so the
 * visibility and review parts were weighed then, and an owner narrowing the list later does not
 * erase the other bureau's hit.
 */
export function roleAccess(reader: Reader, alert: Pick<AlertAccessFacts, 'status' | 'category' | 'hiddenFromFrontline'>): AlertAccess {
  if (!roleIsLimited(reader.role)) return 'full';
  // Hidden from the frontline means from every frontline user, the owner's own included.
  if (alert.hiddenFromFrontline) return 'hidden';
  if (alert.category === DISCREET_CHECK) {
    // An instruction is something to act on: once the check has ended there is nothing to act
    // on, and what became of it is no business of the desk.
    return alert.status === 'active' ? 'instruction-only' : 'hidden';
  }
  return 'full';
}

// Defined with the alert vocabularies (zod-free), so that the web app can word them.
export { DISCREET_ACTION, DISCREET_CHECK };

/** What an `instruction-only` reader gets of an alert: what screening would give it. */
export interface AlertInstruction {
  id: string;
  kind: AlertKind;
  owner: string;
  category: typeof DISCREET_CHECK;
  action: typeof DISCREET_ACTION;
  access: 'instruction-only';
}

export function alertInstruction(alert: { id: string; kind: AlertKind; owner: string }): AlertInstruction {
  return { id: alert.id, kind: alert.kind, owner: alert.owner, category: DISCREET_CHECK, action: DISCREET_ACTION, access: 'instruction-only' };
}
