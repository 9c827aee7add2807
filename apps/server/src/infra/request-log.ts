import type { FastifyInstance } from 'fastify';
import type { Logger } from './logger.ts';

/**
 * One log line per answered request: method, path, status and milliseconds, bound to the request
 * id. Fastify's own request logging wrote two lines per request with the whole URL, and a URL's
 * query can hold a secret: the sign-in link a customer follows (`/portal/sign-in?token=…`) and a
 * staff invitation (`/accept-invite?token=…`) are served by this app, so anyone reading the log
 * could have used them. Queries also carry what agents search for (names, addresses). So the path
 * is logged without its query. One line instead of two also halves the log's cost: at `info` the
 * two lines cost the sidebar counts request 0.06 ms of its 0.08 (docs/performance.md, 2026-12-09).
 * Fastify's own logging is off for this (`disableRequestLogging` in app.ts).
 */
export function installRequestLog(app: FastifyInstance, log: Logger) {
  app.addHook('onResponse', async (req, reply) => {
    if (!log.isLevelEnabled('info')) return;
    const q = req.url.indexOf('?');
    req.log.info(
      {
        method: req.method,
        path: q === -1 ? req.url : req.url.slice(0, q),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });
}
