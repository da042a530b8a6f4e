import type { ClearanceList, ClearanceView, ClearedBefore } from '@crosscheck/core/api';
import { request } from './client.ts';

export type { ClearanceList, ClearanceView, ClearedBefore };
export type ClearanceStatus = ClearanceView['status'];
export type ClearanceSide = 'mine' | 'on-my-alerts';

export interface ClearanceFilters {
  status?: ClearanceStatus;
  side?: ClearanceSide;
}

const path = (id: string) => `/api/v1/clearances/${encodeURIComponent(id)}`;
const withNote = (note: string) => (note.trim() === '' ? {} : { note: note.trim() });

/** Cleared travellers (server app/clearances): listed, revoked by the clearing member, objected to by the owner. */
export const clearancesApi = {
  list: (f: ClearanceFilters, limit: number, after?: string, signal?: AbortSignal) => {
    const params = new URLSearchParams({ limit: String(limit) });
    if (f.status) params.set('status', f.status);
    if (f.side) params.set('side', f.side);
    if (after) params.set('after', after);
    return request<ClearanceList>('GET', `/api/v1/clearances?${params}`, undefined, signal);
  },
  revoke: (id: string, note: string) => request<ClearanceView>('POST', `${path(id)}/revoke`, withNote(note)),
  object: (id: string, note: string) => request<ClearanceView>('POST', `${path(id)}/objection`, withNote(note)),
};
