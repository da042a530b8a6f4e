import { notFound, requireOwnerBureau } from '@crosscheck/core';
import { deletePhoto as deletePhotoRow } from '../../store/photo-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { loadAlert } from '../load-alert.js';

/**
 * Removes one photo of an alert of the caller's own member (`photo.delete`). Allowed whatever the
 * alert's status: taking personal data away is never a change that needs the alert to be live.
 */
export async function deletePhoto(deps: Deps, ctx: Ctx, alertId: string, photoId: string): Promise<void> {
  await audited(deps, ctx, 'photo.delete', async (tx, note) => {
    note.target = `alert:${alertId}`;
    note.detail = { photo: photoId };
    const loaded = await loadAlert(tx, alertId);
    requireOwnerBureau(ctx.actor, loaded, 'alert.update');
    const removed = photoId.length <= 40 && (await deletePhotoRow(tx, alertId, photoId));
    if (!removed) throw notFound('photo');
  });
}
