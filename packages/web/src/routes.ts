import type { Role } from '@crosscheck/core';

/** The pages; the server answers each path with the app (APP_PAGES in server/src/http/routes/web.ts). */
export type Page = 'screen' | 'hits';

export const PAGE_PATHS: Record<Page, string> = { screen: '/screen', hits: '/hits' };

/** Which pages each role sees, in navigation order (the API enforces the same rules). */
export function pagesFor(role: Role): Page[] {
  if (role === 'bureau') return ['screen', 'hits'];
  if (role === 'frontline') return ['screen'];
  return [];
}

export function pageOfPath(path: string): Page | null {
  const found = (Object.keys(PAGE_PATHS) as Page[]).find((p) => PAGE_PATHS[p] === path);
  return found ?? null;
}
