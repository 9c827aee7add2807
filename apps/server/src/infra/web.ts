import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/**
 * Serves the built browser app from the same port as the API: files as they are (hashed assets
 * cached for a year), the portal's page for /portal/..., the console's page for any other path.
 * Returns a fallback for unknown GETs, or null when the app has not been built.
 */
export async function serveWebApp(app: FastifyInstance, dist = WEB_DIST) {
  if (!existsSync(path.join(dist, 'index.html'))) return null;
  await app.register(fastifyStatic, {
    root: dist,
    // Files are looked up at request time, so a rebuild is served without a restart.
    wildcard: true,
    // / and /portal/ are folders with an index.html; /portal redirects to /portal/.
    index: 'index.html',
    redirect: true,
    setHeaders: (reply, file) => {
      reply.header(
        'cache-control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return (req: FastifyRequest, reply: FastifyReply) => {
    const page =
      req.url === '/portal' || req.url.startsWith('/portal/') || req.url.startsWith('/portal?')
        ? 'portal/index.html'
        : 'index.html';
    return reply.header('cache-control', 'no-cache').sendFile(page);
  };
}
