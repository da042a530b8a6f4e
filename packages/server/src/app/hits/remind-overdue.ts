import { appendAudit } from '../../store/audit-repo.js';
import { appendEvent } from '../../store/event-repo.js';
import { markReminded, overdueFormRows } from '../../store/hit-repo.js';
import { inWriteTransaction } from '../../store/write-transaction.js';
import { nowIso, type Deps } from '../deps.js';

const PAGE = 100;

/**
 * Tells both bureaus when the reply to a G or H form is overdue (SIRENE: 12 hours, day and night):
 * a `hit.updated` event with `overdue` to the bureau that must answer and to the one waiting, once
 * per form, with a system audit entry. Run by the server's scheduler every minute.
 */
export async function remindOverdueReplies(deps: Deps): Promise<number> {
  let told = 0;
  for (;;) {
    const now = nowIso(deps);
    const forms = await overdueFormRows(deps.db, now, { unreminded: true, limit: PAGE });
    let round = 0;
    for (const f of forms) {
      const done = await inWriteTransaction(deps.db, async (tx) => {
        const at = nowIso(deps);
        if (!(await markReminded(tx, f.id, now, at))) return false;
        const overdue = { form: f.form, formId: f.id, dueAt: f.reply_due_at, waitingFor: f.to_member };
        for (const member of [f.to_member, f.from_member]) {
          await appendEvent(tx, { member, type: 'hit.updated', at, data: { hitId: f.hit_id, alertId: f.alert_id, overdue } });
        }
        await appendAudit(tx, {
          at,
          member: f.to_member,
          role: 'system',
          credential: 'system',
          action: 'hit.remind-overdue',
          target: `hit:${f.hit_id}`,
          requestId: 'system/scheduler',
          outcome: 'ok',
          detail: JSON.stringify(overdue),
        });
        return true;
      });
      if (done) round++;
    }
    told += round;
    if (round > 0) deps.bus.published();
    if (forms.length < PAGE || round === 0) return told;
  }
}
