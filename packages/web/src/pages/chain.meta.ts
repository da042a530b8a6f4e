import { rolesWith } from '@crosscheck/core/constants';
import type { PageMeta } from '../routes.ts';

export const page: PageMeta = {
  id: 'chain',
  path: '/chain',
  // Which findings each reader sees is decided by the server.
  roles: rolesWith('chain.read'),
  order: 9,
  navKey: 'nav.chain',
  load: () => import('./ChainPage.tsx').then((m) => ({ default: m.ChainPage })),
};
