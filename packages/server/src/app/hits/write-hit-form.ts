import { formNeedsReply, replyDueAt, type HitForm } from '@crosscheck/core';
import { appendEvent } from '../../store/event-repo.js';
import { clearRepliesDueFrom, insertHitForm, type HitFormRow, type HitRow } from '../../store/hit-repo.js';
import type { Tx } from '../../store/write-transaction.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';

/** A form as its sender writes it: everything of the row but what writing it decides. */
export type HitFormDraft = Pick<HitFormRow, 'to_member' | 'handling_code' | 'source_grade' | 'info_grade' | 'body'> & { form: HitForm };

/**
 * Writes a form from the caller's member into a hit's thread. Sending answers whatever the other
 * side was waiting on from the sender, so those reply clocks stop; a G or H form starts a new one
 * (`deps.cooperation.replyHours`), an M form never does. The receiving bureau gets a `hit.updated`
 * event naming the form, with `eventData` beside it. Every form of a thread is written here.
 */
export async function writeHitForm(tx: Tx, deps: Deps, ctx: Ctx, hit: Pick<HitRow, 'id' | 'alert_id'>, draft: HitFormDraft, eventData: Record<string, unknown> = {}): Promise<HitFormRow> {
  const at = nowIso(deps);
  await clearRepliesDueFrom(tx, hit.id, ctx.actor.member);
  const row: HitFormRow = {
    ...draft,
    id: deps.newId(),
    hit_id: hit.id,
    from_member: ctx.actor.member,
    created_by: ctx.actor.credential,
    created_at: at,
    reply_due_at: formNeedsReply(draft.form) ? replyDueAt(at, deps.cooperation.replyHours) : null,
    reminded_at: null,
  };
  await insertHitForm(tx, row);
  await appendEvent(tx, { member: draft.to_member, type: 'hit.updated', data: { hitId: hit.id, alertId: hit.alert_id, form: row.form, formId: row.id, ...eventData }, at });
  return row;
}
