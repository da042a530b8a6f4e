import { rolesWith } from '@crosscheck/core/constants';
import type { PageMeta } from '../routes.ts';

export const page: PageMeta = {
  id: 'alerts',
  path: '/alerts',
  // Every role that may read alerts.
  roles: rolesWith('alert.read'),
  order: 40,
  navKey: 'nav.alerts',
  load: () => import('./AlertsPage.tsx').then((m) => ({ default: m.AlertsPage })),
};
