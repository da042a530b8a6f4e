import { rolesWith } from '@crosscheck/core/constants';
import type { PageMeta } from '../routes.ts';

export const page: PageMeta = {
  id: 'hits',
  path: '/hits',
  // The bureau's inbox lives on the event stream (new hits, forms, late replies), which is the
  // bureau's alone; a frontline officer records outcomes from the screening console instead.
  roles: rolesWith('events.read'),
  order: 30,
  navKey: 'nav.hits',
  load: () => import('./HitsInboxPage.tsx').then((m) => ({ default: m.HitsInboxPage })),
};
