import { endReason } from '@crosscheck/core';
import { dueAlertIds } from '../store/alert-repo.js';
import { nowIso, type Deps } from './deps.js';
import { expireOne } from './retention/expire-one.js';
import { expirePastReview } from './retention/expire-past-review.js';
import { purgeExpiredAlerts } from './retention/purge-expired.js';
import { warnExpiringAlerts } from './retention/warn-expiring.js';

/**
 * The scheduler's retention pass: expires active alerts whose `expiresAt` day has passed or whose
 * review date has come, warns owners of review dates ahead, and purges the personal data of
 * alerts expired longer than the grace period. Each alert is handled in its own transaction with
 * its own audit entry (by the system). Returns how many alerts expired.
 */
export async function expireAlerts(deps: Deps): Promise<number> {
  let expired = await expirePastExpiryDate(deps);
  expired += await expirePastReview(deps);
  await warnExpiringAlerts(deps);
  await purgeExpiredAlerts(deps);
  return expired;
}

async function expirePastExpiryDate(deps: Deps): Promise<number> {
  const today = nowIso(deps).slice(0, 10);
  let expired = 0;
  for (;;) {
    const ids = await dueAlertIds(deps.db, today, 100);
    let round = 0;
    for (const id of ids) {
      if (await expireOne(deps, id, (row) => endReason({ expiresAt: row.expires_at, reviewDate: null }, today))) round++;
    }
    expired += round;
    if (ids.length < 100 || round === 0) return expired;
  }
}
