import { createHash } from 'node:crypto';
import { conflict, DomainError, requireOwnerBureau, validationError } from '@crosscheck/core';
import { fileTypeFromBuffer } from 'file-type';
import { insertPhoto, photosOf } from '../../store/photo-repo.js';
import { audited } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { loadAlert } from '../load-alert.js';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_ALERT, PHOTO_TYPES, toPhotoInfo, unsupportedPhoto, type PhotoInfo } from './photo-view.js';

/**
 * Adds a photo to a person alert of the caller's own member (`photo.add`). The type is read from
 * the bytes: a declared `image/png` that is really an HTML page or an SVG would otherwise be
 * served back to every member's browsers under this site's name. `declaredType` only names what
 * was sent when the body is not bytes at all.
 */
export async function addPhoto(deps: Deps, ctx: Ctx, alertId: string, body: unknown, declaredType: string): Promise<PhotoInfo> {
  return audited(deps, ctx, 'photo.add', async (tx, note) => {
    note.target = `alert:${alertId}`;
    const loaded = await loadAlert(tx, alertId);
    requireOwnerBureau(ctx.actor, loaded, 'alert.update');
    const { row } = loaded!;
    if (row.kind !== 'person') throw conflict('photo.person-only', `photos are kept for person alerts; this is a ${row.kind} alert`);
    if (row.status !== 'active' && row.status !== 'pending-review') throw conflict('alert.not-active', `the alert is ${row.status} and can no longer change`);

    // A JSON or form body reaches here parsed: it is not an image, whatever it holds.
    if (!Buffer.isBuffer(body)) throw unsupportedPhoto(`a ${declaredType.slice(0, 100)} body, not image bytes`);
    const bytes = body;
    // The HTTP layer already stops larger bodies; this keeps the rule for any other caller.
    if (bytes.length > MAX_PHOTO_BYTES) {
      const message = `the photo is ${bytes.length} bytes; a photo may be at most ${MAX_PHOTO_BYTES} bytes (2 MiB)`;
      throw new DomainError('too-large', 'photo.too-large', message, [{ field: '(body)', message }]);
    }
    if (bytes.length === 0) throw validationError('(body)', 'the photo is empty', 'photo.empty');
    const sniffed = await fileTypeFromBuffer(bytes);
    if (!sniffed) throw unsupportedPhoto('not a recognised image format');
    if (!PHOTO_TYPES.includes(sniffed.mime)) throw unsupportedPhoto(`${sniffed.mime} (.${sniffed.ext})`);

    // Counted inside the writers' transaction, so two uploads at once cannot both be the fifth.
    const existing = await photosOf(tx, alertId);
    if (existing.length >= MAX_PHOTOS_PER_ALERT) throw conflict('photo.limit', `an alert may have at most ${MAX_PHOTOS_PER_ALERT} photos; delete one first`);

    const photo = {
      id: deps.newId(),
      alert_id: alertId,
      content_type: sniffed.mime,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      data: bytes,
      created_at: nowIso(deps),
      created_by: ctx.actor.credential,
    };
    await insertPhoto(tx, photo);
    note.detail = { photo: photo.id, contentType: photo.content_type, size: photo.size, sha256: photo.sha256 };
    return toPhotoInfo(photo, true);
  });
}
