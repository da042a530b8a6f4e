import { notFound, requireFullyReadable } from '@crosscheck/core';
import { findPhoto } from '../../store/photo-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { loadAlert } from '../load-alert.js';

export interface PhotoContent {
  /** The type sniffed when it was added, not what the uploader declared. */
  contentType: string;
  bytes: Buffer;
}

/** The bytes of one photo of an alert the caller may read (`photo.read`); the same visibility as the alert. */
export async function getPhoto(deps: Deps, ctx: Ctx, alertId: string, photoId: string): Promise<PhotoContent> {
  return audited(deps, ctx, 'photo.read', async (tx, note) => {
    note.target = `alert:${alertId}`;
    note.detail = { photo: photoId };
    const loaded = await loadAlert(tx, alertId);
    requireFullyReadable(ctx.actor, loaded);
    const photo = photoId.length <= 40 ? await findPhoto(tx, alertId, photoId) : undefined;
    if (!photo) throw notFound('photo');
    // pg and better-sqlite3 both give a Buffer; the copy guards a driver that hands a Uint8Array.
    return { contentType: photo.content_type, bytes: Buffer.isBuffer(photo.data) ? photo.data : Buffer.from(photo.data) };
  });
}
