import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace } from '../../../test/factories.ts';
import { fixedClock } from '../../infra/clock.ts';
import { automationFixtures } from './automations.fixtures.ts';
import { automationSweepJob } from './index.ts';

const clock = fixedClock(new Date('2026-11-02T09:00:00Z'));
const HOUR = 3_600_000;
let t: TestContext;

beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(() => t.close());

const { runJobs, rule, openCase, runsOf, viewOf } = automationFixtures(() => t);

const sweep = () => automationSweepJob(t.deps)({}, {} as never);

describe('schedule rules', () => {
  it('remind after 5 days pending, solve after 10, each once per time in pending', async () => {
    const w = await makeWorkspace(t);
    const macro = await call(t, w.supervisor, 'POST', '/api/v1/macros', {
      name: 'Reminder',
      body: 'Hi {{customer.first_name}}, we are still waiting for your answer.',
      kind: 'public',
      scope: 'shared',
    });
    expect(macro.status, JSON.stringify(macro.body)).toBe(201);
    const remind = await rule(w, {
      name: 'Remind after 5 days',
      trigger: 'schedule',
      schedule: { status: 'pending', after_hours: 120 },
      actions: [{ type: 'send_macro', macro_id: macro.body.id }],
    });
    const solve = await rule(w, {
      name: 'Solve after 10 days',
      trigger: 'schedule',
      schedule: { status: 'pending', after_hours: 240 },
      actions: [{ type: 'set_status', status: 'solved' }],
    });
    const id = await openCase(w, 'Tent question');
    const start = clock.now().getTime();
    await call(t, w.agent, 'POST', `/api/v1/cases/${id}/messages`, {
      body: 'Which size?',
      visibility: 'public',
    });
    await call(t, w.agent, 'PATCH', `/api/v1/cases/${id}`, { status: 'pending' });
    const at = (hours: number) => clock.set(new Date(start + hours * HOUR));

    at(119);
    await sweep();
    expect(await runsOf(w, id)).toHaveLength(0);

    at(121);
    await sweep();
    await sweep();
    let runs = await runsOf(w, id);
    expect(runs.map((r) => r.rule_id)).toEqual([remind]);
    const view = await viewOf(w, id);
    expect(view.status).toBe('pending');
    const last = view.messages.at(-1);
    expect(last.author.kind).toBe('system');
    expect(last.body).toContain('we are still waiting for your answer');

    at(241);
    await sweep();
    runs = await runsOf(w, id);
    expect(runs.map((r) => r.rule_id).sort()).toEqual([remind, solve].sort());
    expect((await viewOf(w, id)).status).toBe('solved');
    await runJobs(); // the status change it made triggers nothing more
    expect(await runsOf(w, id)).toHaveLength(2);
  });

  it('a case that leaves the status and comes back counts from its new entry', async () => {
    const w = await makeWorkspace(t);
    await rule(w, {
      name: 'Nudge on hold',
      trigger: 'schedule',
      schedule: { status: 'on_hold', after_hours: 2 },
      actions: [{ type: 'add_tags', tags: ['nudged'] }],
    });
    const id = await openCase(w, 'On and off hold');
    const start = clock.now().getTime();
    await call(t, w.agent, 'PATCH', `/api/v1/cases/${id}`, { status: 'on_hold' });
    clock.set(new Date(start + 1 * HOUR));
    await call(t, w.agent, 'PATCH', `/api/v1/cases/${id}`, { status: 'open' });
    clock.set(new Date(start + 1.5 * HOUR));
    await call(t, w.agent, 'PATCH', `/api/v1/cases/${id}`, { status: 'on_hold' });
    clock.set(new Date(start + 3 * HOUR));
    await sweep();
    expect(await runsOf(w, id)).toHaveLength(0);
    clock.set(new Date(start + 3.6 * HOUR));
    await sweep();
    expect(await runsOf(w, id)).toHaveLength(1);
  });
});
