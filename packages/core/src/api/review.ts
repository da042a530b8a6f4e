import { z } from 'zod';
import { PRE_CHECK_CODES } from '../constants/review.js';
import type { PreCheckFlag } from '../review/pre-checks.js';
import { alertViewSchema } from './alerts.js';
import type { Assert, Equal } from './same-type.js';

/** Review before publication and members' territory flags, as the API answers them (server app/review/, app/flags/). */

export const preCheckFlagSchema = z
  .object({
    code: z.enum(PRE_CHECK_CODES),
    message: z.string().describe('English'),
    word: z.string().optional().describe('The word or phrase that raised a keyword flag, folded (lower case, no accents)'),
  })
  .strict()
  .describe('A risk the pre-checks found: the reviewer weighs it, it decides nothing');

/** One alert waiting for review. */
export const reviewItemSchema = z
  .object({
    alert: alertViewSchema,
    flags: z.array(preCheckFlagSchema),
    submittedAt: z.string().describe('When the alert entered review (its latest version)'),
    previousRejection: z.object({ reason: z.string(), at: z.string() }).strict().optional().describe('Review refused it before and its owner corrected and resubmitted it: the earlier refusal'),
  })
  .strict();

/** `GET /api/v1/review`: the queue, oldest first, on one page. */
export const reviewQueueSchema = z.object({ items: z.array(reviewItemSchema), next: z.null() }).strict();

/** `POST /api/v1/review/{id}/decision`: the alert as decided, and the decision. */
export const reviewOutcomeSchema = z
  .object({
    alert: alertViewSchema,
    review: z
      .object({ id: z.string(), decision: z.enum(['approved', 'rejected']), reason: z.string(), flags: z.array(preCheckFlagSchema).describe('The pre-checks’ flags when it was decided'), at: z.string() })
      .strict(),
  })
  .strict();

/** `POST /api/v1/alerts/{id}/flags`: the caller's member's territory flag on the alert. */
export const alertFlagSchema = z
  .object({
    alertId: z.string(),
    member: z.string(),
    reason: z.string(),
    text: z.string().describe('"action not to be taken on the territory of <member>"'),
    at: z.string(),
  })
  .strict();

export type ReviewItemView = z.infer<typeof reviewItemSchema>;
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;
export type ReviewOutcomeView = z.infer<typeof reviewOutcomeSchema>;
export type AlertFlagView = z.infer<typeof alertFlagSchema>;

// The flags are the pre-checks' own answer; this fails to compile when the two drift apart.
export type ReviewContractCheck = Assert<Equal<z.infer<typeof preCheckFlagSchema>, PreCheckFlag>>;
