import { inputOf } from '@crosscheck/core';
import { appendEvent } from '../../store/event-repo.js';
import { findAlertRow, toAlert, writeAlertVersion, type AlertRow } from '../../store/alert-repo.js';
import { appendAudit } from '../../store/audit-repo.js';
import { inWriteTransaction } from '../../store/write-transaction.js';
import { nowIso, type Deps } from '../deps.js';

/**
 * Expires one alert in its own transaction, if `reasonFor` still gives a reason once the row is
 * read under the writers' lock (another process may have expired, cancelled or extended it):
 * a new version, a change-feed entry (the screening index drops it), the system's audit entry
 * and an `alert.expired` event to the owner. True when it expired the alert.
 */
export async function expireOne(deps: Deps, id: string, reasonFor: (row: AlertRow) => string | null): Promise<boolean> {
  const done = await inWriteTransaction(deps.db, async (tx) => {
    const row = await findAlertRow(tx, id);
    if (!row || row.status !== 'active') return false;
    const reason = reasonFor(row);
    if (reason === null) return false;
    const at = nowIso(deps);
    const version = row.version + 1;
    await writeAlertVersion(
      tx,
      { id, owner: row.owner, input: inputOf(toAlert(row)), status: 'expired', statusReason: reason, version, action: 'expired', at, createdAt: row.created_at, changedBy: 'system' },
      row,
    );
    await appendAudit(tx, { at, member: row.owner, role: 'system', credential: 'system', action: 'alert.expire', target: `alert:${id}`, requestId: 'system/scheduler', outcome: 'ok', detail: JSON.stringify({ version, reason }) });
    await appendEvent(tx, { member: row.owner, type: 'alert.expired', data: { alertId: id, reason }, at });
    return true;
  });
  if (done) deps.bus.published();
  return done;
}
