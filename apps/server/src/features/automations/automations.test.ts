import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';

let t: TestContext;
let w: World;
let other: World;

beforeAll(async () => {
  t = await startTestApp();
  [w, other] = await Promise.all([makeWorkspace(t), makeWorkspace(t)]);
});
afterAll(() => t.close());

const refundRule = {
  name: 'Refunds are high priority',
  trigger: 'case_created',
  conditions: { in: ['refund', { var: 'case.subject' }] },
  actions: [
    { type: 'set_priority', priority: 'high' },
    { type: 'add_tags', tags: ['refund'] },
  ],
};

const countRules = async (of: World) =>
  (await call(t, of.supervisor, 'GET', '/api/v1/automations')).body.items.length as number;

describe('automation rules API', () => {
  it('managers write rules, supervisors read them, agents do neither', async () => {
    const created = await call(t, w.manager, 'POST', '/api/v1/automations', refundRule);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: refundRule.name,
      trigger: 'case_created',
      active: true,
      schedule: null,
    });
    const id = created.body.id as string;

    expect((await call(t, w.supervisor, 'GET', `/api/v1/automations/${id}`)).body.name).toBe(refundRule.name);
    expect((await call(t, w.supervisor, 'POST', '/api/v1/automations', refundRule)).status).toBe(403);
    expect((await call(t, w.agent, 'GET', '/api/v1/automations')).status).toBe(403);

    const second = await call(t, w.admin, 'POST', '/api/v1/automations', {
      name: 'Solve after 10 days pending',
      trigger: 'schedule',
      schedule: { status: 'pending', after_hours: 240 },
      actions: [{ type: 'set_status', status: 'solved' }],
    });
    expect(second.status).toBe(201);
    expect(second.body.position).toBeGreaterThan(created.body.position);

    const off = await call(t, w.manager, 'PATCH', `/api/v1/automations/${id}`, { active: false });
    expect(off.body.active).toBe(false);
    const renamed = await call(t, w.manager, 'PUT', `/api/v1/automations/${id}`, {
      ...refundRule,
      name: 'Refunds first',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Refunds first');

    const reordered = await call(t, w.manager, 'PUT', '/api/v1/automations/order', {
      ids: [second.body.id, id],
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.items.map((r: { id: string }) => r.id)).toEqual([second.body.id, id]);
    const partial = await call(t, w.manager, 'PUT', '/api/v1/automations/order', { ids: [id] });
    expect(partial.status).toBe(422);
    expect(partial.body.reason).toBe('reorder_mismatch');

    expect((await call(t, w.manager, 'DELETE', `/api/v1/automations/${second.body.id}`)).status).toBe(204);
    expect((await call(t, w.manager, 'GET', `/api/v1/automations/${second.body.id}`)).status).toBe(404);
  });

  it.each([
    ['unknown action type', { actions: [{ type: 'delete_everything' }] }, 'unknown_action_type'],
    [
      'unknown action field',
      { actions: [{ type: 'set_priority', priority: 'high', colour: 'red' }] },
      'invalid_action',
    ],
    ['bad status value', { actions: [{ type: 'set_status', status: 'vanished' }] }, 'invalid_action'],
    ['bad JSONLogic', { conditions: { log: 'x' } }, 'invalid_condition'],
    ['schedule rule without a schedule', { trigger: 'schedule' }, 'schedule_required'],
    [
      'schedule on an event rule',
      { schedule: { status: 'pending', after_hours: 5 } },
      'schedule_not_allowed',
    ],
  ])('refuses a rule with %s (422 %s) and stores nothing', async (_name, patch, reason) => {
    const before = await countRules(w);
    const res = await call(t, w.manager, 'POST', '/api/v1/automations', { ...refundRule, ...patch });
    expect(res.status).toBe(422);
    expect(res.body.reason).toBe(reason);
    expect(await countRules(w)).toBe(before);
  });

  it('refuses ids of another workspace as unknown', async () => {
    const cases = [
      [{ type: 'assign', team_id: other.team.id }, 'unknown_team'],
      [{ type: 'assign', assignee_id: other.agent.id }, 'unknown_staff'],
      [{ type: 'notify', to: 'staff', staff_ids: [other.supervisor.id], title: 'Hi' }, 'unknown_staff'],
      [{ type: 'send_macro', macro_id: other.team.id }, 'unknown_macro'],
    ] as const;
    for (const [action, reason] of cases) {
      const res = await call(t, w.manager, 'POST', '/api/v1/automations', {
        ...refundRule,
        actions: [action],
      });
      expect(res.status, JSON.stringify(action)).toBe(422);
      expect(res.body.reason).toBe(reason);
    }
    const ours = await call(t, w.manager, 'POST', '/api/v1/automations', {
      ...refundRule,
      actions: [{ type: 'assign', team_id: w.team.id, assignee_id: w.agent.id }],
    });
    expect(ours.status).toBe(201);
  });

  it('one workspace cannot see or change another’s rules (404)', async () => {
    const mine = await call(t, w.manager, 'POST', '/api/v1/automations', refundRule);
    const id = mine.body.id as string;
    const theirs = other.manager;
    expect((await call(t, theirs, 'GET', `/api/v1/automations/${id}`)).status).toBe(404);
    expect((await call(t, theirs, 'PUT', `/api/v1/automations/${id}`, refundRule)).status).toBe(404);
    expect((await call(t, theirs, 'PATCH', `/api/v1/automations/${id}`, { active: false })).status).toBe(404);
    expect((await call(t, theirs, 'DELETE', `/api/v1/automations/${id}`)).status).toBe(404);
    expect((await call(t, theirs, 'POST', '/api/v1/automations/dry-run', { rule_id: id })).status).toBe(404);
    const list = await call(t, theirs, 'GET', '/api/v1/automations');
    expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await call(t, w.manager, 'GET', `/api/v1/automations/${id}`)).body.active).toBe(true);

    const c = await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Mine', body: 'x' });
    expect((await call(t, other.agent, 'GET', `/api/v1/cases/${c.body.id}/automation-runs`)).status).toBe(
      404,
    );
  });
});

