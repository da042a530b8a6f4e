import { z } from 'zod';
import { FORM_REASON_MAX, FORM_TEXT_MAX, HANDLING_CODES, HIT_FORMS, HIT_OUTCOMES, INFO_GRADES, OUTCOME_NOTE_MAX, SOURCE_GRADES, type HitForm, type HitOutcome } from '../constants/hits.js';

// PostgreSQL cannot store NUL and no real text holds one: refuse it by name rather than fail later.
const text = (max: number) =>
  z.string().trim().min(1).max(max).refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');

// The value lists and limits live in constants/ (zod-free, for the browser); the barrel goes on
// exporting them from here.
export { HANDLING_CODES, HIT_FORMS, HIT_OUTCOMES, INFO_GRADES, SOURCE_GRADES };
export type { HitForm, HitOutcome };

export const handlingCodeSchema = z.enum(HANDLING_CODES);

export const hitOutcomeSchema = z.object({ outcome: z.enum(HIT_OUTCOMES), note: text(OUTCOME_NOTE_MAX) }).strict();
export type HitOutcomeInput = z.infer<typeof hitOutcomeSchema>;

export const hitFormSchema = z
  .object({
    form: z.enum(HIT_FORMS),
    handlingCode: handlingCodeSchema,
    sourceGrade: z.enum(SOURCE_GRADES).optional(),
    infoGrade: z.enum(INFO_GRADES).optional(),
    text: text(FORM_TEXT_MAX),
    /** Why the requested action is not possible; an H form is meaningless without it. */
    reason: text(FORM_REASON_MAX).optional(),
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
