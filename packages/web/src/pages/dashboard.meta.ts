import { rolesWith } from '@crosscheck/core/constants';
import type { PageMeta } from '../routes.ts';

export const page: PageMeta = {
  id: 'dashboard',
  path: '/dashboard',
  // The figures are counted over what the caller's member may see.
  roles: rolesWith('stats.read'),
  order: 5,
  navKey: 'nav.dashboard',
  load: () => import('./DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })),
};
