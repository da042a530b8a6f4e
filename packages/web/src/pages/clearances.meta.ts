import { rolesWith } from '@crosscheck/core/constants';
import type { PageMeta } from '../routes.ts';

export const page: PageMeta = {
  id: 'clearances',
  path: '/clearances',
  // Those who read hits: the desk that cleared a traveller revokes it, the owner's bureau objects.
  roles: rolesWith('hits.read'),
  order: 35,
  navKey: 'nav.clearances',
  load: () => import('./ClearancesPage.tsx').then((m) => ({ default: m.ClearancesPage })),
};
