import { rolesWith } from '@crosscheck/core/constants';
import type { PageMeta } from '../routes.ts';

export const page: PageMeta = {
  id: 'audit',
  path: '/audit',
  // What each auditor sees is decided by the server.
  roles: rolesWith('audit.read'),
  order: 10,
  navKey: 'nav.audit',
  load: () => import('./AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
};
