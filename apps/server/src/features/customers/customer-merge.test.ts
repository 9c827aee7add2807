import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, eventTypesOf, makeWorkspace, type World } from '../../../test/factories.ts';

let t: TestContext;
let a: World;
let b: World;
beforeAll(async () => {
  t = await startTestApp();
  a = await makeWorkspace(t);
  b = await makeWorkspace(t);
});
afterAll(() => t.close());

/** A duplicate of Alice with a second address, a phone, notes, an organisation and a case. */
async function duplicateOfAlice(w: World, tag: string) {
  const org = await call(t, w.agent, 'POST', '/api/v1/organisations', { name: `Walker Ltd ${tag}` });
  const dup = await call(t, w.agent, 'POST', '/api/v1/customers', {
    name: 'A. Walker',
    email: `a.walker.${tag}@work.example.test`,
    emails: [`alice.home.${tag}@example.test`],
    phone: '+44 20 7946 0000',
    notes: 'Prefers phone calls.',
    organisation_id: org.body.id,
  });
  expect(dup.status).toBe(201);
  const c = await call(t, w.agent, 'POST', '/api/v1/cases', {
    subject: 'Invoice copy',
    body: 'Could you send it again?',
    customer_id: dup.body.id,
  });
  expect(c.status).toBe(201);
  return { dup: dup.body, org: org.body, caseBody: c.body };
}

describe('merging duplicate customers', () => {
  it('moves addresses, cases and notes to the customer that stays, and deletes the duplicate', async () => {
    await call(t, a.agent, 'PATCH', `/api/v1/customers/${a.alice.id}`, { notes: 'VIP since 2019.' });
    const { dup, org, caseBody } = await duplicateOfAlice(a, 'one');
    const res = await call(t, a.supervisor, 'POST', `/api/v1/customers/${a.alice.id}/merge`, {
      source_id: dup.id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: a.alice.id,
      name: a.alice.name,
      email: a.alice.email,
      phone: '+44 20 7946 0000',
      organisation: { id: org.id },
    });
    expect(res.body.emails.sort()).toEqual([a.alice.email, ...dup.emails].sort());
    expect(res.body.notes).toBe(
      `VIP since 2019.\n\nMerged from A. Walker <${dup.email}>:\nPrefers phone calls.`,
    );

    expect((await call(t, a.agent, 'GET', `/api/v1/customers/${dup.id}`)).status).toBe(404);
    const moved = await call(t, a.agent, 'GET', `/api/v1/cases/${caseBody.id}`);
    expect(moved.body).toMatchObject({
      customer: { id: a.alice.id },
      organisation: { id: org.id },
      version: caseBody.version + 1,
    });
    // The first message, told on the duplicate's behalf, is now Alice's.
    expect(moved.body.messages[0].author).toMatchObject({ kind: 'customer', id: a.alice.id });
    const change = moved.body.timeline.find((e: { type: string }) => e.type === 'case.updated');
    expect(change.data).toMatchObject({
      cause: 'customer_merge',
      changes: { customer_id: [dup.id, a.alice.id] },
    });
    const history = await call(t, a.agent, 'GET', `/api/v1/customers/${a.alice.id}/cases`);
    expect(history.body.items.map((i: { id: string }) => i.id)).toContain(caseBody.id);
    // Mail from the duplicate's address now finds Alice.
    const found = await call(t, a.agent, 'GET', `/api/v1/customers?q=${dup.email}`);
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([a.alice.id]);
    expect(await eventTypesOf(t, a.ws.id, 'customer.merged')).toEqual(['customer.merged']);
  });

  it('refuses a customer merged into itself, agents, and unknown duplicates', async () => {
    const self = await call(t, a.supervisor, 'POST', `/api/v1/customers/${a.bob.id}/merge`, {
      source_id: a.bob.id,
    });
    expect(self.status).toBe(400);
    expect(self.body.reason).toBe('merge_same_customer');
    const agent = await call(t, a.agent, 'POST', `/api/v1/customers/${a.alice.id}/merge`, {
      source_id: a.bob.id,
    });
    expect(agent.status).toBe(403);
    expect(agent.body.reason).toBe('role_required');
    expect((await call(t, a.agent, 'GET', `/api/v1/customers/${a.bob.id}`)).status).toBe(200);
  });

  it('cannot merge across workspaces in either direction', async () => {
    const { dup, caseBody } = await duplicateOfAlice(b, 'two');
    const pull = await call(t, a.admin, 'POST', `/api/v1/customers/${a.alice.id}/merge`, {
      source_id: dup.id,
    });
    expect(pull.status).toBe(400);
    expect(pull.body.reason).toBe('unknown_customer');
    const push = await call(t, a.admin, 'POST', `/api/v1/customers/${dup.id}/merge`, { source_id: a.bob.id });
    expect(push.status).toBe(404);
    expect((await call(t, b.agent, 'GET', `/api/v1/customers/${dup.id}`)).status).toBe(200);
    expect((await call(t, a.agent, 'GET', `/api/v1/customers/${a.bob.id}`)).status).toBe(200);
    const stillB = await call(t, b.agent, 'GET', `/api/v1/cases/${caseBody.id}`);
    expect(stillB.body.customer.id).toBe(dup.id);
    expect(stillB.body.version).toBe(caseBody.version);
  });
});
