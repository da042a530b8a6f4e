import type { HANDLING_CODES, HitForm, HitOutcome } from '../cooperation/hit-schemas.js';
import type { OverdueReply } from '../cooperation/reply-deadline.js';
import type { StoredReason } from '../reasons/match-reason.js';

/** Hits as the API presents them (server app/hits/present-hit.ts; the web's inbox and thread). */

export type HandlingCode = (typeof HANDLING_CODES)[number];

export interface HitOutcomeView {
  outcome: HitOutcome;
  note: string;
  at: string;
  /** The credential that recorded it (`user:<id>`, `key:<id>`…): shown to the screening member only. */
  by?: string;
  /** What to call it: the username, or the key's label. */
  byName?: string;
}

export interface HitView {
  id: string;
  screeningId: string;
  alertId: string;
  alertVersion: number;
  owner: string;
  screeningMember: string;
  /** The credential that screened: a user is named to its own member only. */
  screenedBy?: string;
  /** What to call it: the username, or the key's label (in a hit's detail). */
  screenedByName?: string;
  /** Left out for a frontline user on a discreet check, like the reasons. */
  score?: number;
  /** Codes with parameters; hits recorded before reasons had codes hold English sentences. */
  reasons: StoredReason[];
  /** For a frontline user on a discreet-check alert: the only instruction it gets. */
  action?: string;
  createdAt: string;
  outcome: HitOutcomeView | null;
}

export interface HitFormView {
  id: string;
  form: HitForm;
  from: string;
  to: string;
  handlingCode: HandlingCode;
  sourceGrade: string | null;
  infoGrade: string | null;
  text: string;
  reason: string | null;
  createdAt: string;
  /** Null once answered, and always for an M form. */
  replyDueAt: string | null;
  /** The sending credential, shown to the sending member only. */
  createdBy?: string;
  /** What to call it: the username, or the key's label. */
  createdByName?: string;
}

export interface HitDetail extends HitView {
  forms: HitFormView[];
}

export interface HitListItem extends HitView {
  overdue: OverdueReply | null;
}
