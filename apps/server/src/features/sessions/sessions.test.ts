import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';

let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await startTestApp({ env: { SIGN_IN_RATE_LIMIT: '5' } });
  w = await makeWorkspace(t);
});
afterAll(() => t.close());

describe('staff sign-in', () => {
  it('returns a token and an HTTP-only session cookie, both of which work', async () => {
    const res = await call(t, null, 'POST', '/api/v1/sessions', {
      email: w.agent.email.toUpperCase(),
      password: 'agent password 1',
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      kind: 'staff',
      id: w.agent.id,
      role: 'agent',
      workspace_id: w.ws.id,
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/fairdesk_session=.+HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const viaBearer = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sessions/current',
      headers: { authorization: `Bearer ${res.body.token}` },
    });
    expect(viaBearer.json()).toMatchObject({ id: w.agent.id });
    const viaCookie = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sessions/current',
      cookies: { fairdesk_session: res.body.token },
    });
    expect(viaCookie.json()).toMatchObject({ id: w.agent.id });
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/sessions/current',
      headers: { authorization: `Bearer ${res.body.token}` },
    });
    expect(out.statusCode).toBe(200);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sessions/current',
      headers: { authorization: `Bearer ${res.body.token}` },
    });
    expect(after.statusCode).toBe(401);
  });

  it('stores passwords as argon2id and tokens only as hashes', async () => {
    const row = await t.deps.db
      .selectFrom('staff')
      .select('password_hash')
      .where('id', '=', w.admin.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const sessions = await t.deps.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('staff_id', '=', w.agent.id)
      .execute();
    for (const s of sessions) expect(s.token_hash.toString('base64url')).not.toBe(w.agent.token);
  });

  it('refuses a wrong password or unknown address with the same answer', async () => {
    const wrong = await call(t, null, 'POST', '/api/v1/sessions', { email: w.admin.email, password: 'nope' });
    const unknown = await call(t, null, 'POST', '/api/v1/sessions', {
      email: 'nobody@example.test',
      password: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.reason).toBe('invalid_credentials');
    expect(unknown.body.reason).toBe('invalid_credentials');
  });

  it('customers cannot sign in to the staff side, nor with a password outside the demo', async () => {
    const res = await call(t, null, 'POST', '/api/v1/portal/sessions', {
      email: w.alice.email,
      password: 'anything',
    });
    expect(res.status).toBe(401);
  });

  it('limits sign-in attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (
          await call(t, null, 'POST', '/api/v1/sessions', {
            email: 'target@example.test',
            password: `guess${i}`,
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await call(t, null, 'POST', '/api/v1/sessions', {
      email: 'target@example.test',
      password: 'x',
    });
    expect(limited.body).toMatchObject({ code: 'rate_limited', reason: 'rate_limited' });
  });
});
