import type { Alert, AlertInstruction, AlertKind, AlertStatus, Role, ScreenQueryInput } from '@crosscheck/core';
import type { AlertVersion, ScreenResponse, ScreenResult } from '@crosscheck/core/api';
import type { HitOutcome } from '@crosscheck/core/constants';
import type { StoredReason } from '@crosscheck/core/reasons';

/** What of a problem+json the app words itself in the reader's language (i18n/labels.ts `failure`). */
export interface ProblemFacts {
  /** The fields refused: `code` is `required` or `date.<problem>` for the problems the app words itself. */
  errors?: { field: string; message: string; code?: string; bounds?: { min: number; max: number } }[];
  /** A refusal by role: the role, and the permission it lacks. */
  role?: string;
  permission?: string;
}

/** A refused or failed request, from the API's problem+json (or a network failure, status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The server's own English `detail`: shown when the app has no words for the code. */
    message: string,
    /** For a 429: seconds until an attempt can succeed. */
    readonly retryAfter?: number,
    readonly facts: ProblemFacts = {},
  ) {
    super(message);
  }
}

export interface Me {
  member: string;
  role: Role;
  credential: string;
  /** The user's chosen interface language (kept by the server for every browser), or null. */
  language: 'en' | 'fr' | 'es' | 'ar' | null;
}

/**
 * The screening answer as the API contract states it: each result is `access: 'full'` or, for a
 * discreet check at a frontline desk, `access: 'instruction-only'` (never the score or reasons),
 * and names the hit it was recorded as.
 */
export type { ScreenResponse };
export type ScreenResultHit = ScreenResult;

export { HIT_OUTCOMES, type HitOutcome } from '@crosscheck/core/constants';

export interface HitItem {
  id: string;
  screeningId: string;
  alertId: string;
  owner: string;
  screeningMember: string;
  score?: number;
  reasons: StoredReason[];
  action?: string | null;
  createdAt: string;
  outcome: { outcome: HitOutcome; at?: string } | null;
  overdue?: unknown;
}

/** An alert as another member sees it (visibility only for the owner); flags from territory review. */
export interface TerritoryFlag {
  member: string;
  reason: string;
  text: string;
  at: string;
}
// Distributes over the kinds so that narrowing on `kind` still reaches person/document/vehicle.
type PresentedAlert<A> = A extends unknown ? Omit<A, 'visibility'> & { visibility?: Alert['visibility'] } : never;
export type AlertItem = PresentedAlert<Alert> & { flags?: TerritoryFlag[]; flag?: TerritoryFlag };
/** What a reader gets of an alert: in full, or (a discreet check read by the frontline) its instruction only. */
export type AlertRead = AlertItem | AlertInstruction;
export const isInstruction = (a: AlertRead): a is AlertInstruction => 'access' in a && a.access === 'instruction-only';

export type { AlertVersion };

export interface AlertSearch {
  text?: string;
  kind?: AlertKind | '';
  status?: AlertStatus | '';
  limit?: number;
  cursor?: string;
}

function alertQuery(q: AlertSearch): string {
  const params = new URLSearchParams();
  if (q.text?.trim()) params.set('text', q.text.trim());
  if (q.kind) params.set('kind', q.kind);
  if (q.status) params.set('status', q.status);
  if (q.limit) params.set('limit', String(q.limit));
  if (q.cursor) params.set('cursor', q.cursor);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * One call to the API, same-origin with the session cookie; a problem+json answer becomes an
 * ApiError. Feature modules (api/*.ts) build on it. `signal` aborts it (a page left, a newer read
 * of the same thing): the abort is rethrown as is, not reported as a network failure.
 */
export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'network', 'network error');
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; detail?: string; title?: string; retryAfter?: number } & ProblemFacts;
    const facts: ProblemFacts = {
      ...(Array.isArray(p.errors) ? { errors: p.errors } : {}),
      ...(typeof p.role === 'string' && typeof p.permission === 'string' ? { role: p.role, permission: p.permission } : {}),
    };
    throw new ApiError(res.status, p.code ?? 'http', p.detail ?? p.title ?? `HTTP ${res.status}`, typeof p.retryAfter === 'number' ? p.retryAfter : undefined, facts);
  }
  return data as T;
}

export const api = {
  logIn: (username: string, password: string) => request<{ user: unknown }>('POST', '/api/v1/session', { username, password }),
  me: () => request<Me>('GET', '/api/v1/session'),
  logOut: () => request<void>('DELETE', '/api/v1/session'),
  setLanguage: (language: NonNullable<Me['language']>) => request<{ language: string }>('PUT', '/api/v1/session/language', { language }),
  screen: (query: ScreenQueryInput) => request<ScreenResponse>('POST', '/api/v1/screen', query),
  hits: (alertId?: string) => request<{ items: HitItem[] }>('GET', alertId ? `/api/v1/hits?alertId=${encodeURIComponent(alertId)}` : '/api/v1/hits'),
  alerts: (q: AlertSearch, signal?: AbortSignal) => request<{ items: AlertRead[]; next: string | null }>('GET', `/api/v1/alerts${alertQuery(q)}`, undefined, signal),
  alert: (id: string, signal?: AbortSignal) => request<AlertRead>('GET', `/api/v1/alerts/${encodeURIComponent(id)}`, undefined, signal),
  alertHistory: (id: string, signal?: AbortSignal) => request<{ items: AlertVersion[] }>('GET', `/api/v1/alerts/${encodeURIComponent(id)}/history`, undefined, signal),
  recordOutcome: (hitId: string, outcome: HitOutcome, note: string) => request<unknown>('POST', `/api/v1/hits/${encodeURIComponent(hitId)}/outcome`, { outcome, note }),
};
