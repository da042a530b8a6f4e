import { expireAlerts } from './expire-alerts.js';
import type { Deps } from './deps.js';
import { remindOverdueReplies } from './hits/remind-overdue.js';
import { forgetScreeningQueries } from './retroactive/forget-queries.js';

/** What the server does on its own every minute (and at start): retention, overdue replies. */
export async function runScheduledWork(deps: Deps): Promise<void> {
  await expireAlerts(deps);
  await remindOverdueReplies(deps);
  await forgetScreeningQueries(deps);
}
