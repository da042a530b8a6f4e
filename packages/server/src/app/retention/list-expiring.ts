import { requirePermission } from '@crosscheck/core';
import { expiringAlertsOf } from '../../store/retention-repo.js';
import { audited } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { addMonths } from './dates.js';

export interface ExpiringAlert {
  id: string;
  kind: string;
  category: string | null;
  reviewDate: string;
}

/** The caller's own active alerts reaching their review date within the warning period, soonest first. */
export async function listExpiringAlerts(deps: Deps, ctx: Ctx): Promise<{ items: ExpiringAlert[] }> {
  return audited(deps, ctx, 'alert.list-expiring', async (tx, note) => {
    // Deciding to extend is the owner's bureau's; the list carries alerts hidden from the frontline.
    requirePermission(ctx.actor, 'alert.extend');
    const until = addMonths(nowIso(deps).slice(0, 10), deps.retention.warnMonths);
    const rows = await expiringAlertsOf(tx, ctx.actor.member, until);
    note.detail = { until, count: rows.length };
    return { items: rows.map((r) => ({ id: r.id, kind: r.kind, category: r.category, reviewDate: r.review_date! })) };
  });
}
