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
