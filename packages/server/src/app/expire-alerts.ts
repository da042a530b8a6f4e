import { inputOf } from '@crosscheck/core';
import { dueAlertIds, findAlertRow, toAlert, writeAlertVersion } from '../store/alert-repo.js';
import { appendAudit } from '../store/audit-repo.js';
import { inWriteTransaction } from '../store/write-transaction.js';
import { nowIso, type Deps } from './deps.js';

/**
 * Expires every active alert whose `expiresAt` day has passed: a new version, a change-feed
 * entry and an audit entry (`alert.expire`, by the system) per alert, each in its own transaction.
 */
export async function expireAlerts(deps: Deps): Promise<number> {
  const today = nowIso(deps).slice(0, 10);
  let expired = 0;
  for (;;) {
    const ids = await dueAlertIds(deps.db, today, 100);
    if (ids.length === 0) return expired;
    for (const id of ids) {
      await inWriteTransaction(deps.db, async (tx) => {
        const row = await findAlertRow(tx, id);
        if (!row || row.status !== 'active') return;
        const at = nowIso(deps);
        await writeAlertVersion(
          tx,
          { id, owner: row.owner, input: inputOf(toAlert(row)), status: 'expired', statusReason: `expiry date ${row.expires_at} passed`, version: row.version + 1, action: 'expired', at, createdAt: row.created_at, changedBy: 'system' },
          row,
        );
        await appendAudit(tx, { at, member: row.owner, role: 'system', credential: 'system', action: 'alert.expire', target: `alert:${id}`, requestId: 'system/scheduler', outcome: 'ok', detail: JSON.stringify({ version: row.version + 1 }) });
        expired++;
      });
    }
  }
}
