import { rolesWith } from '@crosscheck/core/constants';
import type { PageMeta } from '../routes.ts';

export const page: PageMeta = {
  id: 'screen',
  path: '/screen',
  roles: rolesWith('screening.run'),
  order: 20,
  navKey: 'nav.screen',
  load: () => import('./ScreeningPage.tsx').then((m) => ({ default: m.ScreeningPage })),
};
