import type { PageMeta } from '../routes.ts';

export const page: PageMeta = {
  id: 'review',
  path: '/review',
  // review.read / review.decide (core's access/roles.ts); only the operator's reviewers get a queue.
  roles: ['reviewer'],
  order: 10,
  navKey: 'nav.review',
  load: () => import('./ReviewPage.tsx').then((m) => ({ default: m.ReviewPage })),
};
