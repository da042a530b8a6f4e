// The SIS recast's person categories (in operation since 7 March 2023): their sections, limits and
// the instructions the core writes for them. Zod-free, so the web app's editor and cards read them.
//
// - `return-decision`: a third-country national under a return decision (Regulation (EU) 2018/1860,
//   "alerts on return"): the decision's date and the deadline for leaving; a hit is checked for
//   departure, and the screening member reports that the person left (Art. 6, confirmation of return).
// - `inquiry-check`: the person is interviewed with the issuing member's questions and the answers
//   are reported back (Regulation (EU) 2018/1862 Art. 36–37, "inquiry checks").
// - `preventive`: a child at risk of parental abduction, a child or a vulnerable adult who must be
//   stopped from travelling for their own protection (Regulation (EU) 2018/1862 Art. 32(1)(c)–(e)):
//   the action is to prevent travel and protect, never to treat the person as wanted.

/** The section each recast category requires (and every other category refuses). */
export const RECAST_SECTIONS = { 'return-decision': 'returnDecision', 'inquiry-check': 'inquiry', preventive: 'preventive' } as const;
export type RecastCategory = keyof typeof RECAST_SECTIONS;
export type RecastSection = (typeof RECAST_SECTIONS)[RecastCategory];

export const RECAST_CATEGORIES = Object.keys(RECAST_SECTIONS) as RecastCategory[];

export function isRecastCategory(category: string | null | undefined): category is RecastCategory {
  return category != null && Object.hasOwn(RECAST_SECTIONS, category);
}

/** Who a preventive alert protects (Regulation (EU) 2018/1862 Art. 32(1)(c)–(e)). */
export const PREVENTIVE_SUBJECTS = ['child-abduction-risk', 'child-travel-risk', 'vulnerable-person'] as const;
export type PreventiveSubject = (typeof PREVENTIVE_SUBJECTS)[number];

/** An inquiry check asks at most this many questions, each at most QUESTION_MAX characters; an answer at most ANSWER_MAX. */
export const INQUIRY_QUESTIONS_MAX = 20;
export const INQUIRY_QUESTION_MAX = 500;
export const INQUIRY_ANSWER_MAX = 2000;

/**
 * The instructions the core writes for a recast alert whose owner wrote no `action` of its own
 * (the web words each in the reader's language; see CORE_ACTIONS). The preventive one never says
 * "wanted" or "arrest": the person is to be protected.
 */
export const RETURN_DECISION_ACTION = 'return decision: check whether the person is leaving by the deadline; record "left the territory" when they leave, and inform your bureau';
export const INQUIRY_CHECK_ACTION = 'inquiry check: interview the person with the issuing member’s questions and record the answers on the hit';
export const PREVENTIVE_ACTION = 'preventive alert: prevent the person from travelling and place them in safety; do not treat them as a suspect; inform your bureau at once';

export const RECAST_ACTIONS = [RETURN_DECISION_ACTION, INQUIRY_CHECK_ACTION, PREVENTIVE_ACTION] as const;

const ACTION_OF: Readonly<Record<RecastCategory, (typeof RECAST_ACTIONS)[number]>> = {
  'return-decision': RETURN_DECISION_ACTION,
  'inquiry-check': INQUIRY_CHECK_ACTION,
  preventive: PREVENTIVE_ACTION,
};

/** The instruction a hit carries: the owner's own action when it wrote one, else the core's for a recast category, else none. */
export function instructionFor(category: string | null, ownerAction: string | null | undefined): string | null {
  if (ownerAction != null) return ownerAction;
  return isRecastCategory(category) ? ACTION_OF[category] : null;
}

/** The outcome reporting a departure: only a return decision's hit may record it. */
export const LEFT_TERRITORY = 'left-territory';

/** Whether an outcome may be recorded on a hit of this category: "left the territory" is for return decisions only. */
export function outcomeFitsCategory(outcome: string, category: string | null): boolean {
  return outcome !== LEFT_TERRITORY || category === 'return-decision';
}
