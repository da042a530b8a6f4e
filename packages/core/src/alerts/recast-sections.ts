import { z } from 'zod';
import { fullDateSchema } from './partial-date.js';
import { HANDLING_CODES } from '../constants/hits.js';
import {
  INQUIRY_ANSWER_MAX,
  INQUIRY_QUESTION_MAX,
  INQUIRY_QUESTIONS_MAX,
  PREVENTIVE_SUBJECTS,
  RECAST_SECTIONS,
  isRecastCategory,
  type RecastSection,
} from '../constants/recast.js';

// The sections of the SIS recast's person categories (constants/recast.ts says what each is for).
// Each category requires its section and every other category refuses it, so a record always
// carries exactly the data its category acts on; the rule is checked wherever alertInputSchema
// parses (create, patch, import).

// PostgreSQL cannot store NUL and no real field holds one: refuse it by name rather than fail later.
const text = (max: number) =>
  z.string().trim().min(1).max(max).refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');

/** A return decision (Regulation (EU) 2018/1860 Art. 4): when it was decided and by when the person must leave. */
export const returnDecisionSchema = z
  .object({
    decidedOn: fullDateSchema.describe('The date of the return decision (YYYY-MM-DD)'),
    leaveBy: fullDateSchema.describe('The deadline for leaving: the end of the period for voluntary departure (YYYY-MM-DD)'),
    reference: text(100).optional().describe('The decision’s national reference'),
  })
  .strict()
  .refine((r) => r.leaveBy >= r.decidedOn, { message: 'the deadline for leaving cannot be before the decision', path: ['leaveBy'] });

/** The owner's questions of an inquiry check (Regulation (EU) 2018/1862 Art. 37(4)): the screening member asks them. */
export const inquirySchema = z
  .object({ questions: z.array(text(INQUIRY_QUESTION_MAX)).min(1).max(INQUIRY_QUESTIONS_MAX).describe(`The questions to ask the person, at most ${INQUIRY_QUESTIONS_MAX}`) })
  .strict();

/** Whom a preventive alert protects, and the owner's instruction to whoever finds them. */
export const preventiveSchema = z
  .object({
    subject: z.enum(PREVENTIVE_SUBJECTS).describe('child-abduction-risk: a child at risk of parental abduction; child-travel-risk: a child to be stopped from travelling (trafficking, forced marriage, conflict zones); vulnerable-person: an adult to be protected'),
    instruction: text(1000).optional().describe('What the owner asks the officer to do to protect the person (shown to the frontline with the hit)'),
  })
  .strict();

export type ReturnDecision = z.infer<typeof returnDecisionSchema>;
export type Inquiry = z.infer<typeof inquirySchema>;
export type Preventive = z.infer<typeof preventiveSchema>;

/** The fields a person alert (and a patch) gains. */
export const recastFields = {
  returnDecision: returnDecisionSchema.optional(),
  inquiry: inquirySchema.optional(),
  preventive: preventiveSchema.optional(),
};
export const recastPatchFields = {
  returnDecision: returnDecisionSchema.nullable().optional(),
  inquiry: inquirySchema.nullable().optional(),
  preventive: preventiveSchema.nullable().optional(),
};

const SECTIONS = Object.values(RECAST_SECTIONS) as RecastSection[];

/**
 * A recast category needs its section (422 naming it) and no category carries another's. Also
 * a child-abduction-risk alert is on a child: a full birth date 18 years or more before the
 * decision is refused (the alert protects a minor; an adult at risk is a vulnerable person).
 */
export function recastRule(a: { kind: string; category?: string; person?: { birthDate?: string | undefined } } & Partial<Record<RecastSection, unknown>>, ctx: z.RefinementCtx): void {
  const own = a.kind === 'person' && isRecastCategory(a.category) ? RECAST_SECTIONS[a.category] : null;
  for (const section of SECTIONS) {
    if (section === own && a[section] === undefined) {
      ctx.addIssue({ code: 'custom', path: [section], message: `required for a ${a.category} alert` });
    } else if (section !== own && a[section] !== undefined) {
      ctx.addIssue({ code: 'custom', path: [section], message: `only a ${categoryOfSection(section)} person alert carries ${section}` });
    }
  }
  // A protection alert is never a wanted person's: no arrest warrant, no offence (refused by name).
  if (own === 'preventive') {
    if ((a.person as { arrest?: unknown } | undefined)?.arrest !== undefined) ctx.addIssue({ code: 'custom', path: ['person', 'arrest'], message: 'a preventive alert protects the person: it carries no arrest warrant' });
    if ((a as { offence?: unknown }).offence !== undefined) ctx.addIssue({ code: 'custom', path: ['offence'], message: 'a preventive alert protects the person: it carries no offence' });
  }
  const preventive = a.preventive as Preventive | undefined;
  const born = a.person?.birthDate;
  if (own === 'preventive' && preventive && CHILD_SUBJECTS.includes(preventive.subject) && born?.length === 10 && adultOn(born) <= todayUtc()) {
    ctx.addIssue({ code: 'custom', path: ['person', 'birthDate'], message: `a ${preventive.subject} alert protects a child: this person is 18 or older (use vulnerable-person)` });
  }
}

/** The preventive subjects that are children (until 18: the age of majority in every EU state). */
export const CHILD_SUBJECTS: readonly string[] = ['child-abduction-risk', 'child-travel-risk'];
export const MAJORITY_AGE = 18;

/** The day a person born on `born` (YYYY-MM-DD) turns 18 (29 February → 28 February in a common year). */
export function adultOn(born: string): string {
  const [y, m, d] = born.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y + MAJORITY_AGE, m - 1, d));
  if (at.getUTCMonth() !== m - 1) at.setUTCDate(0);
  return at.toISOString().slice(0, 10);
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

function categoryOfSection(section: RecastSection): string {
  return Object.entries(RECAST_SECTIONS).find(([, s]) => s === section)![0];
}

/** The sections of an alert body that are present, to copy into views (the subject of a hit). */
export function recastSectionsOf(a: Partial<Record<RecastSection, unknown>>): { returnDecision?: ReturnDecision; inquiry?: Inquiry; preventive?: Preventive } {
  const out: { returnDecision?: ReturnDecision; inquiry?: Inquiry; preventive?: Preventive } = {};
  if (a.returnDecision !== undefined) out.returnDecision = a.returnDecision as ReturnDecision;
  if (a.inquiry !== undefined) out.inquiry = a.inquiry as Inquiry;
  if (a.preventive !== undefined) out.preventive = a.preventive as Preventive;
  return out;
}

/** One answer per question, in the questions' order (`POST /api/v1/hits/{id}/answers`). */
export const inquiryAnswersSchema = z
  .object({
    answers: z.array(text(INQUIRY_ANSWER_MAX)).min(1).max(INQUIRY_QUESTIONS_MAX).describe('The person’s answer to each of the alert’s questions, in order ("declined to answer" is an answer)'),
    handlingCode: z.enum(HANDLING_CODES).default('H0').describe('How the owner may use the answers (SIENA handling codes)'),
    note: text(4000).optional().describe('Anything else the officer observed'),
  })
  .strict();
export type InquiryAnswersInput = z.infer<typeof inquiryAnswersSchema>;
