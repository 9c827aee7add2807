import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';

let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await startTestApp({ env: { BODY_LIMIT_BYTES: '4096' } });
  w = await makeWorkspace(t);
});
afterAll(() => t.close());

const raw = (payload: string, contentType = 'application/json') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: { authorization: `Bearer ${w.agent.token}`, 'content-type': contentType },
    payload,
  });

describe('bad input gets a clear problem+json and loses nothing', () => {
  it('malformed JSON is a 400 with reason malformed_json', async () => {
    const res = await raw('{"subject": ');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 400, code: 'invalid', reason: 'malformed_json' });
  });

  it('wrong types are a 400 listing each problem', async () => {
    const res = await call(t, w.agent, 'POST', '/api/v1/cases', {
      subject: 42,
      body: '',
      priority: 'whenever',
    });
    expect(res.status).toBe(400);
    expect(res.body.reason).toBe('validation_failed');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body/subject', 'body/body', 'body/priority']));
  });

  it('an oversized body is a 413', async () => {
    const res = await raw(
      JSON.stringify({ subject: 'big', body: 'x'.repeat(10_000), customer_id: w.alice.id }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().reason).toBe('body_too_large');
  });

  it('a non-JSON content type is a 415', async () => {
    const res = await raw('subject=x', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
  });

  it('an unknown id is a 404 and a malformed one a 400', async () => {
    const missing = await call(t, w.agent, 'GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.reason).toBe('case_not_found');
    const malformed = await call(t, w.agent, 'GET', '/api/v1/cases/not-a-uuid');
    expect(malformed.status).toBe(400);
  });
});
