import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace } from '../../../test/factories.ts';
import { fixedClock } from '../../infra/clock.ts';
import { automationFixtures } from './automations.fixtures.ts';
import { runAutomationsForEvent } from './index.ts';

const clock = fixedClock(new Date('2026-11-02T09:00:00Z'));
let t: TestContext;

beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(() => t.close());

const { runJobs, rule, openCase, runsOf, viewOf } = automationFixtures(() => t);

describe('event rules', () => {
  it('fire once on a matching case, record the run and show it on the timeline', async () => {
    const w = await makeWorkspace(t);
    const ruleId = await rule(w, {
      name: 'Refunds are urgent',
      trigger: 'case_created',
      conditions: { in: ['refund', { var: 'case.subject' }] },
      actions: [
        { type: 'set_priority', priority: 'urgent' },
        { type: 'add_tags', tags: ['refund'] },
        { type: 'notify', to: 'staff', staff_ids: [w.supervisor.id], title: 'A refund came in' },
      ],
    });
    const refund = await openCase(w, 'Refund for my boots');
    const other = await openCase(w, 'Where is my parcel');
    await runJobs();
    await runJobs();

    const view = await viewOf(w, refund);
    expect(view.priority).toBe('urgent');
    expect(view.tags).toEqual(['refund']);
    const runs = await runsOf(w, refund);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.rule_id).toBe(ruleId);
    expect(runs[0]!.done.map((d) => d.summary)).toEqual([
      'set priority to urgent',
      'add tag refund',
      `notify ${w.supervisor.name} (1 person)`,
    ]);
    const ran = view.timeline.filter((e: { type: string }) => e.type === 'automation.ran');
    expect(ran).toHaveLength(1);
    expect(ran[0].data).toMatchObject({ rule_name: 'Refunds are urgent', trigger: 'case_created' });
    // The field change is marked as the rule's, so it cannot trigger the rule again.
    const update = view.timeline.find((e: { type: string }) => e.type === 'case.updated');
    expect(update.data.automation_rule_id).toBe(ruleId);
    const inbox = await call(t, w.supervisor, 'GET', '/api/v1/notifications');
    expect(inbox.body.items.map((n: { title: string }) => n.title)).toContain('A refund came in');

    expect(await runsOf(w, other)).toHaveLength(0);
    expect((await viewOf(w, other)).priority).toBe('normal');
  });

  it('runs once when the same job runs twice (idempotent per event)', async () => {
    const w = await makeWorkspace(t);
    await rule(w, {
      name: 'Tag new',
      trigger: 'case_created',
      actions: [{ type: 'add_tags', tags: ['new'] }],
    });
    const id = await openCase(w, 'Anything');
    const event = await t.deps.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('case_id', '=', id)
      .where('type', '=', 'case.created')
      .executeTakeFirstOrThrow();
    const payload = { workspace_id: w.ws.id, event: event.type, case_id: id, data: event.data as never };
    expect(await runAutomationsForEvent(t.deps, payload)).toBe(1);
    expect(await runAutomationsForEvent(t.deps, payload)).toBe(0);
    await runJobs(); // the queued job itself: still one run
    expect(await runsOf(w, id)).toHaveLength(1);
  });

  it('a rule whose action triggers its own trigger does not loop', async () => {
    const w = await makeWorkspace(t);
    await rule(w, {
      name: 'Never leave it on hold',
      trigger: 'status_changed',
      conditions: { '==': [{ var: 'event.status_to' }, 'on_hold'] },
      actions: [{ type: 'set_status', status: 'open' }],
    });
    await rule(w, {
      name: 'Any status change: tag it',
      trigger: 'status_changed',
      actions: [
        { type: 'set_status', status: 'pending' },
        { type: 'add_tags', tags: ['moved'] },
      ],
    });
    const id = await openCase(w, 'Ping pong');
    await call(t, w.agent, 'PATCH', `/api/v1/cases/${id}`, { status: 'on_hold' });
    for (let i = 0; i < 10; i++) await runJobs();

    const runs = await runsOf(w, id);
    const perRule = new Map<string, number>();
    for (const r of runs) perRule.set(r.rule_id, (perRule.get(r.rule_id) ?? 0) + 1);
    // The first rule only reacts to "on hold", which only the agent did: it runs once. The second
    // reacts to the first rule's change but never to its own: once for the agent's change, once
    // for the first rule's.
    expect([...perRule.values()].sort()).toEqual([1, 2]);
    const queued = await t.deps.pool.query(
      `select count(*)::int as n from graphile_worker.jobs where task_identifier = 'automation.run'`,
    );
    expect(queued.rows[0].n).toBe(0);
  });

  it('two rules that undo each other stop at the daily cap', async () => {
    const w = await makeWorkspace(t);
    const open = await rule(w, {
      name: 'Open it',
      trigger: 'status_changed',
      actions: [{ type: 'set_status', status: 'open' }],
    });
    const pend = await rule(w, {
      name: 'Pend it',
      trigger: 'status_changed',
      actions: [{ type: 'set_status', status: 'pending' }],
    });
    const id = await openCase(w, 'Tug of war');
    await call(t, w.agent, 'PATCH', `/api/v1/cases/${id}`, { status: 'on_hold' });
    for (let i = 0; i < 12; i++) await runJobs();
    const runs = await runsOf(w, id);
    expect(runs.filter((r) => r.rule_id === open)).toHaveLength(3);
    expect(runs.filter((r) => r.rule_id === pend)).toHaveLength(3);
  });
});

