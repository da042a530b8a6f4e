import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { DomainError, isClientRequestId, notFound } from '@crosscheck/core';
import type { Deps } from '../app/deps.js';
import { auditFailedRequest } from './audit-failed-request.js';
import { requireCredentials } from './auth.js';
import { confineCarriers } from './carrier-confinement.js';
import { checkDocumentsRoutes } from './routes/check-documents.js';
import { capConnections, closeWhenBodyUnread, connectionOptions, type ConnectionLimits } from './connection-limits.js';
import { DOCS_CSP } from './docs-csp.js';
import { noStoreApiAnswers } from './no-store.js';
import { sameOriginChanges } from './same-origin.js';
import { proxyTrust, strictTransportSecurity, type SecureCookies, type TrustProxy } from './transport-security.js';
import { sendProblem, toProblem } from './problem.js';
import { refuseRepeatedQueryParameters } from './query-parameters.js';
import { summariseRefusals } from './rate-limit.js';
import { adminRoutes } from './routes/admin.js';
import { alertRoutes } from './routes/alerts.js';
import { feedAndAuditRoutes } from './routes/feed-and-audit.js';
import { healthRoutes } from './routes/health.js';
import { screenRoutes } from './routes/screen.js';
import { sessionRoutes } from './routes/session.js';
import { webRoutes } from './routes/web.js';
import { eventsRoutes } from './routes/events.js';
import { webhooksRoutes } from './routes/webhooks.js';
import { hitsRoutes } from './routes/hits.js';
import { messagesRoutes } from './routes/messages.js';
import { reviewRoutes } from './routes/review.js';
import { retentionRoutes } from './routes/retention.js';
import { linksRoutes } from './routes/links.js';
import { photosRoutes } from './routes/photos.js';
import { statsRoutes } from './routes/stats.js';
import { publicNoticesRoutes } from './routes/public-notices.js';
import { replicaRoutes } from './routes/replica.js';
import { chainFindingsRoutes } from './routes/chain-findings.js';
import { taxiiRoutes } from './routes/taxii.js';
import { clearancesRoutes } from './routes/clearances.js';
import { RequestLog } from './request-log.js';
import { logSerializers } from '../metrics/log-fields.js';

export interface HttpOptions {
  bodyLimit: number;
  logLevel: string;
  /** Requests slower than this are logged at info level; the others at debug (request-log.ts). */
  slowRequestMs: number;
  secureCookies: SecureCookies;
  /** CROSSCHECK_PUBLIC_URL: the address in public notices' links, instead of the request's Host. */
  publicUrl?: string | null;
  trustProxy: TrustProxy;
  /** `Strict-Transport-Security` max-age on answers over HTTPS; 0 sends none. */
  hstsMaxAge: number;
  connections: ConnectionLimits;
  /** Watches every request (metrics, traces: src/metrics/); runs before any hook or route is added. */
  instrument?: (app: FastifyInstance) => void | Promise<void>;
  /** Where log lines go instead of stdout: a worker thread hands them to the main thread in order. */
  logStream?: { write(line: string): void };
}

const nulError = (): DomainError => new DomainError('validation', 'request.nul-character', 'the request contains a NUL character', [{ field: '(request)', message: 'NUL characters are not accepted' }]);

/** The HTTP API and the web page, over the given use-case dependencies. */
export async function buildApp(deps: Deps, options: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...connectionOptions(options.connections),
    trustProxy: proxyTrust(options.trustProxy),
    bodyLimit: options.bodyLimit,
    // Requests are logged at debug level, slow ones at info (request-log.ts).
    logController: new RequestLog(options.slowRequestMs),
    logger: {
      level: options.logLevel,
      // The same stream as the CLI's own lines (not pino's asynchronous one), so the log stays in
      // order with them: the demo credentials printed after start-up are really the last lines.
      stream: options.logStream ?? process.stdout,
      // Keys, cookies and personal data must never reach a log file (metrics/log-fields.ts).
      serializers: logSerializers,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    // A border system may send its own request id so that both sides' logs and our audit trail line up.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && isClientRequestId(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 100 },
    // Errors raised before routing (a malformed URL) get the same problem+json as the rest.
    frameworkErrors: (error, request, reply) => {
      void failed(error, request, reply);
    },
  });

  await options.instrument?.(app);
  // Route schemas document the API; validation is done by the use cases with zod (the same
  // schemas), so that every error is a problem naming the field, from HTTP and CLI alike.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // Every failure is answered here, and recorded on the audit trail when it has an actor and
  // no entry yet (audit-failed-request.ts).
  const failed = async (error: unknown, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    await auditFailedRequest(deps, request, error, toProblem(error, request.id));
    return sendProblem(reply, request, error);
  };
  capConnections(app, options.connections);
  app.setErrorHandler(failed);
  summariseRefusals(app, deps);
  // Before the hooks below, so that a refusal there can find the session cookie's user.
  await app.register(cookie);
  app.addHook('onRequest', async (request) => {
    if (request.url.includes('%00')) throw nulError();
  });
  // The origin check reads headers only: a forged cross-site change is refused before its
  // credentials are resolved, so it spends none of the victim's rate.
  sameOriginChanges(app, options.publicUrl ?? null);
  requireCredentials(app, deps);
  confineCarriers(app, deps);
  refuseRepeatedQueryParameters(app);
  noStoreApiAnswers(app);
  strictTransportSecurity(app, options.hstsMaxAge);
  closeWhenBodyUnread(app);
  // PostgreSQL cannot store NUL and no field needs it: refused here for every body at once.
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined) return;
    let text: string;
    try {
      text = JSON.stringify(request.body) ?? '';
    } catch {
      // Only nesting deep enough to exhaust the stack makes a parsed body unserialisable.
      throw new DomainError('validation', 'request.too-deep', 'the request body is nested too deeply', [{ field: '(body)', message: 'nested too deeply' }]);
    }
    if (text.includes('\\u0000')) throw nulError();
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'crosscheck API', version: '1', description: 'Shared police alerts: publish, read, follow changes, audit.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'cc_session' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: DOCS_CSP });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  healthRoutes(app, deps);
  sessionRoutes(app, deps, options.secureCookies);
  alertRoutes(app, deps);
  feedAndAuditRoutes(app, deps);
  adminRoutes(app, deps);
  screenRoutes(app, deps);
  eventsRoutes(app, deps);
  webhooksRoutes(app, deps);
  hitsRoutes(app, deps);
  messagesRoutes(app, deps);
  reviewRoutes(app, deps);
  retentionRoutes(app, deps);
  linksRoutes(app, deps);
  photosRoutes(app, deps);
  statsRoutes(app, deps);
  publicNoticesRoutes(app, deps, options.publicUrl ?? null);
  replicaRoutes(app, deps);
  chainFindingsRoutes(app, deps, options.publicUrl ?? null);
  taxiiRoutes(app, deps, options.publicUrl ?? null);
  checkDocumentsRoutes(app, deps);
  clearancesRoutes(app, deps);
  // Also the not-found handler: a browser's unknown address gets the app, the rest problem+json.
  webRoutes(app, (request, reply) => failed(notFound('resource'), request, reply));
  return app;
}
