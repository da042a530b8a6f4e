import { needsReviewWarning } from '@crosscheck/core';
import { appendAudit } from '../../store/audit-repo.js';
import { appendEvent } from '../../store/event-repo.js';
import { findAlertRow } from '../../store/alert-repo.js';
import { alertsToWarn, markWarned } from '../../store/retention-repo.js';
import { inWriteTransaction } from '../../store/write-transaction.js';
import { nowIso, type Deps } from '../deps.js';
import { addMonths } from './dates.js';

const PAGE = 100;

/**
 * Tells each owner, once per alert and review date, that an active alert reaches its review date
 * within `warnMonths` (`alert.expiring`, audited as the system). An extension clears the mark, so
 * the new date is warned about in its turn.
 */
export async function warnExpiringAlerts(deps: Deps): Promise<number> {
  const until = addMonths(nowIso(deps).slice(0, 10), deps.retention.warnMonths);
  let warned = 0;
  let after = '';
  for (;;) {
    const rows = await alertsToWarn(deps.db, until, after, PAGE);
    for (const candidate of rows) {
      const sent = await inWriteTransaction(deps.db, async (tx) => {
        // Read again under the writers' lock: another process may have warned or extended meanwhile.
        const row = await findAlertRow(tx, candidate.id);
        if (!row || !needsReviewWarning({ status: row.status, reviewDate: row.review_date, reviewWarnedFor: row.review_warned_for }, until)) return false;
        const at = nowIso(deps);
        await markWarned(tx, row.id, row.review_date!);
        await appendEvent(tx, { member: row.owner, type: 'alert.expiring', data: { alertId: row.id, reviewDate: row.review_date! }, at });
        await appendAudit(tx, { at, member: row.owner, role: 'system', credential: 'system', action: 'alert.warn-expiring', target: `alert:${row.id}`, requestId: 'system/scheduler', outcome: 'ok', detail: JSON.stringify({ reviewDate: row.review_date }) });
        return true;
      });
      if (sent) {
        deps.bus.published();
        warned++;
      }
    }
    if (rows.length < PAGE) return warned;
    after = rows[rows.length - 1]!.id;
  }
}
