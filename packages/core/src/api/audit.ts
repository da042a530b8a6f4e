import type { AlertSubject } from '../alerts/alert-subject.js';
import type { ChainedEntry } from '../audit/hash-chain.js';

/** An alert named by what it is about, for a reader that may read it in full. */
export interface NamedAlert {
  id: string;
  subject: AlertSubject;
  owner: string;
  ownerName: string;
}

/**
 * One entry of `GET /api/v1/audit` (server app/list-audit.ts): the entry as chained, and names
 * for what it holds by id. The ids stay, to copy and to filter by.
 */
export interface AuditEntryView extends ChainedEntry {
  /** The user's name or the key's label behind `credential`; null when it has none (the server, an unlabelled key, an unknown caller). */
  actorName: string | null;
  /** The alert the entry is about (its target, or the alert of its target hit), when the reader may read that alert in full. */
  targetAlert: NamedAlert | null;
  /** A name for any other target: a user, a key, a member, a link's two alerts; null when there is none the reader may learn. */
  targetName: string | null;
}
