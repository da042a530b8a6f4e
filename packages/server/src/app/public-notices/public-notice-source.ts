import type { AlertInput, NoticeColour } from '@crosscheck/core';
import { photosOf } from '../../store/photo-repo.js';
import type { NoticeSource } from '../../formats/interpol-notice.js';
import type { Deps } from '../deps.js';

type PersonInput = Extract<AlertInput, { kind: 'person' }>;

/**
 * The alerts the world may read under a colour: published by their owner as public notices
 * and still active (not cancelled, expired, purged, or waiting for review). Public notices are
 * read without a key, so these reads are not on the audit trail (docs/formats.md says why).
 */
export async function publicNoticeRows(deps: Deps, colour: NoticeColour, filter: { id?: string; limit: number }) {
  let q = deps.db
    .selectFrom('alerts')
    .select(['id', 'owner', 'body'])
    .where('public_notice', '=', colour)
    .where('status', '=', 'active')
    .where('purged_at', 'is', null);
  if (filter.id !== undefined) q = q.where('id', '=', filter.id);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).execute();
  return rows.map((r) => ({ id: r.id, owner: r.owner, input: JSON.parse(r.body) as PersonInput }));
}

export async function withPhotos(deps: Deps, n: { id: string; owner: string; input: PersonInput }): Promise<NoticeSource> {
  return { ...n, photoIds: (await photosOf(deps.db, n.id)).map((p) => p.id) };
}

/** The photo ids of many notices in one query (a page of up to 160), oldest first per notice. */
export async function photoIdsOf(deps: Deps, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await deps.db.selectFrom('alert_photos').select(['id', 'alert_id']).where('alert_id', 'in', ids).orderBy('created_at').orderBy('id').execute();
  for (const r of rows) out.get(r.alert_id)?.push(r.id);
  return out;
}
