import { requireFullyReadable } from '@crosscheck/core';
import { photosOf } from '../../store/photo-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { loadAlert } from '../load-alert.js';
import type { PhotoList } from '@crosscheck/core/api';
import { toPhotoInfo } from './photo-view.js';

/**
 * The photos of an alert the caller may read (`photo.list`), without their bytes. Whoever may not
 * see the alert — another member outside its visibility, a frontline user when it is hidden from
 * the frontline, anyone but the owner while it awaits review — gets the alert's own 404.
 */
export async function listPhotos(deps: Deps, ctx: Ctx, alertId: string): Promise<PhotoList> {
  return audited(deps, ctx, 'photo.list', async (tx, note) => {
    note.target = `alert:${alertId}`;
    const loaded = await loadAlert(tx, alertId);
    requireFullyReadable(ctx.actor, loaded);
    const own = loaded!.owner === ctx.actor.member;
    const items = (await photosOf(tx, alertId)).map((p) => toPhotoInfo(p, own));
    note.detail = { count: items.length };
    return { items };
  });
}
