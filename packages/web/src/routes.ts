import type { Role } from '@crosscheck/core';

/** The pages; the server answers each path with the app (APP_PAGES in server/src/http/routes/web.ts). */
export type Page = 'screen' | 'hits' | 'alerts';

export const PAGE_PATHS: Record<Page, string> = { screen: '/screen', hits: '/hits', alerts: '/alerts' };

/** Which pages each role sees, in navigation order (the API enforces the same rules). */
export function pagesFor(role: Role): Page[] {
  if (role === 'bureau') return ['screen', 'hits', 'alerts'];
  if (role === 'frontline') return ['screen', 'alerts'];
  // Every other role that holds alert.read (ROLE_PERMISSIONS in core) may search alerts.
  if (role === 'reviewer' || role === 'analyst' || role === 'auditor') return ['alerts'];
  return [];
}

export function pageOfPath(path: string): Page | null {
  const found = (Object.keys(PAGE_PATHS) as Page[]).find((p) => PAGE_PATHS[p] === path);
  return found ?? null;
}
