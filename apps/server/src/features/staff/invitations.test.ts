import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, eventTypesOf, makeWorkspace, uniq, type World } from '../../../test/factories.ts';
import { type Relay, startRelay } from '../../../test/relay.ts';
import { fixedClock } from '../../infra/clock.ts';

let relay: Relay;
/** What the relay received (its live list). */
let inbox: Relay['received'];

const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
let t: TestContext;
let a: World;
let b: World;
beforeAll(async () => {
  relay = await startRelay();
  inbox = relay.received;
  t = await startTestApp({ clock, env: { SMTP_URL: relay.url, PUBLIC_URL: 'https://desk.example.test' } });
  a = await makeWorkspace(t);
  b = await makeWorkspace(t);
});
afterAll(async () => {
  await t.close();
  await relay.close();
});

const flat = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
const linkIn = (raw: string) =>
  /https:\/\/desk\.example\.test\/accept-invite\?token=([A-Za-z0-9_-]{43})/.exec(flat(raw));
const mailTo = (email: string) => inbox.filter((m) => m.to.includes(email));

async function invite(w: World, name = 'Nina Park') {
  const email = `nina.${uniq()}@example.test`;
  const res = await call(t, w.admin, 'POST', '/api/v1/staff', { email, name, role: 'agent' });
  expect(res.status).toBe(201);
  return { email, staff: res.body };
}

describe('staff invitations', () => {
  it('emails a one-time link that sets the password and signs the person in', async () => {
    const { email, staff } = await invite(a);
    expect(staff.invitation_pending).toBe(true);
    const mails = mailTo(email);
    expect(mails).toHaveLength(1);
    expect(flat(mails[0]!.raw)).toContain(a.ws.name);
    const token = linkIn(mails[0]!.raw)?.[1];
    expect(token).toBeDefined();

    const accepted = await call(t, null, 'POST', '/api/v1/staff/invitations/accept', {
      token,
      password: 'a long new password',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({ kind: 'staff', id: staff.id, email, workspace_id: a.ws.id });
    expect(String(accepted.headers['set-cookie'])).toContain('fairdesk_session=');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sessions/current',
      headers: { authorization: `Bearer ${accepted.body.token}` },
    });
    expect(me.json()).toMatchObject({ id: staff.id });

    // The link works once, and the password now signs in.
    const again = await call(t, null, 'POST', '/api/v1/staff/invitations/accept', {
      token,
      password: 'another password',
    });
    expect(again.status).toBe(401);
    expect(again.body.reason).toBe('invitation_invalid');
    const signIn = await call(t, null, 'POST', '/api/v1/sessions', {
      email,
      password: 'a long new password',
    });
    expect(signIn.status).toBe(201);
    const after = await call(t, a.admin, 'GET', `/api/v1/staff/${staff.id}`);
    expect(after.body.invitation_pending).toBe(false);
    const types = await eventTypesOf(t, a.ws.id, 'staff.invit');
    expect(types).toEqual(['staff.invited', 'staff.invitation_accepted']);
  });

  it('sends no invitation when the admin sets a password', async () => {
    const email = `direct.${uniq()}@example.test`;
    const res = await call(t, a.admin, 'POST', '/api/v1/staff', {
      email,
      name: 'Direct Hire',
      password: 'set by the admin',
    });
    expect(res.status).toBe(201);
    expect(res.body.invitation_pending).toBe(false);
    expect(mailTo(email)).toHaveLength(0);
  });

  it('expires links after 7 days, and a resent link replaces the old one', async () => {
    const { email, staff } = await invite(a, 'Late Larry');
    const first = linkIn(mailTo(email)[0]!.raw)![1];
    clock.advance(7 * 24 * 3_600_000 + 1000);
    const late = await call(t, null, 'POST', '/api/v1/staff/invitations/accept', {
      token: first,
      password: 'too late now',
    });
    expect(late.status).toBe(401);
    const resent = await call(t, a.admin, 'POST', `/api/v1/staff/${staff.id}/invitation`);
    expect(resent.status).toBe(202);
    const second = linkIn(mailTo(email)[1]!.raw)![1];
    expect(second).not.toBe(first);
    const ok = await call(t, null, 'POST', '/api/v1/staff/invitations/accept', {
      token: second,
      password: 'right on time',
    });
    expect(ok.status).toBe(201);
    const noMore = await call(t, a.admin, 'POST', `/api/v1/staff/${staff.id}/invitation`);
    expect(noMore.status).toBe(409);
    expect(noMore.body.reason).toBe('invitation_not_needed');
  });

  it('refuses a deactivated person, weak passwords, agents resending, and other workspaces', async () => {
    const { email, staff } = await invite(a, 'Gone Gina');
    const token = linkIn(mailTo(email)[0]!.raw)![1];
    const weak = await call(t, null, 'POST', '/api/v1/staff/invitations/accept', {
      token,
      password: 'short',
    });
    expect(weak.status).toBe(400);
    const agent = await call(t, a.agent, 'POST', `/api/v1/staff/${staff.id}/invitation`);
    expect(agent.status).toBe(403);
    const foreign = await call(t, b.admin, 'POST', `/api/v1/staff/${staff.id}/invitation`);
    expect(foreign.status).toBe(404);
    expect(mailTo(email)).toHaveLength(1);
    await call(t, a.admin, 'PATCH', `/api/v1/staff/${staff.id}`, { active: false });
    const refused = await call(t, null, 'POST', '/api/v1/staff/invitations/accept', {
      token,
      password: 'a good password',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.reason).toBe('account_deactivated');
  });
});
