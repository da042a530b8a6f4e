import type { Role } from '@crosscheck/core';
import type { ComponentType } from 'react';
import type { Me } from './api/client.ts';
import type { MessageKey } from './i18n/dictionary.ts';

/** What every page receives from the shell. */
export interface PageProps {
  me: Me;
  /** Go to another page of the app (path and query, e.g. `/hits?id=…`) without a reload. */
  navigate: (to: string) => void;
  /** The query of the current address (`?id=…`), for pages with sub-views; updated on back/forward. */
  search: string;
}

/**
 * A page of the app, declared in `pages/<name>.meta.ts`. The shell finds every declaration (so a
 * page is added by adding its files), shows it in the navigation of the roles listed, and loads
 * its code only when opened: the dashboard's map and the links graph do not weigh on the
 * screening console. The server answers each path with the app (APP_PAGES in
 * server/src/http/routes/web.ts, which a test keeps equal to these paths).
 */
export interface PageMeta {
  id: string;
  path: string;
  /**
   * Roles that see the page: those holding the permission it needs (`rolesWith` over the core's
   * roles table). The API enforces the same rules whatever the navigation shows.
   */
  roles: readonly Role[];
  /** Position in the navigation; a role lands on its first page. */
  order: number;
  navKey: MessageKey;
  load: () => Promise<{ default: ComponentType<PageProps> }>;
}

const declared = import.meta.glob<PageMeta>('./pages/*.meta.ts', { eager: true, import: 'page' });

export const PAGES: readonly PageMeta[] = Object.values(declared).sort((a, b) => a.order - b.order);

/** The pages a role sees, in navigation order. */
export function pagesFor(role: Role): PageMeta[] {
  return PAGES.filter((p) => p.roles.includes(role));
}

export function pageOfPath(path: string): PageMeta | null {
  return PAGES.find((p) => p.path === path) ?? null;
}

/** What the shell shows at an address, for a signed-in role. */
export type Route =
  | { kind: 'page'; page: PageMeta }
  /** `/` and `/login` once signed in: the role's first page, under its own address. */
  | { kind: 'landing'; page: PageMeta | null }
  /** A page of the app that this role may not open: said so, at the address asked for. */
  | { kind: 'not-allowed'; page: PageMeta }
  | { kind: 'not-found' };

export function routeOf(path: string, role: Role): Route {
  if (path === '/' || path === '/login') return { kind: 'landing', page: pagesFor(role)[0] ?? null };
  const page = pageOfPath(path);
  if (!page) return { kind: 'not-found' };
  return page.roles.includes(role) ? { kind: 'page', page } : { kind: 'not-allowed', page };
}

/**
 * The address to come back to after logging in (`/login?next=/review`): only a path of this
 * origin, so a crafted link cannot send a person elsewhere once signed in.
 */
export function nextOf(search: string): string | null {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && !next.startsWith('/login') ? next : null;
}

/** The login address that remembers the page asked for (none for the bare app address). */
export function loginPathFor(pathAndSearch: string): string {
  return pathAndSearch === '/' || pathAndSearch.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(pathAndSearch)}`;
}
