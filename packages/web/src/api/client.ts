import type { Role, ScreenHit, ScreenQueryInput } from '@crosscheck/core';

/** A refused or failed request, from the API's problem+json (or a network failure, status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Me {
  member: string;
  role: Role;
  credential: string;
}

/** A frontline discreet check carries only the instruction, never the score or the reasons. */
export type ScreenResultHit = Pick<ScreenHit, 'alertId' | 'kind' | 'category' | 'action' | 'owner'> & Partial<Omit<ScreenHit, 'alertId' | 'kind' | 'category' | 'action' | 'owner'>> & { flag?: string };

export interface ScreenResult {
  screeningId: string;
  hits: ScreenResultHit[];
}

export const HIT_OUTCOMES = ['confirmed', 'not-same-person', 'action-taken', 'action-not-possible'] as const;
export type HitOutcome = (typeof HIT_OUTCOMES)[number];

export interface HitItem {
  id: string;
  screeningId: string;
  alertId: string;
  owner: string;
  screeningMember: string;
  score?: number;
  reasons: string[];
  action?: string | null;
  createdAt: string;
  outcome: { outcome: HitOutcome; at?: string } | null;
  overdue?: unknown;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; detail?: string; title?: string };
    throw new ApiError(res.status, p.code ?? 'http', p.detail ?? p.title ?? `HTTP ${res.status}`);
  }
  return data as T;
}

export const api = {
  logIn: (username: string, password: string) => request<{ user: unknown }>('POST', '/api/v1/session', { username, password }),
  me: () => request<Me>('GET', '/api/v1/session'),
  logOut: () => request<void>('DELETE', '/api/v1/session'),
  screen: (query: ScreenQueryInput) => request<ScreenResult>('POST', '/api/v1/screen', query),
  hits: (alertId?: string) => request<{ items: HitItem[] }>('GET', alertId ? `/api/v1/hits?alertId=${encodeURIComponent(alertId)}` : '/api/v1/hits'),
  recordOutcome: (hitId: string, outcome: HitOutcome, note: string) => request<unknown>('POST', `/api/v1/hits/${encodeURIComponent(hitId)}/outcome`, { outcome, note }),
};
