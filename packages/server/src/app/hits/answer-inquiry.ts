import { DomainError, inquiryAnswersSchema, parseInput, requirePermission, validationError } from '@crosscheck/core';
import type { FormBody } from '../../store/hit-repo.js';
import { audited } from '../audited.js';
import { formWithCredentialName, hitNames } from './hit-names.js';
import type { Ctx, Deps } from '../deps.js';
import { loadVisibleHit, toFormView, type HitFormView } from './present-hit.js';
import { writeHitForm } from './write-hit-form.js';

/**
 * The screening member answers an inquiry check's questions (SIS recast: Regulation (EU)
 * 2018/1862 Art. 37): one answer per question, in order. The answers go to the owner as a G form
 * (the SIRENE hit report, which in SIS carries an inquiry check's results) in the hit's thread,
 * each beside its question, so the owner reads them where it reads every other word on the hit;
 * like any G form it starts the owner's reply clock, and the owner gets a `hit.updated` event.
 *
 * Only the screening member's frontline and bureau answer (the officers who record a hit's
 * outcome, permission `hits.outcome`): the owner asked the questions and cannot answer them. The
 * questions are those of the alert as the screening member may read it (the hit's own subject),
 * so an answer always sits beside the question the officer was shown. Answering again sends a
 * new form (a correction); the thread keeps both.
 */
export async function answerInquiry(deps: Deps, ctx: Ctx, hitId: string, body: unknown): Promise<HitFormView> {
  const result = await audited(deps, ctx, 'hit.answer-inquiry', async (tx, note) => {
    note.target = `hit:${hitId}`;
    requirePermission(ctx.actor, 'hits.outcome');
    const { hit, access } = await loadVisibleHit(tx, ctx.actor, hitId);
    // The owner may see the hit, so refusing it reveals nothing.
    if (hit.screening_member !== ctx.actor.member) {
      throw new DomainError('forbidden', 'hit.answers-not-yours', 'only the screening member answers an inquiry check’s questions');
    }
    const names = await hitNames(tx, ctx.actor, deps.operator, [hit], new Map([[hit.alert_id, access]]), []);
    const subject = names.subjects.get(hit.id);
    const questions = subject?.kind === 'person' && subject.category === 'inquiry-check' ? subject.inquiry?.questions : undefined;
    if (questions === undefined) throw new DomainError('conflict', 'hit.not-inquiry-check', 'this hit is not on an inquiry check: it has no questions to answer');
    const input = parseInput(inquiryAnswersSchema, body);
    if (input.answers.length !== questions.length) {
      throw validationError('answers', `give one answer for each of the ${questions.length} question(s), in order; ${input.answers.length} given`);
    }
    const to = hit.owner;
    if (to === ctx.actor.member) throw new DomainError('conflict', 'hit.no-other-side', 'this hit is on your own alert: there is no other bureau to send the answers to');
    const formBody: FormBody = {
      // The officer's note, or nothing: the answers speak for themselves, and the page words their heading in the reader's language.
      text: input.note ?? '',
      answers: questions.map((question, i) => ({ question, answer: input.answers[i]! })),
    };
    const row = await writeHitForm(tx, deps, ctx, hit, { form: 'G', to_member: to, handling_code: input.handlingCode, source_grade: null, info_grade: null, body: formBody }, { answers: questions.length });
    // The trail records that and how many were answered; the answers themselves are the thread's.
    note.detail = { formId: row.id, to, questions: questions.length, handlingCode: row.handling_code };
    return formWithCredentialName(tx, ctx.actor, deps.operator, toFormView(ctx.actor.member, row));
  });
  deps.bus.published();
  return result;
}
