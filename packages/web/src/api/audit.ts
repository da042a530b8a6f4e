import type { ChainBreak } from '@crosscheck/core';
import type { AuditEntryView } from '@crosscheck/core/api';
import { request } from './client.ts';

export type AuditEntry = AuditEntryView;

/** The filters GET /api/v1/audit takes; empty strings are left out. */
export interface AuditFilters {
  action: string;
  member: string;
  credential: string;
  /** An alert id, or any target as written in the trail (`hit:<id>`, `key:<id>`…). */
  target: string;
  result: '' | 'allowed' | 'refused';
  /** ISO date-times (the page turns the chosen days into them). */
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = { action: '', member: '', credential: '', target: '', result: '', from: '', to: '' };

/** What POST /api/v1/audit/verify answers: the whole story for the operator's auditors, intact or not for others. */
export type AuditVerification =
  | { scope: 'whole'; intact: true; entries: number; checkedAt: string }
  | { scope: 'whole'; intact: false; entries: number; problem: ChainBreak; checkedAt: string }
  | { scope: 'member'; intact: boolean; operator: string; checkedAt: string };

// A bare alert id is the common case; anything with a prefix (`hit:…`) is taken as a target.
const ALERT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function auditQuery(f: AuditFilters, limit: number, cursor?: string): string {
  const params = new URLSearchParams({ limit: String(limit) });
  const target = f.target.trim();
  if (target) params.set(ALERT_ID.test(target) ? 'alertId' : 'target', target);
  for (const key of ['action', 'member', 'credential', 'result', 'from', 'to'] as const) {
    const value = f[key].trim();
    if (value) params.set(key, key === 'member' ? value.toUpperCase() : value);
  }
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export const auditApi = {
  list: (filters: AuditFilters, limit: number, cursor?: string, signal?: AbortSignal) =>
    request<{ items: AuditEntry[]; next: string | null }>('GET', `/api/v1/audit?${auditQuery(filters, limit, cursor)}`, undefined, signal),
  verify: () => request<AuditVerification>('POST', '/api/v1/audit/verify', {}),
};
