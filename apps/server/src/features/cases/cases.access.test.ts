import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';

let t: TestContext;
let a: World;
let b: World;
let aliceCase: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  a = await makeWorkspace(t);
  b = await makeWorkspace(t);
  aliceCase = (
    await call(t, a.alice, 'POST', '/api/v1/cases', {
      subject: 'Secret tent trouble',
      body: 'My tent leaks.',
    })
  ).body;
  await call(t, a.agent, 'POST', `/api/v1/cases/${aliceCase.id}/messages`, {
    body: 'Internal: customer is a reseller',
    visibility: 'internal',
  });
  await call(t, a.agent, 'POST', `/api/v1/cases/${aliceCase.id}/messages`, {
    body: 'We will send a new fly sheet.',
  });
});
afterAll(() => t.close());

describe('a customer sees only their own cases, and never an internal note', () => {
  it('hides internal notes and staff-only timeline entries from the case owner', async () => {
    await call(t, a.agent, 'PATCH', `/api/v1/cases/${aliceCase.id}`, {
      tags: ['reseller'],
      priority: 'high',
    });
    const view = await call(t, a.alice, 'GET', `/api/v1/cases/${aliceCase.id}`);
    expect(view.status).toBe(200);
    expect(view.body.messages.map((m: { visibility: string }) => m.visibility)).toEqual(['public', 'public']);
    expect(JSON.stringify(view.body)).not.toContain('reseller');
    expect(view.body.tags).toEqual([]);
    for (const e of view.body.timeline) {
      expect(e.type === 'message.added' ? e.data.visibility : 'public').toBe('public');
      if (e.type === 'case.updated') expect(Object.keys(e.data.changes)).toEqual(['status']);
    }
  });

  it('answers 404 for another customer’s case, whatever the route', async () => {
    const urls = [
      ['GET', `/api/v1/cases/${aliceCase.id}`, undefined],
      ['PATCH', `/api/v1/cases/${aliceCase.id}`, { status: 'solved' }],
      ['POST', `/api/v1/cases/${aliceCase.id}/messages`, { body: 'hi' }],
    ] as const;
    for (const [method, url, body] of urls) {
      const res = await call(t, a.bob, method, url, body);
      expect(res.status, `${method} ${url}`).toBe(404);
    }
    const list = await call(t, a.bob, 'GET', '/api/v1/cases');
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(aliceCase.id);
    const filtered = await call(t, a.bob, 'GET', `/api/v1/cases?customer_id=${a.alice.id}`);
    expect(filtered.body.items).toEqual([]);
  });

  it('search never shows a customer internal notes or other people’s cases', async () => {
    const own = await call(t, a.alice, 'GET', '/api/v1/search?q=reseller');
    expect(own.body.items).toEqual([]);
    const other = await call(t, a.bob, 'GET', '/api/v1/search?q=tent');
    expect(other.body.items).toEqual([]);
    const staff = await call(t, a.agent, 'GET', '/api/v1/search?q=reseller');
    expect(staff.body.items.map((h: { case: { id: string } }) => h.case.id)).toEqual([aliceCase.id]);
  });
});

describe('one workspace cannot see or change another’s cases', () => {
  it('answers 404 to staff of another workspace and changes nothing', async () => {
    const before = (await call(t, a.agent, 'GET', `/api/v1/cases/${aliceCase.id}`)).body;
    expect((await call(t, b.admin, 'GET', `/api/v1/cases/${aliceCase.id}`)).status).toBe(404);
    expect(
      (await call(t, b.admin, 'PATCH', `/api/v1/cases/${aliceCase.id}`, { priority: 'low' })).status,
    ).toBe(404);
    expect(
      (await call(t, b.admin, 'POST', `/api/v1/cases/${aliceCase.id}/messages`, { body: 'x' })).status,
    ).toBe(404);
    const list = await call(t, b.admin, 'GET', '/api/v1/cases?limit=100');
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(aliceCase.id);
    const search = await call(t, b.admin, 'GET', '/api/v1/search?q=tent');
    expect(search.body.items).toEqual([]);
    const after = (await call(t, a.agent, 'GET', `/api/v1/cases/${aliceCase.id}`)).body;
    expect(after.version).toBe(before.version);
  });

  it('cannot open a case for a customer or team of another workspace', async () => {
    const r1 = await call(t, b.agent, 'POST', '/api/v1/cases', {
      subject: 'x',
      body: 'y',
      customer_id: a.alice.id,
    });
    expect(r1.status).toBe(400);
    expect(r1.body.reason).toBe('unknown_customer');
    const r2 = await call(t, b.agent, 'POST', '/api/v1/cases', {
      subject: 'x',
      body: 'y',
      customer_id: b.alice.id,
      team_id: a.team.id,
    });
    expect(r2.body.reason).toBe('unknown_team');
    const r3 = await call(t, b.agent, 'PATCH', `/api/v1/cases/${aliceCase.id}`, { assignee_id: b.agent.id });
    expect(r3.status).toBe(404);
  });

  it('needs a signed-in person for everything', async () => {
    const res = await call(t, null, 'GET', '/api/v1/cases');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'unauthenticated', reason: 'not_signed_in' });
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/v1/cases',
      headers: { authorization: `Bearer ${'x'.repeat(43)}` },
    });
    expect(forged.statusCode).toBe(401);
  });
});
