import { rolesWith } from '@crosscheck/core/constants';
import type { PageMeta } from '../routes.ts';

export const page: PageMeta = {
  id: 'review',
  path: '/review',
  // Only the operator's reviewers get a queue.
  roles: rolesWith('review.read'),
  order: 10,
  navKey: 'nav.review',
  load: () => import('./ReviewPage.tsx').then((m) => ({ default: m.ReviewPage })),
};
