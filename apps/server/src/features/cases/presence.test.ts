import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';
import { fixedClock } from '../../infra/clock.ts';

const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
let t: TestContext;
let a: World;
let b: World;
let caseId: string;
let listener: pg.Client;
const heard: { type: string; case_id: string; actor: { id: string }; data: Record<string, unknown> }[] = [];

beforeAll(async () => {
  t = await startTestApp({ clock });
  a = await makeWorkspace(t);
  b = await makeWorkspace(t);
  const c = await call(t, a.alice, 'POST', '/api/v1/cases', { subject: 'Broken zip', body: 'It split.' });
  caseId = c.body.id;
  listener = new pg.Client(t.deps.pool.options);
  await listener.connect();
  listener.on('notification', (n) => heard.push(JSON.parse(n.payload ?? '{}')));
  await listener.query('listen fairdesk_events');
});
afterAll(async () => {
  await listener.end();
  await t.close();
});

const presenceOf = (type: string) => heard.filter((m) => m.type === type && m.case_id === caseId);
const settle = () => new Promise((r) => setTimeout(r, 150));

describe('who else is on a case', () => {
  it('shows each agent the others on the case, with their state, never themselves', async () => {
    const first = await call(t, a.agent, 'PUT', `/api/v1/cases/${caseId}/presence`, { state: 'viewing' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ viewers: [] });
    const second = await call(t, a.agent2, 'PUT', `/api/v1/cases/${caseId}/presence`, { state: 'replying' });
    expect(second.body.viewers).toEqual([
      { id: a.agent.id, name: a.agent.name, state: 'viewing', seen_at: clock.now().toISOString() },
    ]);
    const view = await call(t, a.agent, 'GET', `/api/v1/cases/${caseId}`);
    expect(view.body.viewers).toEqual([
      { id: a.agent2.id, name: a.agent2.name, state: 'replying', seen_at: clock.now().toISOString() },
    ]);
    const poll = await call(t, a.agent, 'GET', `/api/v1/cases/${caseId}/presence`);
    expect(poll.body.viewers.map((v: { id: string }) => v.id)).toEqual([a.agent2.id]);
    const customer = await call(t, a.alice, 'GET', `/api/v1/cases/${caseId}`);
    expect(customer.status).toBe(200);
    expect(customer.body.viewers).toEqual([]);
  });

  it('announces arrivals, state changes and departures, not every heartbeat, and records no events', async () => {
    await settle();
    const before = presenceOf('presence.changed').length;
    await call(t, a.agent, 'PUT', `/api/v1/cases/${caseId}/presence`, { state: 'viewing' }); // heartbeat
    await call(t, a.agent, 'PUT', `/api/v1/cases/${caseId}/presence`, { state: 'replying' }); // change
    const gone = await call(t, a.agent, 'DELETE', `/api/v1/cases/${caseId}/presence`);
    expect(gone.status).toBe(204);
    await settle();
    const news = presenceOf('presence.changed').slice(before);
    expect(news.map((m) => [m.actor.id, m.data.state])).toEqual([
      [a.agent.id, 'replying'],
      [a.agent.id, null],
    ]);
    expect(news[0]).toMatchObject({ workspace_id: a.ws.id, data: { name: a.agent.name } });
    const stored = await t.deps.db
      .selectFrom('events')
      .select('type')
      .where('workspace_id', '=', a.ws.id)
      .where('type', 'like', 'presence%')
      .execute();
    expect(stored).toEqual([]);
  });

  it('forgets someone not seen for 30 seconds, and announces them when they come back', async () => {
    await call(t, a.supervisor, 'PUT', `/api/v1/cases/${caseId}/presence`, { state: 'viewing' });
    clock.advance(31_000);
    const later = await call(t, a.agent, 'GET', `/api/v1/cases/${caseId}/presence`);
    expect(later.body.viewers).toEqual([]);
    await settle();
    const before = presenceOf('presence.changed').length;
    await call(t, a.supervisor, 'PUT', `/api/v1/cases/${caseId}/presence`, { state: 'viewing' });
    await settle();
    expect(
      presenceOf('presence.changed')
        .slice(before)
        .map((m) => m.actor.id),
    ).toEqual([a.supervisor.id]);
  });

  it('is for staff only and for the workspace’s own cases', async () => {
    const customer = await call(t, a.alice, 'PUT', `/api/v1/cases/${caseId}/presence`, { state: 'viewing' });
    expect(customer.status).toBe(403);
    expect(customer.body.reason).toBe('staff_only');
    const foreign = await call(t, b.agent, 'PUT', `/api/v1/cases/${caseId}/presence`, { state: 'viewing' });
    expect(foreign.status).toBe(404);
    expect(foreign.body.reason).toBe('case_not_found');
    await call(t, a.agent, 'PUT', `/api/v1/cases/${caseId}/presence`, { state: 'viewing' });
    const peek = await call(t, b.agent, 'GET', `/api/v1/cases/${caseId}/presence`);
    expect(peek.body.viewers).toEqual([]);
    const bad = await call(t, a.agent, 'PUT', `/api/v1/cases/${caseId}/presence`, { state: 'typing' });
    expect(bad.status).toBe(400);
  });
});

describe('collision detection on replies', () => {
  it('refuses a reply to a case that changed since the sender saw it, and writes nothing', async () => {
    const c = await call(t, a.alice, 'POST', '/api/v1/cases', { subject: 'Two agents', body: 'Hello?' });
    const seen = c.body.version as number;
    const first = await call(t, a.agent, 'POST', `/api/v1/cases/${c.body.id}/messages`, {
      body: 'First answer',
      version: seen,
    });
    expect(first.status).toBe(201);
    const second = await call(t, a.agent2, 'POST', `/api/v1/cases/${c.body.id}/messages`, {
      body: 'Second answer',
      version: seen,
    });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ reason: 'case_changed', errors: { version: seen + 1 } });
    const after = await call(t, a.agent, 'GET', `/api/v1/cases/${c.body.id}`);
    expect(after.body.version).toBe(seen + 1);
    // (The fixed clock gives both messages one timestamp, so compare them unordered.)
    expect(after.body.messages.map((m: { body: string }) => m.body).sort()).toEqual([
      'First answer',
      'Hello?',
    ]);
    // Without a version, a reply goes through as before.
    const blind = await call(t, a.agent2, 'POST', `/api/v1/cases/${c.body.id}/messages`, { body: 'Anyway' });
    expect(blind.status).toBe(201);
  });

  it('answers a stale PATCH with the current version too', async () => {
    const c = await call(t, a.alice, 'POST', '/api/v1/cases', { subject: 'Patch race', body: 'Hi' });
    await call(t, a.agent, 'PATCH', `/api/v1/cases/${c.body.id}`, { priority: 'high' });
    const stale = await call(t, a.agent2, 'PATCH', `/api/v1/cases/${c.body.id}`, {
      priority: 'low',
      version: c.body.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.errors).toEqual({ version: c.body.version + 1 });
  });

  it('does not reveal another workspace’s case version', async () => {
    const c = await call(t, a.alice, 'POST', '/api/v1/cases', { subject: 'Private', body: 'Mine' });
    const res = await call(t, b.agent, 'POST', `/api/v1/cases/${c.body.id}/messages`, {
      body: 'Peek',
      version: 1,
    });
    expect(res.status).toBe(404);
  });
});
