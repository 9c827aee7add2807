import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandling } from './http.ts';
import { PAGE_POLICY, serveWebApp } from './web.ts';

// A built app of three files, served as the server serves apps/web/dist.
let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fairdesk-web-'));
  await mkdir(path.join(dir, 'portal'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(path.join(dir, 'portal', 'index.html'), '<!doctype html><title>portal</title>');
  await writeFile(path.join(dir, 'assets', 'console-abc.js'), 'export {}');
  app = Fastify({ logger: false });
  installErrorHandling(app, await serveWebApp(app, dir));
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('the browser app’s pages', () => {
  it.each([
    ['/', 'console'],
    ['/cases/123', 'console'],
    ['/portal/', 'portal'],
    ['/portal/cases/9', 'portal'],
  ])('%s comes with its security policy', async (url, page) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<title>${page}</title>`);
    expect(res.headers['content-security-policy']).toBe(PAGE_POLICY);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('allows no script but its own, no eval, and no framing by another site', () => {
    const directives = new Map(
      PAGE_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(PAGE_POLICY).not.toContain('unsafe-eval');
  });

  it('serves scripts unsniffed and cached for good, without the page policy', async () => {
    const res = await get('/assets/console-abc.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-security-policy']).toBeUndefined();
  });

  it('answers an unknown API path with a problem, not a page', async () => {
    const res = await get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
