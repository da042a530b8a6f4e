import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { isEventStream } from '../events/event-stream-reply.js';
import { NO_ROUTE } from '../metrics/no-route.js';

/**
 * Fastify's per-request log lines, at debug level: at the default level (info) the log holds what
 * an operator looks for — start, stop, errors, and requests slower than `slowMs` — instead of two
 * lines per request that scroll everything else away. An event stream stays open by design, so
 * its length is no slowness. Errors (5xx) are logged at error level by problem.ts and here.
 */
export class RequestLog extends LogController {
  constructor(private readonly slowMs: number) {
    super();
  }

  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) {
      super.requestCompleted(error, request, reply);
      return;
    }
    const responseTime = Math.round(reply.elapsedTime);
    const entry = { req: request, res: reply, responseTime };
    if (responseTime >= this.slowMs && !isEventStream(reply)) reply.log.info(entry, `slow request: ${responseTime} ms (over ${this.slowMs} ms)`);
    else reply.log.debug(entry, 'request completed');
  }

  /** A client closing an event stream, or an unknown address, is the daily run of things. */
  override streamError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') reply.log.debug({ res: reply }, 'stream closed by the client');
    else super.streamError(error, request, reply);
  }

  /**
   * An address that matched no route is not logged, only its method: its path and query string may
   * hold whatever a client typed, names included (the rule of log-fields.ts). Its request id ties
   * the line to the client's own records.
   */
  override routeNotFound(request: FastifyRequest): void {
    request.log.debug({ method: request.method, route: NO_ROUTE }, `no route for ${request.method}`);
  }
}
