import { DomainError, hitFormSchema, parseInput, requirePermission } from '@crosscheck/core';
import type { FormBody } from '../../store/hit-repo.js';
import { audited } from '../audited.js';
import { formWithCredentialName } from './hit-names.js';
import type { Ctx, Deps } from '../deps.js';
import { loadVisibleHit, toFormView, type HitFormView } from './present-hit.js';
import { writeHitForm } from './write-hit-form.js';

/**
 * Sends a supplementary-information form in a hit's thread to the other side. Sending answers
 * whatever the other side was waiting on from the sender, so those reply clocks stop; a G or H
 * form starts a new one (`deps.cooperation.replyHours`), an M form never does.
 */
export async function sendHitForm(deps: Deps, ctx: Ctx, hitId: string, body: unknown): Promise<HitFormView> {
  const result = await audited(deps, ctx, 'hit.send-form', async (tx, note) => {
    note.target = `hit:${hitId}`;
    requirePermission(ctx.actor, 'forms.write');
    const { hit } = await loadVisibleHit(tx, ctx.actor, hitId);
    const input = parseInput(hitFormSchema, body);
    const from = ctx.actor.member;
    const to = from === hit.owner ? hit.screening_member : hit.owner;
    // A member screening against its own alert has nobody to write to.
    if (to === from) throw new DomainError('conflict', 'hit.no-other-side', 'this hit is on your own alert: there is no other bureau to send a form to');
    const formBody: FormBody = { text: input.text, ...(input.reason !== undefined ? { reason: input.reason } : {}) };
    const row = await writeHitForm(tx, deps, ctx, hit, { form: input.form, to_member: to, handling_code: input.handlingCode, source_grade: input.sourceGrade ?? null, info_grade: input.infoGrade ?? null, body: formBody });
    note.detail = { form: row.form, formId: row.id, to, handlingCode: row.handling_code, replyDueAt: row.reply_due_at };
    return formWithCredentialName(tx, ctx.actor, deps.operator, toFormView(from, row));
  });
  deps.bus.published();
  return result;
}
