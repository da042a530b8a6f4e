import { appendAudit } from '../../store/audit-repo.js';
import { alertBodyOf, findAlertRow } from '../../store/alert-repo.js';
import { deletePhotosOf } from '../../store/photo-repo.js';
import { purgeClearancesOfAlert } from '../../store/clearance-repo.js';
import { alertIdsToPurge, PURGED_STATUSES, purgeAlertData } from '../../store/retention-repo.js';
import { inWriteTransaction } from '../../store/write-transaction.js';
import { nowIso, type Deps } from '../deps.js';
import { daysBefore } from './dates.js';
import { tombstoneOf } from './tombstone.js';

const PAGE = 100;

/**
 * Removes the personal data of alerts expired, or rejected by review, more than `purgeGraceDays`
 * ago from the alert and every kept version, and deletes its photos; the `alert.purge` audit entry is what
 * remains of it on the trail.
 */
export async function purgeExpiredAlerts(deps: Deps): Promise<number> {
  const before = daysBefore(nowIso(deps), deps.retention.purgeGraceDays);
  let purged = 0;
  for (;;) {
    const ids = await alertIdsToPurge(deps.db, before, PAGE);
    let round = 0;
    for (const id of ids) {
      const done = await inWriteTransaction(deps.db, async (tx) => {
        const row = await findAlertRow(tx, id);
        if (!row || !PURGED_STATUSES.includes(row.status) || row.purged_at !== null || row.updated_at >= before) return false;
        const at = nowIso(deps);
        await purgeAlertData(tx, id, tombstoneOf(alertBodyOf(row)), at);
        // A photo is personal data like the names: nothing of it is kept.
        const photos = await deletePhotosOf(tx, id);
        // Cleared travellers on it go with the hits' personal data (their keys name the traveller).
        const clearances = await purgeClearancesOfAlert(tx, id);
        await appendAudit(tx, {
          at,
          member: row.owner,
          role: 'system',
          credential: 'system',
          action: 'alert.purge',
          target: `alert:${id}`,
          requestId: 'system/scheduler',
          outcome: 'ok',
          detail: JSON.stringify({ kind: row.kind, owner: row.owner, status: row.status, endedAt: row.updated_at, purgedAt: at, photos, ...(clearances > 0 ? { clearances } : {}) }),
        });
        return true;
      });
      if (done) round++;
    }
    purged += round;
    if (ids.length < PAGE || round === 0) return purged;
  }
}
