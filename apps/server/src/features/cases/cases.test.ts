import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';

let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await makeWorkspace(t);
});
afterAll(() => t.close());

const open = (subject = 'Tent pole snapped', extra: Record<string, unknown> = {}) =>
  call(t, w.agent, 'POST', '/api/v1/cases', {
    subject,
    body: 'The pole broke on the first night.',
    customer_id: w.alice.id,
    ...extra,
  });

describe('opening cases', () => {
  it('staff open a case for a new customer given by address, numbered per workspace', async () => {
    const res = await call(t, w.agent, 'POST', '/api/v1/cases', {
      subject: 'Where is my order?',
      body: 'Tracking has not moved for four days.',
      customer: { email: 'New.Person@Example.test', name: 'New Person' },
      priority: 'high',
      tags: ['Delivery', 'delivery'],
      team_id: w.team.id,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      subject: 'Where is my order?',
      status: 'new',
      priority: 'high',
      channel: 'api',
      tags: ['delivery'],
      customer: { name: 'New Person', email: 'new.person@example.test' },
      team: { id: w.team.id },
      message_count: 1,
    });
    expect(res.body.number).toBeGreaterThanOrEqual(1);
    expect(res.body.messages).toHaveLength(1);
    expect(res.body.messages[0]).toMatchObject({
      visibility: 'public',
      author: { kind: 'customer', name: 'New Person' },
    });
    expect(res.body.timeline.map((e: { type: string }) => e.type)).toEqual(['case.created', 'message.added']);
    const second = await open();
    expect(second.body.number).toBe(res.body.number + 1);
  });

  it('customers open their own cases through the portal and cannot set staff fields', async () => {
    const res = await call(t, w.alice, 'POST', '/api/v1/cases', {
      subject: 'Stove will not light',
      body: 'It clicks but no flame.',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      channel: 'portal',
      customer: { id: w.alice.id },
      can: { add_internal_note: false },
    });
    const bad = await call(t, w.alice, 'POST', '/api/v1/cases', {
      subject: 'x',
      body: 'y',
      priority: 'urgent',
    });
    expect(bad.status).toBe(403);
    expect(bad.body.reason).toBe('field_not_allowed');
  });

  it('needs a customer when staff open a case', async () => {
    const res = await call(t, w.agent, 'POST', '/api/v1/cases', { subject: 'x', body: 'y' });
    expect(res.status).toBe(400);
    expect(res.body.reason).toBe('customer_required');
  });

  it('refuses an unknown team or assignee and writes nothing, not even a case number', async () => {
    // Case numbers come from a sequence per workspace: taken numbers are not given back on rollback.
    const lastNumber = async () =>
      (
        await sql<{
          n: number | null;
        }>`select pg_sequence_last_value(case_number_seq(${w.ws.id})::regclass) as n`.execute(t.deps.db)
      ).rows[0]!.n;
    const before = await lastNumber();
    const count = () =>
      t.deps.db
        .selectFrom('cases')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('workspace_id', '=', w.ws.id)
        .executeTakeFirstOrThrow();
    const n = (await count()).n;
    // Refused before any write: no number is consumed.
    const res = await open('x', { team_id: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(400);
    expect(res.body.reason).toBe('unknown_team');
    expect(await lastNumber()).toBe(before);
    // Refused after the case was written and rolled back: nothing stays, the number may be a gap.
    const res2 = await open('x', { attachment_ids: ['00000000-0000-4000-8000-000000000000'] });
    expect(res2.body.reason).toBe('unknown_attachment');
    expect((await count()).n).toBe(n);
    const next = (await open('after the gap')).body;
    expect(next.number).toBeGreaterThan(before ?? 0);
  });
});

describe('changing cases', () => {
  it('moves through allowed statuses, records every change in the timeline, and refuses the rest', async () => {
    const c = (await open()).body;
    const assigned = await call(t, w.agent, 'PATCH', `/api/v1/cases/${c.id}`, {
      assignee_id: w.agent.id,
      priority: 'urgent',
      tags: ['vip'],
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({
      assignee: { id: w.agent.id },
      priority: 'urgent',
      tags: ['vip'],
      version: c.version + 1,
    });
    const solved = await call(t, w.agent, 'PATCH', `/api/v1/cases/${c.id}`, { status: 'solved' });
    expect(solved.body).toMatchObject({ status: 'solved', can: { reopen: true, close: true } });
    expect(solved.body.solved_at).not.toBeNull();
    const bad = await call(t, w.agent, 'PATCH', `/api/v1/cases/${c.id}`, { status: 'pending' });
    expect(bad.status).toBe(409);
    expect(bad.body.reason).toBe('invalid_transition');
    const closed = await call(t, w.agent, 'PATCH', `/api/v1/cases/${c.id}`, { status: 'closed' });
    expect(closed.body.status).toBe('closed');
    const frozen = await call(t, w.agent, 'PATCH', `/api/v1/cases/${c.id}`, { priority: 'low' });
    expect(frozen.status).toBe(409);
    expect(frozen.body.reason).toBe('case_closed');
    const updates = closed.body.timeline.filter((e: { type: string }) => e.type === 'case.updated');
    expect(updates.map((e: { data: { changes: object } }) => Object.keys(e.data.changes).sort())).toEqual([
      ['assignee_id', 'priority', 'tags'],
      ['status'],
      ['status'],
    ]);
    expect(updates[0].actor).toMatchObject({ kind: 'staff', id: w.agent.id, name: w.agent.name });
  });

  it('refuses a change made against an old version', async () => {
    const c = (await open()).body;
    await call(t, w.agent, 'PATCH', `/api/v1/cases/${c.id}`, { priority: 'high' });
    const stale = await call(t, w.agent2, 'PATCH', `/api/v1/cases/${c.id}`, {
      priority: 'low',
      version: c.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.reason).toBe('case_changed');
  });

  it('lets a customer mark their case solved, and nothing else', async () => {
    const c = (
      await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Zip broken', body: 'Main zip split.' })
    ).body;
    const prio = await call(t, w.alice, 'PATCH', `/api/v1/cases/${c.id}`, { priority: 'urgent' });
    expect(prio.status).toBe(403);
    const hold = await call(t, w.alice, 'PATCH', `/api/v1/cases/${c.id}`, { status: 'on_hold' });
    expect(hold.status).toBe(409);
    const solved = await call(t, w.alice, 'PATCH', `/api/v1/cases/${c.id}`, { status: 'solved' });
    expect(solved.body.status).toBe('solved');
  });
});

describe('messages', () => {
  it('a first public reply opens the case and stamps the first response; notes do neither', async () => {
    const c = (await open()).body;
    const note = await call(t, w.agent, 'POST', `/api/v1/cases/${c.id}/messages`, {
      body: 'Checked the order.',
      visibility: 'internal',
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ visibility: 'internal', author: { kind: 'staff', id: w.agent.id } });
    let view = (await call(t, w.agent, 'GET', `/api/v1/cases/${c.id}`)).body;
    expect(view).toMatchObject({ status: 'new', first_response_at: null, message_count: 2 });
    await call(t, w.agent, 'POST', `/api/v1/cases/${c.id}/messages`, { body: 'A new pole is on its way.' });
    view = (await call(t, w.agent, 'GET', `/api/v1/cases/${c.id}`)).body;
    expect(view.status).toBe('open');
    expect(view.first_response_at).not.toBeNull();
  });

  it('a customer writing to a solved case reopens it; a closed case takes no replies', async () => {
    const c = (await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Refund', body: 'Where is it?' }))
      .body;
    await call(t, w.agent, 'PATCH', `/api/v1/cases/${c.id}`, { status: 'solved' });
    await call(t, w.alice, 'POST', `/api/v1/cases/${c.id}/messages`, {
      body: 'Still nothing on my statement.',
    });
    const view = (await call(t, w.alice, 'GET', `/api/v1/cases/${c.id}`)).body;
    expect(view.status).toBe('open');
    expect(view.solved_at).toBeNull();
    await call(t, w.agent, 'PATCH', `/api/v1/cases/${c.id}`, { status: 'solved' });
    await call(t, w.agent, 'PATCH', `/api/v1/cases/${c.id}`, { status: 'closed' });
    const late = await call(t, w.alice, 'POST', `/api/v1/cases/${c.id}/messages`, { body: 'One more thing' });
    expect(late.status).toBe(409);
    expect(late.body.reason).toBe('case_closed');
  });

  it('customers cannot write internal notes', async () => {
    const c = (await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Q', body: 'Q?' })).body;
    const res = await call(t, w.alice, 'POST', `/api/v1/cases/${c.id}/messages`, {
      body: 'psst',
      visibility: 'internal',
    });
    expect(res.status).toBe(403);
    expect(res.body.reason).toBe('internal_note_staff_only');
  });
});

describe('listing', () => {
  it('filters and walks keyset pages without gaps or repeats', async () => {
    const tag = `batch${Date.now()}`;
    const ids = new Set<string>();
    for (let i = 0; i < 7; i++) ids.add((await open(`Batch ${i}`, { tags: [tag] })).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `tag=${tag}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await call(t, w.agent, 'GET', `/api/v1/cases?${qs}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items.map((c: { id: string }) => c.id));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(ids);
  });

  it('filters by status, assignee and text', async () => {
    const c = (await open('Crampons do not fit my boots')).body;
    await call(t, w.agent, 'PATCH', `/api/v1/cases/${c.id}`, { assignee_id: w.agent2.id, status: 'pending' });
    const mine = await call(t, w.agent2, 'GET', '/api/v1/cases?assignee_id=me&status=pending,open');
    expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(c.id);
    const none = await call(t, w.agent2, 'GET', '/api/v1/cases?assignee_id=none&status=pending');
    expect(none.body.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    const text = await call(t, w.agent, 'GET', '/api/v1/cases?q=crampons');
    expect(text.body.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });

  it('refuses a forged cursor and a limit over 100', async () => {
    expect((await call(t, w.agent, 'GET', '/api/v1/cases?cursor=abc')).body.reason).toBe('invalid_cursor');
    expect((await call(t, w.agent, 'GET', '/api/v1/cases?limit=1000')).status).toBe(400);
  });
});
