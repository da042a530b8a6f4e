import { requireReadable, type AlertInput } from '@crosscheck/core';
import { alertVersions } from '../store/alert-repo.js';
import { audited } from './audited.js';
import type { Ctx, Deps } from './deps.js';
import { loadAlert } from './load-alert.js';

export interface AlertVersion {
  version: number;
  action: string;
  status: string;
  statusReason: string | null;
  changedAt: string;
  /** Only the owner learns which of its keys or users made a change. */
  changedBy?: string;
  alert: AlertInput;
}

/** Every version of an alert the caller may see, oldest first (`alert.history`). */
export async function alertHistory(deps: Deps, ctx: Ctx, id: string): Promise<{ items: AlertVersion[]; next: null }> {
  return audited(deps, ctx, 'alert.history', async (tx, note) => {
    note.target = `alert:${id}`;
    const loaded = await loadAlert(tx, id);
    requireReadable(ctx.actor, loaded, 'alert.history');
    const own = loaded!.owner === ctx.actor.member;
    const rows = await alertVersions(tx, id);
    const items = rows.map((r) => ({
      version: r.version,
      action: r.action,
      status: r.status,
      statusReason: r.status_reason,
      changedAt: r.changed_at,
      ...(own ? { changedBy: r.changed_by } : {}),
      alert: JSON.parse(r.body) as AlertInput,
    }));
    return { items, next: null };
  });
}
