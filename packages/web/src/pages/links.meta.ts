import { rolesWith } from '@crosscheck/core/constants';
import type { PageMeta } from '../routes.ts';

export const page: PageMeta = {
  id: 'links',
  path: '/links',
  roles: rolesWith('links.read'),
  order: 10,
  navKey: 'nav.links',
  load: () => import('./LinksPage.tsx').then((m) => ({ default: m.LinksPage })),
};