describe('dry run', () => {
  it('shows the matching recent cases and what each action would do, changing nothing', async () => {
    const d = await makeWorkspace(t);
    const refund = await call(t, d.alice, 'POST', '/api/v1/cases', { subject: 'Refund please', body: 'x' });
    await call(t, d.bob, 'POST', '/api/v1/cases', { subject: 'Boots too small', body: 'x' });
    const tagged = await call(t, d.agent, 'POST', '/api/v1/cases', {
      subject: 'Another refund',
      body: 'x',
      customer_id: d.bob.id,
      priority: 'high',
      tags: ['refund'],
    });
    const eventsBefore = await t.deps.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', d.ws.id)
      .executeTakeFirstOrThrow();

    const res = await call(t, d.manager, 'POST', '/api/v1/automations/dry-run', { rule: refundRule });
    expect(res.status).toBe(200);
    expect(res.body.considered).toBe(3);
    expect(res.body.matched).toBe(2);
    const byId = Object.fromEntries(res.body.cases.map((c: { case_id: string }) => [c.case_id, c]));
    expect(byId[refund.body.id].planned.map((s: { summary: string }) => s.summary)).toEqual([
      'set priority to high',
      'add tag refund',
    ]);
    expect(byId[tagged.body.id].planned).toEqual([]);
    expect(byId[tagged.body.id].skipped.map((s: { reason: string }) => s.reason)).toEqual([
      'already_so',
      'already_so',
    ]);

    const view = await call(t, d.agent, 'GET', `/api/v1/cases/${refund.body.id}`);
    expect(view.body).toMatchObject({ priority: 'normal', tags: [] });
    const eventsAfter = await t.deps.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', d.ws.id)
      .executeTakeFirstOrThrow();
    expect(Number(eventsAfter.n)).toBe(Number(eventsBefore.n));
    expect(await countRules(d)).toBe(0);

    const bad = await call(t, d.manager, 'POST', '/api/v1/automations/dry-run', {
      rule: { ...refundRule, actions: [{ type: 'explode' }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.reason).toBe('unknown_action_type');
  });
});
