import { z } from 'zod';

/**
 * What became of a clearance. `active` while it holds; it ends when the clearing member revokes it,
 * when the alert's owner objects, when the alert gets a new version (`superseded`: whatever was
 * cleared was cleared against the old text), or when the clearing member records another outcome
 * on the hit it came from (`withdrawn`).
 */
export const CLEARANCE_STATUSES = ['active', 'revoked', 'objected', 'superseded', 'withdrawn'] as const;
export type ClearanceStatus = (typeof CLEARANCE_STATUSES)[number];

/** The ends written on the row; `superseded` is read from the alert's version instead (no write on every alert update). */
export const CLEARANCE_END_REASONS = ['revoked', 'objected', 'withdrawn'] as const;
export type ClearanceEndReason = (typeof CLEARANCE_END_REASONS)[number];

/** A clearance's status from its row and the alert's current version (null: the alert is gone). */
export function clearanceStatus(c: { endReason: string | null; alertVersion: number }, currentAlertVersion: number | null): ClearanceStatus {
  if (c.endReason !== null) return c.endReason as ClearanceEndReason;
  return currentAlertVersion === c.alertVersion ? 'active' : 'superseded';
}

/** Whether a clearance still keeps the owner from being told of its traveller's hits on this version of the alert. */
export const clearanceHolds = (c: { endReason: string | null; alertVersion: number }, currentAlertVersion: number): boolean => clearanceStatus(c, currentAlertVersion) === 'active';

const noNul = (v: string) => !v.includes('\u0000');

/** `GET /api/v1/clearances`. */
export const listClearancesQuerySchema = z
  .object({
    status: z.enum(CLEARANCE_STATUSES).optional(),
    alertId: z.string().max(40).optional(),
    hitId: z.string().max(40).optional(),
    /** `mine`: cleared by the caller's member; `on-my-alerts`: on alerts the caller's member owns. */
    side: z.enum(['mine', 'on-my-alerts']).optional(),
    after: z.string().max(40).optional().describe('The cursor of the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListClearancesQuery = z.infer<typeof listClearancesQuerySchema>;

/** `POST /api/v1/clearances/{id}/objection` and `/revoke`: an optional note for the other side. */
export const endClearanceSchema = z
  .object({ note: z.string().trim().max(2000).refine(noNul, 'must not contain a NUL character').optional() })
  .strict();
