import { blankScreeningQueries } from '../../store/retroactive-repo.js';
import { inWriteTransaction } from '../../store/write-transaction.js';
import { nowIso, type Deps } from '../deps.js';
import { hoursBefore } from './lookback.js';

const PAGE = 1000;

/**
 * Retention of screening queries: what a traveller was screened with is kept only for the lookback
 * of hits after the fact (`CROSSCHECK_LOOKBACK_HOURS`; with 0, not past the next run). Then a
 * screening without hits keeps who screened and when, not the query; a screening with hits keeps
 * it as long as its hits are kept. Runs with the scheduled work, a page per transaction so that
 * writers are not held up. Answers how many queries were blanked.
 */
export async function forgetScreeningQueries(deps: Deps): Promise<number> {
  const before = hoursBefore(nowIso(deps), deps.retention.lookbackHours);
  let blanked = 0;
  for (;;) {
    const n = await inWriteTransaction(deps.db, (tx) => blankScreeningQueries(tx, before, PAGE));
    blanked += n;
    if (n < PAGE) return blanked;
  }
}
