import { z } from 'zod';

// PostgreSQL cannot store NUL and no real text holds one: refuse it by name rather than fail later.
const text = (max: number) =>
  z.string().trim().min(1).max(max).refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');

export const HIT_OUTCOMES = ['confirmed', 'not-same-person', 'action-taken', 'action-not-possible'] as const;
export type HitOutcome = (typeof HIT_OUTCOMES)[number];

/** G: hit report; H: the requested action is not possible; M: other information. */
export const HIT_FORMS = ['G', 'H', 'M'] as const;
export type HitForm = (typeof HIT_FORMS)[number];

/** Restrictions on how the receiving bureau may use the information (H0 none … H3 most restricted). */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export const SOURCE_GRADES = ['A', 'B', 'C', 'X'] as const;
export const INFO_GRADES = ['1', '2', '3', '4'] as const;

export const handlingCodeSchema = z.enum(HANDLING_CODES);

export const hitOutcomeSchema = z.object({ outcome: z.enum(HIT_OUTCOMES), note: text(2000) }).strict();
export type HitOutcomeInput = z.infer<typeof hitOutcomeSchema>;

export const hitFormSchema = z
  .object({
    form: z.enum(HIT_FORMS),
    handlingCode: handlingCodeSchema,
    sourceGrade: z.enum(SOURCE_GRADES).optional(),
    infoGrade: z.enum(INFO_GRADES).optional(),
    text: text(8000),
    /** Why the requested action is not possible; an H form is meaningless without it. */
    reason: text(2000).optional(),
  })
  .strict()
  .superRefine((f, issues) => {
    if (f.form === 'H' && f.reason === undefined) {
      issues.addIssue({ code: 'custom', path: ['reason'], message: 'required for an H form: why the requested action is not possible' });
    }
  });
export type HitFormInput = z.infer<typeof hitFormSchema>;

export const listHitsQuerySchema = z
  .object({
    /** 'true' keeps the threads with a reply past due; 'false' (the default) lists every hit. */
    overdue: z.enum(['true', 'false']).optional(),
    alertId: z.string().min(1).max(40).optional(),
    /** The last id of the previous page. */
    after: z.string().min(1).max(40).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListHitsQuery = z.infer<typeof listHitsQuerySchema>;
