import { endReason } from '@crosscheck/core';
import { alertIdsPastReview } from '../../store/retention-repo.js';
import { nowIso, type Deps } from '../deps.js';
import { expireOne } from './expire-one.js';

const PAGE = 100;

/** Expires every active alert whose review date has come without an extension. */
export async function expirePastReview(deps: Deps): Promise<number> {
  const today = nowIso(deps).slice(0, 10);
  let expired = 0;
  for (;;) {
    const ids = await alertIdsPastReview(deps.db, today, PAGE);
    let round = 0;
    for (const id of ids) {
      if (await expireOne(deps, id, (row) => endReason({ expiresAt: null, reviewDate: row.review_date }, today))) round++;
    }
    expired += round;
    // A round that expired nothing met only alerts another process had already changed.
    if (ids.length < PAGE || round === 0) return expired;
  }
}
