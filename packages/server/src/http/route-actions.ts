import type { AuditAction } from '@crosscheck/core';

/**
 * What each API route attempts, for the audit entry of a request refused before its use case
 * ran (an unreadable body, a refused parameter, too many streams) or failing outside it. The use
 * case records the same action when it runs; `route-actions.test.ts` holds every /api route to
 * an entry here. `null`: the route takes no credentials (signing in), so it has no actor to record.
 */
export const ROUTE_ACTIONS: Readonly<Record<string, AuditAction | null>> = {
  'POST /api/v1/session': null,
  'GET /api/v1/session': 'session.read',
  'PUT /api/v1/session/language': 'session.set-language',
  'DELETE /api/v1/session': 'session.logout',

  'POST /api/v1/alerts': 'alert.create',
  'GET /api/v1/alerts': 'alert.list',
  'GET /api/v1/alerts/export': 'alert.export',
  'GET /api/v1/alerts/expiring': 'alert.list-expiring',
  'GET /api/v1/alerts/:id': 'alert.read',
  'PATCH /api/v1/alerts/:id': 'alert.update',
  'POST /api/v1/alerts/:id/cancel': 'alert.cancel',
  'GET /api/v1/alerts/:id/history': 'alert.history',
  'POST /api/v1/alerts/:id/flags': 'alert.flag',
  'DELETE /api/v1/alerts/:id/flags': 'alert.unflag',
  'POST /api/v1/alerts/:id/extend': 'alert.extend',
  'POST /api/v1/alerts/:id/photos': 'photo.add',
  'GET /api/v1/alerts/:id/photos': 'photo.list',
  'GET /api/v1/alerts/:id/photos/:photoId': 'photo.read',
  'DELETE /api/v1/alerts/:id/photos/:photoId': 'photo.delete',

  'GET /api/v1/chain/findings': 'finding.list',
  'POST /api/v1/chain/findings': 'finding.record',
  'GET /api/v1/chain/findings/export': 'finding.export',
  'GET /api/v1/chain/findings/:id': 'finding.read',
  'GET /api/v1/chain/findings/:id/content': 'finding.reveal',
  'PATCH /api/v1/chain/findings/:id': 'finding.update',

  'POST /api/v1/screen': 'screening.run',
  'POST /api/v1/screen/batch': 'screening.run-batch',
  'POST /api/v1/screen/flight': 'screening.run-flight',
  'POST /api/v1/check/documents': 'carrier.check-documents',

  'GET /api/v1/stats': 'stats.read',
  'GET /api/v1/audit': 'audit.list',
  'POST /api/v1/audit/verify': 'audit.verify',
  'GET /api/v1/audit/checkpoint': 'audit.read-checkpoint',
  'GET /api/v1/audit/proof': 'audit.prove',
  'GET /api/v1/changes': 'change.list',
  'GET /api/v1/events': 'event.stream',

  'GET /api/v1/members': 'member.list',
  'POST /api/v1/members': 'member.add',
  'POST /api/v1/members/:code/suspend': 'member.suspend',
  'POST /api/v1/members/:code/reinstate': 'member.reinstate',
  'GET /api/v1/keys': 'key.list',
  'POST /api/v1/keys': 'key.create',
  'POST /api/v1/keys/:id/approve': 'key.approve',
  'POST /api/v1/keys/:id/revoke': 'key.revoke',
  'GET /api/v1/users': 'user.list',
  'POST /api/v1/users': 'user.add',
  'POST /api/v1/users/:username/approve': 'user.approve',
  'POST /api/v1/users/:username/disable': 'user.disable',
  'DELETE /api/v1/users/:username/lockout': 'user.unlock',

  'POST /api/v1/webhooks': 'webhook.create',
  'GET /api/v1/webhooks': 'webhook.list',
  'GET /api/v1/webhooks/deliveries': 'webhook.list-deliveries',
  'DELETE /api/v1/webhooks/:id': 'webhook.disable',
  'POST /api/v1/webhooks/:id/test': 'webhook.test',

  'GET /api/v1/hits': 'hit.list',
  'GET /api/v1/hits/:id': 'hit.read',
  'POST /api/v1/hits/:id/outcome': 'hit.record-outcome',
  'POST /api/v1/hits/:id/forms': 'hit.send-form',
  'GET /api/v1/clearances': 'clearance.list',
  'GET /api/v1/clearances/:id': 'clearance.read',
  'POST /api/v1/clearances/:id/revoke': 'clearance.revoke',
  'DELETE /api/v1/clearances/:id': 'clearance.revoke',
  'POST /api/v1/clearances/:id/objection': 'clearance.object',
  'POST /api/v1/hits/:id/answers': 'hit.answer-inquiry',
  'POST /api/v1/messages': 'message.send',
  'GET /api/v1/messages': 'message.list',
  'GET /api/v1/messages/:id': 'message.read',
  'GET /api/v1/messages/:id/attachments/:attachmentId': 'attachment.read',

  'GET /api/v1/review': 'review.list',
  'POST /api/v1/review/:id/decision': 'review.decide',
  'GET /api/v1/links': 'link.list',
  'GET /api/v1/links/graph': 'link.read-graph',
  'POST /api/v1/links/:id/decision': 'link.decide',

  'GET /api/v1/replica/key': 'replica.read-key',
  'GET /api/v1/replica/batch': 'replica.sync',
  'POST /api/v1/replica/forward': 'replica.forward',
  // A national copy's own route (routes/replica-copy.ts).
  'GET /api/v1/replica/status': 'replica.read-status',
};

/**
 * The action a request attempted, from its method and route pattern (`/api/v1/alerts/:id`);
 * `route.unknown` when no route matched. `null` for routes without credentials.
 */
export function actionOfRoute(method: string, routeUrl: string | undefined): AuditAction | null {
  if (routeUrl === undefined) return 'route.unknown';
  // HEAD is answered by the GET route.
  const action = ROUTE_ACTIONS[`${method === 'HEAD' ? 'GET' : method} ${routeUrl}`];
  return action === undefined ? 'route.unknown' : action;
}
