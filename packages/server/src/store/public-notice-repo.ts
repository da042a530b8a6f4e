import type { AlertInput, NoticeColour } from '@crosscheck/core';
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/** A public notice's alert: the schema's public-notice rule admits person alerts only. */
export interface PublicNoticeAlert {
  id: string;
  owner: string;
  input: Extract<AlertInput, { kind: 'person' }>;
}

/**
 * The alerts the world may read under a colour, newest first: published by their owner as
 * public notices and still active (not cancelled, expired, purged, or waiting for review).
 */
export async function activePublicNotices(db: Kysely<DB>, colour: NoticeColour, filter: { id?: string; limit: number }): Promise<PublicNoticeAlert[]> {
  let q = db.selectFrom('alerts').select(['id', 'owner', 'body']).where('public_notice', '=', colour).where('status', '=', 'active').where('purged_at', 'is', null);
  if (filter.id !== undefined) q = q.where('id', '=', filter.id);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).execute();
  return rows.map((r) => ({ id: r.id, owner: r.owner, input: JSON.parse(r.body) as PublicNoticeAlert['input'] }));
}