describe('customer replies and refused actions', () => {
  it('a customer reply fires customer_replied; the opening message and staff replies do not', async () => {
    const w = await makeWorkspace(t);
    await rule(w, {
      name: 'Customer wrote: tell the assignee',
      trigger: 'customer_replied',
      actions: [
        { type: 'add_tags', tags: ['customer-wrote'] },
        { type: 'notify', to: 'assignee', title: 'They wrote back' },
      ],
    });
    const id = await openCase(w, 'Question');
    await call(t, w.agent, 'PATCH', `/api/v1/cases/${id}`, { assignee_id: w.agent.id });
    await call(t, w.agent, 'POST', `/api/v1/cases/${id}/messages`, {
      body: 'Which one?',
      visibility: 'public',
    });
    await runJobs();
    expect(await runsOf(w, id)).toHaveLength(0);
    await call(t, w.alice, 'POST', `/api/v1/cases/${id}/messages`, {
      body: 'The green one',
      visibility: 'public',
    });
    await runJobs();
    const runs = await runsOf(w, id);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.done.map((d) => d.summary)).toEqual([
      'add tag customer-wrote',
      'notify the assignee (1 person)',
    ]);
  });

  it('an action the case refuses when applied is recorded once as a failed run, with nothing changed', async () => {
    const w = await makeWorkspace(t);
    const macro = await call(t, w.supervisor, 'POST', '/api/v1/macros', {
      name: 'Gone soon',
      body: 'Hello',
      kind: 'public',
      scope: 'shared',
    });
    await rule(w, {
      name: 'Tag and send',
      trigger: 'case_created',
      actions: [
        { type: 'add_tags', tags: ['tried'] },
        { type: 'send_macro', macro_id: macro.body.id },
      ],
    });
    // The macro is switched off after the rule was saved: sending it is refused at run time.
    const off = await call(t, w.supervisor, 'PATCH', `/api/v1/macros/${macro.body.id}`, { active: false });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    const id = await openCase(w, 'Anything');
    await runJobs();
    await runJobs();
    const runs = await runsOf(w, id);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.done).toEqual([]);
    expect(runs[0]!.error).toBeTruthy();
    expect((await viewOf(w, id)).tags).toEqual([]);
  });
});
