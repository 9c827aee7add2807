import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { Logger } from './logger.ts';

/**
 * One log line per answered request: method, path, status and milliseconds, bound to the request
 * id. Fastify's own request logging wrote two lines per request with the whole URL, and a URL's
 * query can hold a secret: the sign-in link a customer follows (`/portal/sign-in?token=…`) and a
 * staff invitation (`/accept-invite?token=…`) are served by this app, so anyone reading the log
 * could have used them. Queries also carry what agents search for (names, addresses). So the path
 * is logged without its query. One line instead of two also halves the log's cost: at `info` the
 * two lines cost the sidebar counts request 0.06 ms of its 0.14 (docs/performance-history.md, 2026-12-09).
 *
 * Fastify's other request-scoped lines (its default error handler's, "route not found", which
 * carry the URL too) stay off: `disableRequestLogging` gates every method not overridden here.
 */
export class RequestLog extends LogController {
  readonly #log: Logger;

  constructor(log: Logger) {
    super({ disableRequestLogging: true });
    this.#log = log;
  }

  /** Nothing on arrival: the answered line says everything, once. */
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply) {
    if (!error && !this.#log.isLevelEnabled('info')) return;
    const q = req.url.indexOf('?');
    const line = {
      method: req.method,
      path: q === -1 ? req.url : req.url.slice(0, q),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    // An error here is the connection's (the client went away mid-answer), not the route's.
    if (error) req.log.warn({ ...line, err: error }, 'request ended by an error on its connection');
    else req.log.info(line, 'request');
  }
}
