import type { AlertKind, AlertStatus } from '@crosscheck/core';
import { request } from './client.ts';

// The answer of GET /api/v1/stats (server/src/app/stats/dashboard-stats.ts), restated here: the
// web app imports nothing from the server package.

export interface KindStatusCount {
  kind: AlertKind;
  status: AlertStatus;
  count: number;
}

export interface DayHits {
  /** A UTC day, YYYY-MM-DD. */
  day: string;
  onOurAlerts: number;
  byOurScreening: number;
}

export interface CountryHits {
  /** The screening member: ISO 3166 alpha-3 for a country, else an organisation's code. */
  member: string;
  name: string | null;
  /** ISO 3166 numeric code: the id of the country's shape in world-atlas; null for organisations. */
  numeric: string | null;
  /** ISO 3166 alpha-2, for the country's name in the reader's language (Intl.DisplayNames). */
  alpha2: string | null;
  count: number;
}

export interface OverdueReplyItem {
  hitId: string;
  alertId: string;
  form: string;
  dueAt: string;
  /** `by-us`: our bureau owes the reply; `to-us`: the other member's does. */
  owed: 'by-us' | 'to-us';
  otherMember: string;
  minutesLate: number;
}

export interface DashboardStats {
  member: string;
  at: string;
  days: number;
  alerts: { visible: KindStatusCount[]; own: KindStatusCount[] };
  hits: {
    from: string;
    perDay: DayHits[];
    totals: { onOurAlerts: number; byOurScreening: number };
    byCountry: CountryHits[];
  };
  overdue: { total: number; items: OverdueReplyItem[] };
}

export const dashboardApi = {
  stats: (days: number) => request<DashboardStats>('GET', `/api/v1/stats?days=${encodeURIComponent(String(days))}`),
};
