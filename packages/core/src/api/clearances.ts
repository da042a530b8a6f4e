import { z } from 'zod';
import { CLEARANCE_STATUSES } from '../clearances/clearance-status.js';
import { alertSubjectSchema } from './alert-subject.js';

/** Cleared travellers as the API presents them (server app/clearances; the web's Clearances page and hit views). */

/**
 * On a hit or a screening result: the traveller was found "not the same person" on this version of
 * the alert before, by the screening member's own bureau, so the owner was not told of it again.
 */
export const clearedBeforeSchema = z
  .object({
    clearanceId: z.string(),
    at: z.string().describe('When the earlier hit was recorded as not the same person'),
    member: z.string().describe('The member that cleared the traveller (always the screening member)'),
    memberName: z.string().optional(),
    memberAlpha2: z.string().optional().describe('Its ISO 3166 alpha-2 code, for its name in the reader’s language; absent for an organisation'),
  })
  .strict();

export const clearanceViewSchema = z
  .object({
    id: z.string(),
    status: z.enum(CLEARANCE_STATUSES),
    alertId: z.string(),
    alertVersion: z.number().int().describe('The version of the alert the traveller was cleared against: a new version ends the clearance'),
    subject: alertSubjectSchema.optional().describe('Who the alert is about, where the reader may see the alert in full'),
    hitId: z.string().describe('The hit recorded as not the same person'),
    owner: z.string(),
    ownerName: z.string().optional(),
    ownerAlpha2: z.string().optional().describe('For its name in the reader’s language; absent for an organisation'),
    member: z.string().describe('The clearing member (the screening member of the hit)'),
    memberName: z.string().optional(),
    memberAlpha2: z.string().optional(),
    clearedBy: z.string().optional().describe('The credential that recorded the outcome: shown to the clearing member only'),
    clearedByName: z.string().optional(),
    createdAt: z.string(),
    traveller: z.string().nullable().describe('The traveller as the clearing screening gave them (name, birth date, nationality, documents); null once that screening’s data is gone'),
    suppressed: z.number().int().describe('Hits recorded since without telling the owner'),
    endedAt: z.string().nullable(),
    endedBy: z.string().optional().describe('The credential that ended it, shown to its own member only'),
    endNote: z.string().nullable(),
    canRevoke: z.boolean().describe('The caller’s member cleared it and it is active'),
    canObject: z.boolean().describe('The caller’s member owns the alert, may object (a bureau) and it is active'),
  })
  .strict();

/** `GET /api/v1/clearances`. */
export const clearanceListSchema = z.object({ items: z.array(clearanceViewSchema), next: z.string().nullable() }).strict();

export type ClearedBefore = z.infer<typeof clearedBeforeSchema>;
export type ClearanceView = z.infer<typeof clearanceViewSchema>;
export type ClearanceList = z.infer<typeof clearanceListSchema>;
