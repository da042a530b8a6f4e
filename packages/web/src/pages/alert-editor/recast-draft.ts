import type { AlertInput } from '@crosscheck/core';
import { RECAST_SECTIONS, isRecastCategory, type PreventiveSubject } from '@crosscheck/core/constants';

/**
 * The editor's state for the SIS recast categories' sections, kept whatever category is chosen
 * (switching category back and forth loses nothing typed); only the chosen category's section is
 * sent, so the schema names a missing one and never sees another's.
 */
export interface RecastDraft {
  decidedOn: string;
  leaveBy: string;
  reference: string;
  questions: string[];
  subject: PreventiveSubject | '';
  instruction: string;
}

export const emptyRecast = (): RecastDraft => ({ decidedOn: '', leaveBy: '', reference: '', questions: [''], subject: '', instruction: '' });

/** The keys of the recast sections, which toInput sets from the draft rather than keeps from the stored alert. */
export const RECAST_KEYS: string[] = Object.values(RECAST_SECTIONS);

export function recastDraftOf(input: AlertInput): RecastDraft {
  const d = emptyRecast();
  if (input.kind !== 'person') return d;
  const r = input.returnDecision;
  const q = input.inquiry;
  const p = input.preventive;
  return {
    decidedOn: r?.decidedOn ?? '',
    leaveBy: r?.leaveBy ?? '',
    reference: r?.reference ?? '',
    questions: q ? [...q.questions] : d.questions,
    subject: p?.subject ?? '',
    instruction: p?.instruction ?? '',
  };
}

/** The section of the chosen category, as the schema reads it (empty boxes go as typed so the schema can name them). */
export function recastInput(category: string, r: RecastDraft): Record<string, unknown> {
  if (!isRecastCategory(category)) return {};
  switch (category) {
    case 'return-decision':
      return { returnDecision: { decidedOn: r.decidedOn.trim(), leaveBy: r.leaveBy.trim(), ...(r.reference.trim() ? { reference: r.reference } : {}) } };
    case 'inquiry-check':
      return { inquiry: { questions: r.questions.filter((q, i) => q.trim() !== '' || i === 0) } };
    case 'preventive':
      return { preventive: { subject: r.subject, ...(r.instruction.trim() ? { instruction: r.instruction } : {}) } };
  }
}
