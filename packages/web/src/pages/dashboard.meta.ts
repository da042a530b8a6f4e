import type { PageMeta } from '../routes.ts';

export const page: PageMeta = {
  id: 'dashboard',
  path: '/dashboard',
  // The roles that hold stats.read (core's access/roles.ts).
  roles: ['bureau', 'reviewer', 'analyst', 'auditor'],
  order: 5,
  navKey: 'nav.dashboard',
  load: () => import('./DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })),
};
