import type { PageMeta } from '../routes.ts';

export const page: PageMeta = {
  id: 'hits',
  path: '/hits',
  roles: ['bureau'],
  order: 30,
  navKey: 'nav.hits',
  load: () => import('./HitsInboxPage.tsx').then((m) => ({ default: m.HitsInboxPage })),
};
