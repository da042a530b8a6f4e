import { DomainError } from '@crosscheck/core';
import type { PhotoInfo } from '@crosscheck/core/api';
import type { PhotoMeta } from '../../store/photo-repo.js';

/** A photo may be at most 2 MiB: enough for a good portrait, small enough to keep in the row. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
/** Photos per alert: a few views of a face, not an album. */
export const MAX_PHOTOS_PER_ALERT = 5;
/** What a browser shows safely as an image; decided from the bytes, never from the sender's header. */
export const PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];

/** The code of a refused photo type; the photos route answers it with 415 rather than 422. */
export const UNSUPPORTED_PHOTO = 'photo.unsupported-type';

export function unsupportedPhoto(received: string): DomainError {
  const message = `the photo is ${received}; only JPEG, PNG or WebP images are accepted`;
  return new DomainError('validation', UNSUPPORTED_PHOTO, message, [{ field: '(body)', message }]);
}

// The credential that added a photo is the owner's own business, like the alert's history.
export type { PhotoInfo } from '@crosscheck/core/api';

export const photoUrl = (alertId: string, photoId: string): string => `/api/v1/alerts/${alertId}/photos/${photoId}`;

export function toPhotoInfo(p: PhotoMeta, own: boolean): PhotoInfo {
  return {
    id: p.id,
    alertId: p.alert_id,
    contentType: p.content_type,
    size: p.size,
    sha256: p.sha256,
    createdAt: p.created_at,
    url: photoUrl(p.alert_id, p.id),
    ...(own ? { createdBy: p.created_by } : {}),
  };
}
