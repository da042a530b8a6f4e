import type { Visibility } from '@crosscheck/core';
import type { Finding, FindingList } from '@crosscheck/core/api';
import type { ExtractionMethod, FindingStatus } from '@crosscheck/core/constants';
import { ApiError, request } from './client.ts';

export type { Finding, FindingDecoded, FindingLocation, FindingMatch, FindingPlace, FindingText } from '@crosscheck/core/api';
export { EXTRACTION_METHODS, FINDING_STATUSES, type ExtractionMethod, type FindingStatus } from '@crosscheck/core/constants';

/** The filters GET /api/v1/chain/findings takes; empty ones are left out. */
export interface FindingFilters {
  method: ExtractionMethod | '';
  /** The start of a media type: `image/`, `text/`… */
  mediaType: string;
  status: FindingStatus | '';
  matched: boolean;
  txid: string;
  /** A SHA-256 (64 hex) or an MD5 (32 hex) of the content as written or decoded. */
  hash: string;
  /** Words of the text preview, its web and onion addresses. */
  text: string;
}

export const NO_FINDING_FILTERS: FindingFilters = { method: '', mediaType: '', status: '', matched: false, txid: '', hash: '', text: '' };

function findingQuery(f: FindingFilters, limit: number, cursor?: string): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (f.method) params.set('method', f.method);
  if (f.mediaType) params.set('mediaType', f.mediaType);
  if (f.status) params.set('status', f.status);
  if (f.matched) params.set('matched', 'true');
  const txid = f.txid.trim().toLowerCase();
  if (txid) params.set('txid', txid);
  const hash = f.hash.trim().toLowerCase();
  if (hash) params.set(hash.length === 32 ? 'md5' : 'sha256', hash);
  const text = f.text.trim();
  if (text) params.set('text', text);
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** What an owner may change about a finding: its status, and whom it is shared with once known bad. */
export interface FindingChange {
  status?: FindingStatus;
  visibility?: Visibility;
}

/** The bytes of a finding and the type the server sent them as. */
export interface FindingContent {
  bytes: ArrayBuffer;
  /** The response's Content-Type (an attachment: normally application/octet-stream). */
  type: string;
}

const path = (id: string) => `/api/v1/chain/findings/${encodeURIComponent(id)}`;

export const chainApi = {
  list: (filters: FindingFilters, limit: number, cursor?: string, signal?: AbortSignal) => request<FindingList>('GET', `/api/v1/chain/findings?${findingQuery(filters, limit, cursor)}`, undefined, signal),
  change: (id: string, change: FindingChange) => request<Finding>('PATCH', path(id), change),

  /**
   * The content itself, with the session cookie: read only when a person presses "reveal" (the
   * server records each read). A refusal is a problem+json like any other call.
   */
  async content(id: string, signal?: AbortSignal): Promise<FindingContent> {
    let res: Response;
    try {
      res = await fetch(`${path(id)}/content`, { credentials: 'same-origin', headers: { accept: '*/*' }, ...(signal ? { signal } : {}) });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new ApiError(0, 'network', 'network error');
    }
    if (!res.ok) {
      const p = ((await res.json().catch(() => null)) ?? {}) as { code?: string; detail?: string; title?: string };
      throw new ApiError(res.status, p.code ?? 'http', p.detail ?? p.title ?? `HTTP ${res.status}`);
    }
    return { bytes: await res.arrayBuffer(), type: res.headers.get('content-type') ?? 'application/octet-stream' };
  },
};
