import { alertAccess, presentBodyFor, requireFullyReadable } from '@crosscheck/core';
import { alertVersions, versionAccessFacts } from '../store/alert-repo.js';
import { actorNames, type ActorName } from './actor-names.js';
import { auditedRead } from './audited.js';
import type { Ctx, Deps } from './deps.js';
import { loadAlert } from './load-alert.js';
import { withVisiblePersons } from './assets/asset-links.js';
import type { AlertVersion } from '@crosscheck/core/api';

export type { AlertVersion } from '@crosscheck/core/api';

/** Every version of an alert the caller may see, oldest first (`alert.history`). */
export async function alertHistory(deps: Deps, ctx: Ctx, id: string): Promise<{ items: AlertVersion[]; next: null }> {
  return auditedRead(deps, ctx, 'alert.history', async (note) => {
    note.target = `alert:${id}`;
    const loaded = await loadAlert(deps.db, id);
    requireFullyReadable(ctx.actor, loaded, 'alert.history');
    const own = loaded!.owner === ctx.actor.member;
    const owner = loaded!.owner;
    const rows = await alertVersions(deps.db, id);
    // Each version is weighed by the access rule with its own facts: an alert opened up later
    // must not reveal what an earlier, narrower version said, and what the owner submitted before
    // a reviewer approved it stays between the owner and review.
    const visible = rows.filter((r) => alertAccess(ctx.actor, versionAccessFacts(owner, r, r.status)) === 'full');
    // Who changed it is the owner's business only, by id; by name only as `actorNames` allows
    // (not the operator's reviewer who approved or rejected it, to an owner outside the operator).
    const names = own ? await actorNames(deps.db, ctx.actor, deps.operator, visible.map((r) => r.changed_by)) : new Map<string, ActorName>();
    const bodies = await withVisiblePersons(deps.db, ctx.actor, visible.map((r) => r.body));
    const items = visible.map((r, i) => ({
      version: r.version,
      action: r.action,
      status: r.status,
      statusReason: r.status_reason,
      changedAt: r.changed_at,
      ...(own ? { changedBy: r.changed_by, changedByName: names.get(r.changed_by)?.name ?? null, changedByMember: names.get(r.changed_by)?.member ?? null } : {}),
      // presentBodyFor only drops `visibility` for non-owners; its signature cannot say so per kind.
      alert: presentBodyFor(ctx.actor.member, owner, bodies[i]!) as AlertVersion['alert'],
    }));
    return { items, next: null };
  });
}
