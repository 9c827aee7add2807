import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/**
 * What a browser may do with the console's and the portal's pages. Scripts, styles, frames and
 * requests come from this origin only (Mantine writes inline styles, hence 'unsafe-inline' for
 * styles, never for scripts); images may also be data: and blob: URLs; no other site may frame the
 * pages (clickjacking), and forms and <base> stay on this origin. The mail frame adds its own,
 * stricter policy (HtmlBodyFrame.tsx). In a browser the contract's schemas run without zod's
 * compiled validators, which need eval (packages/contract/src/zod.ts), so the policy holds without
 * 'unsafe-eval'.
 */
export const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of the pages: the policy, and no page opened from here gets a handle on this one. */
const PAGE_HEADERS = {
  'content-security-policy': PAGE_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** Headers of the scripts and styles: served as their type says, never sniffed as another. */
const ASSET_HEADERS = { 'x-content-type-options': 'nosniff' };

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
      const asset = file.includes(`${path.sep}assets${path.sep}`);
      reply.header('cache-control', asset ? 'public, max-age=31536000, immutable' : 'no-cache');
      for (const [name, value] of Object.entries(file.endsWith('.html') ? PAGE_HEADERS : ASSET_HEADERS))
        reply.header(name, value);
    },
  });
  return (req: FastifyRequest, reply: FastifyReply) => {
    const page =
      req.url === '/portal' || req.url.startsWith('/portal/') || req.url.startsWith('/portal?')
        ? 'portal/index.html'
        : 'index.html';
    // setHeaders (above) gives the page its headers here too.
    return reply.header('cache-control', 'no-cache').sendFile(page);
  };
}
