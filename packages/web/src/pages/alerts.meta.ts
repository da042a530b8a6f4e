import type { PageMeta } from '../routes.ts';

export const page: PageMeta = {
  id: 'alerts',
  path: '/alerts',
  // Every role that holds alert.read (core's access/roles.ts).
  roles: ['bureau', 'frontline', 'reviewer', 'analyst', 'auditor'],
  order: 40,
  navKey: 'nav.alerts',
  load: () => import('./AlertsPage.tsx').then((m) => ({ default: m.AlertsPage })),
};
