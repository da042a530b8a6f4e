import { request } from './client.ts';

import type { DashboardStats } from '@crosscheck/core/api';

export type { CountryHits, DashboardStats, DayHits, KindStatusCount, OverdueReplyItem } from '@crosscheck/core/api';

export const dashboardApi = {
  stats: (days: number, signal?: AbortSignal) => request<DashboardStats>('GET', `/api/v1/stats?days=${encodeURIComponent(String(days))}`, undefined, signal),
};
