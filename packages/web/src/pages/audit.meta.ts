import type { PageMeta } from '../routes.ts';

export const page: PageMeta = {
  id: 'audit',
  path: '/audit',
  // audit.read (core's access/roles.ts); what each auditor sees is decided by the server.
  roles: ['auditor'],
  order: 10,
  navKey: 'nav.audit',
  load: () => import('./AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
};
