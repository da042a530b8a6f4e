import type { AlertInput } from '../alerts/alert-schemas.js';

/** One version of an alert as `GET /api/v1/alerts/{id}/history` gives it (server app/alert-history.ts). */
export interface AlertVersion {
  version: number;
  action: string;
  status: string;
  statusReason: string | null;
  changedAt: string;
  /** Only the owner learns which of its keys or users made a change. */
  changedBy?: string;
  /** Its user's name or key's label, beside `changedBy` (null for an unlabelled key or the server's own work). */
  changedByName?: string | null;
  /** The member of that user or key (null for the command line or the server): what the page says when the name is not the reader's to know. */
  changedByMember?: string | null;
  alert: Partial<AlertInput>;
}
