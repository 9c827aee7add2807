import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';

// The one-statement writes (case-write.queries.ts): what the old multi-statement writes did, they
// must still do: no trace when refused, the case number in the events and jobs, every reply kept
// when several arrive at once.

let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await makeWorkspace(t);
});
afterAll(() => t.close());

const lastNumber = async () =>
  (
    await sql<{
      n: number | null;
    }>`select pg_sequence_last_value(case_number_seq(${w.ws.id})::regclass) as n`.execute(t.deps.db)
  ).rows[0]!.n;
const casesOf = async (workspaceId: string) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from cases where workspace_id = ${workspaceId}`.execute(t.deps.db)
  ).rows[0]!.n;

const jobsOf = (caseId: string) =>
  sql<{ task: string; payload: { event: string; data: Record<string, unknown> } }>`
    select t.identifier as task, j.payload
    from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
    where j.payload->>'case_id' = ${caseId} order by j.id`
    .execute(t.deps.db)
    .then((r) => r.rows);

describe('opening a case in one statement', () => {
  it('refuses a customer of another workspace with no trace and no number taken', async () => {
    const other = await makeWorkspace(t);
    await call(t, w.agent, 'POST', '/api/v1/cases', { subject: 'first', body: 'b', customer_id: w.alice.id });
    const before = await lastNumber();
    const count = await casesOf(w.ws.id);
    for (const customer_id of [other.alice.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await call(t, w.agent, 'POST', '/api/v1/cases', { subject: 'x', body: 'y', customer_id });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid', reason: 'unknown_customer' });
    }
    expect(await lastNumber()).toBe(before);
    expect(await casesOf(w.ws.id)).toBe(count);
    expect(await casesOf(other.ws.id)).toBe(0);
  });

  it('records the case number in case.created, its jobs and the timeline', async () => {
    const res = await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Numbered', body: 'Hello' });
    expect(res.status).toBe(201);
    const { id, number } = res.body;
    const events = await t.deps.db
      .selectFrom('events')
      .select(['type', 'data', 'actor_kind', 'actor_id'])
      .where('case_id', '=', id)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      {
        type: 'case.created',
        data: { number, subject: 'Numbered', channel: 'portal', customer_id: w.alice.id },
        actor_kind: 'customer',
        actor_id: w.alice.id,
      },
      {
        type: 'message.added',
        data: { message_id: res.body.messages[0].id, visibility: 'public', opening: true },
        actor_kind: 'customer',
        actor_id: w.alice.id,
      },
    ]);
    const jobs = await jobsOf(id);
    const created = jobs.filter((j) => j.payload.event === 'case.created');
    expect(created.map((j) => j.task).sort()).toEqual([
      'automation.run',
      'email.notify_received',
      'routing.assign',
      'sla.recompute',
    ]);
    for (const j of created) expect(j.payload.data).toEqual(events[0]!.data);
    // The opening message is the request, not a reply: it queues no reply mail, no customer_replied
    // automation (case.created's jobs cover it), and its SLA recompute is case.created's.
    expect(jobs.filter((j) => j.payload.event === 'message.added')).toEqual([]);
    expect(res.body.timeline[0]).toMatchObject({ type: 'case.created', data: { number } });
  });

  it("queues no reply mail for a case staff open for a customer (the message is the customer's)", async () => {
    const res = await call(t, w.agent, 'POST', '/api/v1/cases', {
      subject: 'By phone',
      body: 'Called about the zip.',
      customer_id: w.bob.id,
    });
    expect(res.status).toBe(201);
    expect((await jobsOf(res.body.id)).map((j) => j.task).sort()).toEqual([
      'automation.run',
      'routing.assign',
      'sla.recompute',
    ]);
    // A staff reply afterwards is a reply: it queues its mail jobs.
    const reply = await call(t, w.agent, 'POST', `/api/v1/cases/${res.body.id}/messages`, { body: 'On it.' });
    expect(reply.status).toBe(201);
    const replyJobs = (await jobsOf(res.body.id)).filter((j) => j.payload.event === 'message.added');
    expect(replyJobs.map((j) => j.task).sort()).toEqual(['email.reply', 'sla.recompute']);
  });

  it('gives the case and its message time-ordered ids (UUIDv7), as the tables do by default', async () => {
    const v7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const first = await call(t, w.agent, 'POST', '/api/v1/cases', {
      subject: 'a',
      body: 'b',
      customer_id: w.bob.id,
    });
    await new Promise((r) => setTimeout(r, 2));
    const second = await call(t, w.agent, 'POST', '/api/v1/cases', {
      subject: 'c',
      body: 'd',
      customer_id: w.bob.id,
    });
    expect(first.body.id).toMatch(v7);
    expect(first.body.messages[0].id).toMatch(v7);
    expect(first.body.id < second.body.id).toBe(true);
    const byDefault = await sql<{ id: string }>`insert into customers (workspace_id, name, email)
      values (${w.ws.id}, 'Ordered', 'ordered@example.com') returning id`.execute(t.deps.db);
    expect(byDefault.rows[0]!.id).toMatch(v7);
  });

  it('answers with the new case exactly as its view then shows it, to staff and to the customer', async () => {
    // Every name the answer carries is set: the customer's organisation, the team, the assignee.
    const org = await call(t, w.agent, 'POST', '/api/v1/organisations', { name: 'Answered Ltd' });
    await call(t, w.agent, 'PATCH', `/api/v1/customers/${w.bob.id}`, { organisation_id: org.body.id });
    const byStaff = await call(t, w.agent, 'POST', '/api/v1/cases', {
      subject: 'Answered from the write',
      body: 'The zip is stuck.',
      customer_id: w.bob.id,
      priority: 'high',
      tags: ['zip'],
      team_id: w.team.id,
      assignee_id: w.agent2.id,
    });
    expect(byStaff.status).toBe(201);
    expect(byStaff.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      'case.created',
      'message.added',
    ]);
    expect(byStaff.body.timeline[0].data.number).toBe(byStaff.body.number);
    expect(byStaff.body.organisation).toEqual({ id: org.body.id, name: 'Answered Ltd' });
    expect(byStaff.body.timeline[0].actor.name).toBe(w.agent.name);
    const seen = await call(t, w.agent, 'GET', `/api/v1/cases/${byStaff.body.id}`);
    expect(byStaff.body).toEqual(seen.body);

    const byCustomer = await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Mine', body: 'Hello' });
    expect(byCustomer.status).toBe(201);
    const mine = await call(t, w.alice, 'GET', `/api/v1/cases/${byCustomer.body.id}`);
    expect(byCustomer.body).toEqual(mine.body);
    const staffView = await call(t, w.agent, 'GET', `/api/v1/cases/${byCustomer.body.id}`);
    expect(staffView.body.timeline.map((e: { seq: number }) => e.seq)).toEqual(
      byCustomer.body.timeline.map((e: { seq: number }) => e.seq),
    );
  });

  it('counts the new case in its queue (the counters kept by triggers)', async () => {
    const counts = async () => (await call(t, w.agent, 'GET', '/api/v1/cases/counts')).body;
    const before = await counts();
    await call(t, w.agent, 'POST', '/api/v1/cases', {
      subject: 'Counted',
      body: 'b',
      customer_id: w.bob.id,
      team_id: w.team.id,
      assignee_id: w.agent2.id,
    });
    const after = await counts();
    expect(JSON.stringify(after)).not.toBe(JSON.stringify(before));
    const statusEntered = await t.deps.db
      .selectFrom('cases')
      .select(['status_entered_at', 'created_at'])
      .where('subject', '=', 'Counted')
      .where('workspace_id', '=', w.ws.id)
      .executeTakeFirstOrThrow();
    expect(statusEntered.status_entered_at).toEqual(statusEntered.created_at);
  });
});

describe('adding messages without a transaction', () => {
  it('keeps every reply when many arrive at once, each counted and recorded once', async () => {
    const c = (await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Busy', body: 'Hello' })).body;
    const n = 12;
    const replies = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        call(t, i % 2 ? w.agent : w.agent2, 'POST', `/api/v1/cases/${c.id}/messages`, { body: `reply ${i}` }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(n).fill(201));
    const view = (await call(t, w.agent, 'GET', `/api/v1/cases/${c.id}`)).body;
    expect(view.message_count).toBe(n + 1);
    expect(view.messages).toHaveLength(n + 1);
    expect(view.version).toBe(c.version + n);
    expect(view.status).toBe('open');
    const types = view.timeline.map((e: { type: string }) => e.type);
    expect(types.filter((x: string) => x === 'message.added')).toHaveLength(n + 1);
    // Only the first staff reply opens the case; the rest find it open.
    expect(types.filter((x: string) => x === 'case.updated')).toHaveLength(1);
    expect(view.first_response_at).not.toBeNull();
  });

  it('a customer reply reopens a solved case and a stale version is refused with no trace', async () => {
    const c = (await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Reopen', body: 'Hello' })).body;
    const solved = (await call(t, w.agent, 'PATCH', `/api/v1/cases/${c.id}`, { status: 'solved' })).body;
    const stale = await call(t, w.alice, 'POST', `/api/v1/cases/${c.id}/messages`, {
      body: 'late',
      version: c.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ reason: 'case_changed' });
    const again = await call(t, w.alice, 'POST', `/api/v1/cases/${c.id}/messages`, {
      body: 'Still broken',
      version: solved.version,
    });
    expect(again.status).toBe(201);
    const view = (await call(t, w.agent, 'GET', `/api/v1/cases/${c.id}`)).body;
    expect(view).toMatchObject({
      status: 'open',
      solved_at: null,
      message_count: 2,
      version: solved.version + 1,
    });
    expect(view.timeline.at(-1)).toMatchObject({
      type: 'case.updated',
      data: { changes: { status: ['solved', 'open'] }, cause: 'message' },
    });
  });

  it('answers each reply with the message exactly as the case view then shows it', async () => {
    const c = (await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Echo', body: 'Hello' })).body;
    const sent = [];
    for (const [who, body] of [
      [w.agent, { body: 'A reply' }],
      [w.agent2, { body: 'A note', visibility: 'internal' }],
      [w.alice, { body: 'Thanks' }],
    ] as const) {
      const res = await call(t, who, 'POST', `/api/v1/cases/${c.id}/messages`, body);
      expect(res.status).toBe(201);
      sent.push(res.body);
    }
    expect(sent.map((m) => m.author)).toEqual([
      expect.objectContaining({ kind: 'staff', id: w.agent.id, name: w.agent.name }),
      expect.objectContaining({ kind: 'staff', id: w.agent2.id, name: w.agent2.name }),
      expect.objectContaining({ kind: 'customer', id: w.alice.id, name: 'Alice Walker' }),
    ]);
    const view = (await call(t, w.agent, 'GET', `/api/v1/cases/${c.id}`)).body;
    expect(view.messages.slice(1)).toEqual(sent);
  });

  it('another workspace cannot reply to the case (404) and leaves it unchanged', async () => {
    const other = await makeWorkspace(t);
    const c = (await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Mine', body: 'Hello' })).body;
    for (const who of [other.agent, other.alice, w.bob]) {
      const res = await call(t, who, 'POST', `/api/v1/cases/${c.id}/messages`, { body: 'intrusion' });
      expect(res.status).toBe(404);
    }
    const view = (await call(t, w.agent, 'GET', `/api/v1/cases/${c.id}`)).body;
    expect(view).toMatchObject({ message_count: 1, version: c.version });
  });
});
