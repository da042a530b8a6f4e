import type { PageMeta } from '../routes.ts';

export const page: PageMeta = {
  id: 'links',
  path: '/links',
  roles: ['analyst'],
  order: 10,
  navKey: 'nav.links',
  load: () => import('./LinksPage.tsx').then((m) => ({ default: m.LinksPage })),
};
