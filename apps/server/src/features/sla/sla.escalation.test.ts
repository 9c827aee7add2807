import type { JobHelpers } from 'graphile-worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type Person } from '../../../test/factories.ts';
import { fixedClock } from '../../infra/clock.ts';
import { jobs } from '../../jobs.ts';
import { recomputeCaseSla, seedDemoSla } from './index.ts';

// Tuesday 10 March 2026, 09:00 in London; a normal case's first response is due at 17:00, warned at 16:30.
const clock = fixedClock(new Date('2026-03-10T09:00:00Z'));
let t: TestContext;

beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(() => t.close());

type Listed = { kind: string; title: string; case: { id: string } | null; data: Record<string, unknown> };
const notificationsOf = async (p: Person) => {
  const res = await call(t, p, 'GET', '/api/v1/notifications');
  expect(res.status).toBe(200);
  return res.body.items as Listed[];
};

it('a breach notifies the assignee and the team’s supervisor, and the event records who was told', async () => {
  const w = await makeWorkspace(t);
  await seedDemoSla(t.deps, w.ws.id);
  const lead = await call(t, w.admin, 'POST', '/api/v1/staff', {
    email: `sam.${w.ws.id.slice(0, 8)}@example.test`,
    name: 'Sam Lead',
    role: 'supervisor',
    password: 'sam password 1',
    team_ids: [w.team.id],
  });
  expect(lead.status).toBe(201);
  const signIn = await call(t, null, 'POST', '/api/v1/sessions', {
    email: lead.body.email,
    password: 'sam password 1',
  });
  expect(signIn.status).toBe(201);
  const sam: Person = { ...lead.body, token: signIn.body.token };
  const opened = await call(t, w.agent, 'POST', '/api/v1/cases', {
    subject: 'Stove leaks',
    body: 'Help',
    customer_id: w.alice.id,
    team_id: w.team.id,
    assignee_id: w.agent.id,
  });
  expect(opened.status).toBe(201);
  const caseId = opened.body.id as string;
  await recomputeCaseSla(t.deps, w.ws.id, caseId);
  const timer = () =>
    jobs(t.deps)['sla.timer']!({ workspace_id: w.ws.id, case_id: caseId }, {} as JobHelpers);
  const timeline = async () =>
    (await call(t, w.agent, 'GET', `/api/v1/cases/${caseId}`)).body.timeline as {
      type: string;
      data: Record<string, unknown>;
    }[];

  clock.set(new Date('2026-03-10T16:31:00Z'));
  await timer();
  const warning = (await timeline()).find((e) => e.type === 'sla.warning');
  expect(warning?.data).toMatchObject({
    target: 'first_response',
    notified: [{ staff_id: w.agent.id, name: w.agent.name }],
  });
  expect(await notificationsOf(w.agent)).toMatchObject([
    { kind: 'sla_warning', title: 'First response target at risk', case: { id: caseId } },
  ]);
  expect(await notificationsOf(sam)).toEqual([]);

  clock.set(new Date('2026-03-10T17:01:00Z'));
  await timer();
  await timer(); // again: the breach is recorded, and told, once
  const breaches = (await timeline()).filter((e) => e.type === 'sla.breached');
  expect(breaches).toHaveLength(1);
  expect(breaches[0]?.data.notified).toEqual([
    { staff_id: w.agent.id, name: w.agent.name },
    { staff_id: sam.id, name: 'Sam Lead' },
  ]);
  const agentSees = await notificationsOf(w.agent);
  expect(agentSees.map((n) => n.kind)).toEqual(['sla_breached', 'sla_warning']);
  expect(await notificationsOf(sam)).toMatchObject([
    {
      kind: 'sla_breached',
      title: 'First response target breached',
      case: { id: caseId },
      data: { target: 'first_response', due_at: '2026-03-10T17:00:00.000Z' },
    },
  ]);
  // The workspace's own supervisor is not told (the team has one), nor the team's other agent.
  expect(await notificationsOf(w.supervisor)).toEqual([]);
  expect(await notificationsOf(w.agent2)).toEqual([]);
});

it('a breach of an unassigned case without a team goes to the workspace’s supervisors', async () => {
  clock.set(new Date('2026-03-10T09:00:00Z'));
  const w = await makeWorkspace(t);
  await seedDemoSla(t.deps, w.ws.id);
  const opened = await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Tent torn', body: 'Help' });
  await recomputeCaseSla(t.deps, w.ws.id, opened.body.id);
  clock.set(new Date('2026-03-10T17:01:00Z'));
  await jobs(t.deps)['sla.timer']!({ workspace_id: w.ws.id, case_id: opened.body.id }, {} as JobHelpers);
  const view = await call(t, w.supervisor, 'GET', `/api/v1/cases/${opened.body.id}`);
  const breach = view.body.timeline.find((e: { type: string }) => e.type === 'sla.breached');
  expect(breach.data.notified).toEqual([{ staff_id: w.supervisor.id, name: w.supervisor.name }]);
  expect((await notificationsOf(w.supervisor)).map((n) => n.kind)).toEqual(['sla_breached']);
});
