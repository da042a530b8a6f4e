import type { NoticeColour } from '@crosscheck/core';
import type { NoticeSource } from '../../formats/interpol-notice.js';
import { photoIdsByAlert, photosOf } from '../../store/photo-repo.js';
import { activePublicNotices, type PublicNoticeAlert } from '../../store/public-notice-repo.js';
import type { Deps } from '../deps.js';

/**
 * The alerts the world may read under a colour (`activePublicNotices`). Public notices are read
 * without a key, so these reads are not on the audit trail (docs/formats.md says why).
 */
export function publicNoticeRows(deps: Deps, colour: NoticeColour, filter: { id?: string; limit: number }): Promise<PublicNoticeAlert[]> {
  return activePublicNotices(deps.db, colour, filter);
}

export async function withPhotos(deps: Deps, n: PublicNoticeAlert): Promise<NoticeSource> {
  return { ...n, photoIds: (await photosOf(deps.db, n.id)).map((p) => p.id) };
}

/** The photo ids of many notices in one query (a page of up to 160), oldest first per notice. */
export function photoIdsOf(deps: Deps, ids: string[]): Promise<Map<string, string[]>> {
  return photoIdsByAlert(deps.db, ids);
}
