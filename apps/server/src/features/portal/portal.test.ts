import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';
import { type Relay, startRelay } from '../../../test/relay.ts';

let relay: Relay;
/** What the relay received (its live list). */
let inbox: Relay['received'];

let t: TestContext;
let w: World;
beforeAll(async () => {
  relay = await startRelay();
  inbox = relay.received;
  t = await startTestApp({ env: { SMTP_URL: relay.url } });
  w = await makeWorkspace(t);
});
afterAll(async () => {
  await t.close();
  await relay.close();
});

const tokenIn = (raw: string) => {
  const flat = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  return /token=([A-Za-z0-9_-]{43})/.exec(flat)?.[1];
};

describe('customer sign-in by magic link', () => {
  it('emails a one-time link that signs the customer in once', async () => {
    const req = await call(t, null, 'POST', '/api/v1/portal/magic-links', {
      email: w.alice.email,
      workspace: w.ws.slug,
    });
    expect(req.status).toBe(202);
    const mail = inbox.find((m) => m.to.includes(w.alice.email));
    expect(mail).toBeDefined();
    const token = tokenIn(mail!.raw);
    expect(token).toBeDefined();
    const redeemed = await call(t, null, 'POST', '/api/v1/portal/magic-links/redeem', { token });
    expect(redeemed.status).toBe(201);
    expect(redeemed.body.user).toMatchObject({ kind: 'customer', id: w.alice.id });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/cases',
      headers: { authorization: `Bearer ${redeemed.body.token}` },
    });
    expect(list.statusCode).toBe(200);
    const again = await call(t, null, 'POST', '/api/v1/portal/magic-links/redeem', { token });
    expect(again.status).toBe(401);
    expect(again.body.reason).toBe('magic_link_invalid');
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = inbox.length;
    const res = await call(t, null, 'POST', '/api/v1/portal/magic-links', {
      email: 'stranger@example.test',
      workspace: w.ws.slug,
    });
    expect(res.status).toBe(202);
    expect(inbox.length).toBe(before);
  });

  it('lets demo customers sign in with a password', async () => {
    const demo = await makeWorkspace(t, { is_demo: true });
    const { hashPassword } = await import('../../infra/passwords.ts');
    await t.deps.db
      .updateTable('customers')
      .set({ password_hash: await hashPassword('fairdesk') })
      .where('id', '=', demo.alice.id)
      .execute();
    const res = await call(t, null, 'POST', '/api/v1/portal/sessions', {
      email: demo.alice.email,
      password: 'fairdesk',
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ kind: 'customer', id: demo.alice.id });
  });
});
