import { isOwnerOnlyStatus } from '../alerts/lifecycle.js';
import type { AlertKind } from '../alerts/alert-schemas.js';
import type { Actor } from './roles.js';
import { visibleTo, type Visibility } from './visibility.js';

/**
 * How much of an alert a reader gets. This is the one statement of "who sees what" of an alert:
 * every reader (get, lists and search, exports, history, the change feed, screening, hits, links,
 * stats, public notices, national copies) asks it, directly or through its SQL translation
 * `alertAccessSql` beside this file, and `alert-access.cases.ts` is the table both are held to.
 *
 * - `hidden`: the alert does not exist for this reader (not found, never counted).
 * - `instruction-only`: the reader learns what screening would tell it and nothing more: the
 *   instruction, the owner and the kind. This is a discreet check seen by the frontline: the
 *   officer must not learn, and so cannot let slip, why the person is of interest.
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
  if (reader.role === 'frontline') {
    // Hidden from the frontline means from every frontline user, the owner's own included.
    if (alert.hiddenFromFrontline) return 'hidden';
    if (alert.category === DISCREET_CHECK) return 'instruction-only';
  }
  return 'full';
}

export const DISCREET_CHECK = 'discreet-check';

/** The only thing a frontline officer is told of a discreet check, wherever it is read. */
export const DISCREET_ACTION = 'discreet check: do not alert the person; report to your bureau';

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
