import { alertInputSchema, alertPatchSchema, cancelInputSchema, validationError } from '@crosscheck/core';
import { alertDetailSchema, alertHistorySchema, alertListSchema, storedAlertSchema } from '@crosscheck/core/api/schemas';
import type { FastifyInstance } from 'fastify';
import { EXPORT_FORMATS, exportLines, isExportFormat, type ExportFormat } from '../../formats/export-formats.js';
import { alertHistory } from '../../app/alert-history.js';
import { cancelAlert } from '../../app/cancel-alert.js';
import { createAlert } from '../../app/create-alert.js';
import type { Deps } from '../../app/deps.js';
import { exportAlerts } from '../../app/export-alerts.js';
import { getAlert } from '../../app/get-alert.js';
import { listAlerts, listAlertsQuerySchema } from '../../app/list-alerts.js';
import { updateAlert } from '../../app/update-alert.js';
import { resolveCtx } from '../auth.js';
import { idParam, jsonSchema, problemResponse, storedResponseSchema } from '../openapi.js';

const tags = ['alerts'];
const errors: Record<string, unknown> = { 400: problemResponse, 401: problemResponse, 403: problemResponse, 404: problemResponse, 409: problemResponse, 422: problemResponse };

export function alertRoutes(app: FastifyInstance, deps: Deps): void {
  app.post('/api/v1/alerts', { schema: { tags, summary: 'Publish an alert owned by your member (person alerts of categories arrest, locate, warning, threat, terrorist-fighter start as pending-review)', body: jsonSchema(alertInputSchema), response: { 201: storedResponseSchema('The stored alert: its body with id, owner, status, version, createdAt, updatedAt and reviewDate', storedAlertSchema), ...errors } } }, async (req, reply) => {
    const alert = await createAlert(deps, await resolveCtx(deps, req), req.body);
    return reply.code(201).header('location', `/api/v1/alerts/${alert.id}`).send(alert);
  });

  app.get('/api/v1/alerts', { schema: { tags, summary: 'Alerts you may see, filtered and paginated', querystring: jsonSchema(listAlertsQuerySchema), response: { 200: storedResponseSchema('A page of alerts, each in full or, for a frontline user on a discreet check, its instruction only (`access: instruction-only`)', alertListSchema), ...errors } } }, async (req) =>
    listAlerts(deps, await resolveCtx(deps, req), req.query),
  );

  app.get(
    '/api/v1/alerts/export',
    {
      schema: {
        tags,
        summary: 'Every alert you may see, as JSON lines: crosscheck alerts (format=json, the default) or FollowTheMoney entities (format=ftm, see docs/formats.md)',
        querystring: { type: 'object', properties: { format: { type: 'string', enum: Object.keys(EXPORT_FORMATS) } }, additionalProperties: false },
        response: errors,
      },
    },
    async (req, reply) => {
      const ctx = await resolveCtx(deps, req);
      // fastify's own validation is off (zod does it everywhere else): check the format here.
      const given = (req.query as { format?: unknown }).format ?? 'json';
      if (typeof given !== 'string' || !isExportFormat(given)) throw validationError('format', `one of ${Object.keys(EXPORT_FORMATS).join(', ')}`);
      const format: ExportFormat = given;
      const lines: string[] = [];
      await exportAlerts(deps, ctx, {}, (a) => lines.push(exportLines(format, a)));
      return reply.type('application/x-ndjson').send(lines.join(''));
    },
  );

  app.get('/api/v1/alerts/:id', { schema: { tags, summary: 'One alert (404 when it does not exist or is hidden from you: under review for another member, hidden from the frontline for a frontline user); the owner sees every territory `flags`, a flagging member its own `flag`', params: idParam, response: { 200: storedResponseSchema('The alert in full with its territory flags, or for a frontline user on a discreet check its instruction only (`access: instruction-only`)', alertDetailSchema), ...errors } } }, async (req) =>
    getAlert(deps, await resolveCtx(deps, req), (req.params as { id: string }).id),
  );

  app.patch('/api/v1/alerts/:id', { schema: { tags, summary: 'Change an active, pending-review or rejected alert of your member, a new version; a rejected one corrected goes back to review (resubmitted); a patch into a reviewed category, or one raising a new pre-check flag, sends it back to review', params: idParam, body: jsonSchema(alertPatchSchema), response: { 200: storedResponseSchema('The alert as changed, its new version', storedAlertSchema), ...errors } } }, async (req) =>
    updateAlert(deps, await resolveCtx(deps, req), (req.params as { id: string }).id, req.body),
  );

  app.post('/api/v1/alerts/:id/cancel', { schema: { tags, summary: 'Cancel an active alert with a reason', params: idParam, body: jsonSchema(cancelInputSchema), response: { 200: storedResponseSchema('The cancelled alert with its `statusReason`', storedAlertSchema), ...errors } } }, async (req) =>
    cancelAlert(deps, await resolveCtx(deps, req), (req.params as { id: string }).id, req.body),
  );

  app.get('/api/v1/alerts/:id/history', { schema: { tags, summary: 'Every version of an alert, oldest first', params: idParam, response: { 200: storedResponseSchema('The versions you may read, oldest first; who changed each is shown to the owner only', alertHistorySchema), ...errors } } }, async (req) =>
    alertHistory(deps, await resolveCtx(deps, req), (req.params as { id: string }).id),
  );
}
