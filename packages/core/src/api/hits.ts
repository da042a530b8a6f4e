import { z } from 'zod';
import { HANDLING_CODES, HIT_FORMS, HIT_OUTCOMES } from '../cooperation/hit-schemas.js';
import type { OverdueReply } from '../cooperation/reply-deadline.js';
import { HIT_ORIGINS } from '../constants/carrier.js';
import { alertSubjectSchema } from './alert-subject.js';
import { matchReasonSchema } from '../reasons/match-reason-schema.js';
import type { Assert, Equal } from './same-type.js';
import { clearedBeforeSchema } from './clearances.js';

/** Hits as the API presents them (server app/hits/present-hit.ts; the web's inbox and thread). */

export type HandlingCode = (typeof HANDLING_CODES)[number];

export const hitOutcomeViewSchema = z
  .object({
    outcome: z.enum(HIT_OUTCOMES),
    note: z.string(),
    at: z.string(),
    by: z.string().optional().describe('The credential that recorded it (user:<id>, key:<id>…): shown to the screening member only'),
    byName: z.string().optional().describe('What to call it: the username, or the key’s label'),
  })
  .strict();

/** Where a screening was made, as far as the request said (core screening/screening-place.ts). */
export const screeningPlaceSchema = z
  .object({ flight: z.string(), from: z.string().nullable(), to: z.string().nullable(), departure: z.string().nullable() })
  .strict();

/** A hit found after the fact: a new alert screened against a past screening. */
export const retroactiveViewSchema = z
  .object({
    screenedAt: z.string().describe('When the traveller was screened (the hit itself was found at `createdAt`)'),
    place: screeningPlaceSchema.nullable().describe('The flight the traveller was screened on, when the screening was a flight’s; the screening member says where otherwise'),
  })
  .strict();

export const hitViewSchema = z
  .object({
    id: z.string(),
    screeningId: z.string(),
    alertId: z.string(),
    alertVersion: z.number().int(),
    subject: alertSubjectSchema
      .optional()
      .describe('Who or what the alert is about, for a reader who may see the alert in full: absent for a frontline user on a discreet check (who gets only the instruction)'),
    owner: z.string(),
    ownerName: z.string().optional().describe('The owner member’s name as registered (English)'),
    ownerAlpha2: z.string().optional().describe('The owner’s ISO 3166 alpha-2 code, for its name in the reader’s language (Intl.DisplayNames); absent for an organisation'),
    screeningMember: z.string(),
    screeningMemberName: z.string().optional().describe('The screening member’s name as registered (English)'),
    screeningMemberAlpha2: z.string().optional().describe('The screening member’s ISO 3166 alpha-2 code; absent for an organisation'),
    screenedBy: z.string().optional().describe('The credential that screened: a user is named to its own member only'),
    screenedByName: z.string().optional().describe('What to call it: the username, or the key’s label (in a hit’s detail)'),
    score: z.number().optional().describe('Left out for a frontline user on a discreet check, like the reasons'),
    reasons: z.array(z.union([matchReasonSchema, z.string()])).describe('Codes with parameters; hits recorded before reasons had codes hold English sentences'),
    reasonsClaimedBy: z.string().optional().describe('Present when score and reasons are what a national copy (`replica:<instance>`) claimed and the centre could not find the hit again: the copy’s claim, not the centre’s finding'),
    action: z.string().optional().describe('For a frontline user on a discreet-check alert: the only instruction it gets'),
    clearedBefore: clearedBeforeSchema.optional().describe('Recorded while a clearance held: the owner was not told of this hit (app/clearances)'),
    createdAt: z.string(),
    outcome: hitOutcomeViewSchema.nullable(),
    retroactive: retroactiveViewSchema.optional().describe('Present when the hit was found after the fact: the alert was published (or given a new name or identifier) after the screening, within CROSSCHECK_LOOKBACK_HOURS'),
    origin: z.enum(HIT_ORIGINS).optional().describe('Where the hit came from when it was not a screening: `carrier-check`, a carrier’s check of a travel document (POST /api/v1/check/documents)'),
  })
  .strict();

export const hitFormViewSchema = z
  .object({
    id: z.string(),
    form: z.enum(HIT_FORMS),
    from: z.string(),
    to: z.string(),
    handlingCode: z.enum(HANDLING_CODES),
    sourceGrade: z.string().nullable(),
    infoGrade: z.string().nullable(),
    text: z.string(),
    reason: z.string().nullable(),
    answers: z
      .array(z.object({ question: z.string(), answer: z.string() }).strict())
      .optional()
      .describe('An inquiry check’s answers, each beside the question it answers: a G form sent with POST /api/v1/hits/{id}/answers'),
    createdAt: z.string(),
    replyDueAt: z.string().nullable().describe('Null once answered, and always for an M form'),
    createdBy: z.string().optional().describe('The sending credential, shown to the sending member only'),
    createdByName: z.string().optional().describe('What to call it: the username, or the key’s label'),
  })
  .strict();

/** `GET /api/v1/hits/{id}` and the answer to recording an outcome: the hit with its thread. */
export const hitDetailSchema = hitViewSchema.extend({ forms: z.array(hitFormViewSchema) }).strict();

const overdueReplySchema = z
  .object({ form: z.string(), dueAt: z.string(), waitingFor: z.string().describe('The member whose bureau has not answered') })
  .strict();

export const hitListItemSchema = hitViewSchema.extend({ overdue: overdueReplySchema.nullable() }).strict();

/** `GET /api/v1/hits`. */
export const hitListSchema = z.object({ items: z.array(hitListItemSchema), next: z.string().nullable().describe('The cursor of the next page, or null') }).strict();

export type HitOutcomeView = z.infer<typeof hitOutcomeViewSchema>;
export type HitView = z.infer<typeof hitViewSchema>;
export type RetroactiveView = z.infer<typeof retroactiveViewSchema>;
export type HitFormView = z.infer<typeof hitFormViewSchema>;
export type HitDetail = z.infer<typeof hitDetailSchema>;
export type HitListItem = z.infer<typeof hitListItemSchema>;
export type HitList = z.infer<typeof hitListSchema>;

// The overdue reply is the core's own rule's answer; this fails to compile when the two drift apart.
export type HitContractChecks = [Assert<Equal<z.infer<typeof overdueReplySchema>, OverdueReply>>];
