import type { Alert, AlertInput, AlertPatch } from '@crosscheck/core';
import type { PhotoInfo } from '@crosscheck/core/api';
import { ApiError, request } from './client.ts';

/** A member as GET /api/v1/members lists it. */
export interface MemberInfo {
  code: string;
  name: string;
  kind: string;
  status: string;
}

/** A photo's description; `url` serves the bytes. */
export type { PhotoInfo };

/** The types the server accepts (it decides from the bytes; this only spares a useless upload). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export const MAX_PHOTOS = 5;

const alertPath = (id: string) => `/api/v1/alerts/${encodeURIComponent(id)}`;

export const alertEditorApi = {
  create: (input: AlertInput) => request<Alert>('POST', '/api/v1/alerts', input),
  update: (id: string, patch: AlertPatch) => request<Alert>('PATCH', alertPath(id), patch),
  cancel: (id: string, reason: string) => request<Alert>('POST', `${alertPath(id)}/cancel`, { reason }),
  members: (signal?: AbortSignal) => request<{ items: MemberInfo[] }>('GET', '/api/v1/members', undefined, signal),
  photos: (id: string, signal?: AbortSignal) => request<{ items: PhotoInfo[] }>('GET', `${alertPath(id)}/photos`, undefined, signal),
  deletePhoto: (id: string, photoId: string) => request<void>('DELETE', `${alertPath(id)}/photos/${encodeURIComponent(photoId)}`),
  uploadPhoto,
};

/** The photo's bytes as the body (not JSON), which `request` does not send; problems become ApiErrors alike. */
async function uploadPhoto(id: string, file: Blob): Promise<PhotoInfo> {
  let res: Response;
  try {
    res = await fetch(`${alertPath(id)}/photos`, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json', 'content-type': file.type || 'application/octet-stream' }, body: file });
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; detail?: string; title?: string };
    throw new ApiError(res.status, p.code ?? 'http', p.detail ?? p.title ?? `HTTP ${res.status}`);
  }
  return data as PhotoInfo;
}
