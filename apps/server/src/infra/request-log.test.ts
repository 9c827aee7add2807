import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/app.ts';
import { call, makeWorkspace, type World } from '../../test/factories.ts';

// The app's log at `info`, as production runs it, captured line by line.
const lines: string[] = [];
let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await startTestApp({ log: pino({ level: 'info' }, { write: (l: string) => lines.push(l) }) });
  w = await makeWorkspace(t);
});
afterAll(() => t.close());

const requestLines = () =>
  lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');

describe('the request log', () => {
  it('writes one line per request: method, path, status, time and the request id', async () => {
    lines.length = 0;
    const res = await call(t, w.agent, 'GET', '/api/v1/cases/counts');
    expect(res.status).toBe(200);
    const logged = requestLines();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 30, method: 'GET', path: '/api/v1/cases/counts', status: 200 });
    expect(logged[0]!.ms).toEqual(expect.any(Number));
    expect(logged[0]!.reqId).toEqual(expect.any(String));
    expect(lines.join('\n')).not.toContain('incoming request');
  });

  it('leaves out the query, where sign-in links carry their token and searches what agents look for', async () => {
    lines.length = 0;
    const secret = 'tOkEn-1234567890-never-in-logs';
    await t.app.inject({ method: 'GET', url: `/portal/sign-in?token=${secret}` });
    await t.app.inject({ method: 'GET', url: `/accept-invite?token=${secret}` });
    await call(t, w.agent, 'GET', `/api/v1/search?q=${encodeURIComponent('alice@example.test')}`);
    expect(requestLines().map((l) => l.path)).toEqual([
      '/portal/sign-in',
      '/accept-invite',
      '/api/v1/search',
    ]);
    expect(lines.join('\n')).not.toContain(secret);
    expect(lines.join('\n')).not.toContain('alice@example.test');
  });

  it('logs refused and unknown requests with their status', async () => {
    lines.length = 0;
    await t.app.inject({ method: 'GET', url: '/api/v1/cases/counts' });
    await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing?x=1' });
    expect(requestLines().map((l) => [l.path, l.status])).toEqual([
      ['/api/v1/cases/counts', 401],
      ['/api/v1/no-such-thing', 404],
    ]);
  });
});
