import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';
import { fixedClock } from '../../infra/clock.ts';
import { seedDemoSla, sweepSla } from './index.ts';

// The demo's service levels are set up over a history that has been running for weeks: the
// breaches in that history are recorded at once and their notifications are not news.

// Tuesday 10 March 2026, 09:00 in London.
const clock = fixedClock(new Date('2026-03-10T09:00:00Z'));
let t: TestContext;
let w: World;
let caseId: string;

beforeAll(async () => {
  t = await startTestApp({ clock });
  w = await makeWorkspace(t);
  // A case from last week, never answered: both of its targets ran out days ago.
  clock.set(new Date('2026-03-03T09:00:00Z'));
  const opened = await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Old', body: 'Anyone?' });
  expect(opened.status).toBe(201);
  caseId = opened.body.id;
  const assigned = await call(t, w.agent, 'PATCH', `/api/v1/cases/${caseId}`, {
    team_id: w.team.id,
    assignee_id: w.agent.id,
  });
  expect(assigned.status).toBe(200);
  clock.set(new Date('2026-03-10T09:00:00Z'));
  await seedDemoSla(t.deps, w.ws.id);
});
afterAll(() => t.close());

const notificationsOf = async (who: World['agent']) => {
  const res = await call(t, who, 'GET', '/api/v1/notifications');
  expect(res.status).toBe(200);
  return res.body as { items: { kind: string; read_at: string | null }[]; unread: number };
};

describe('the demo’s service levels', () => {
  it('record the history’s breaches on the case', async () => {
    const view = await call(t, w.agent, 'GET', `/api/v1/cases/${caseId}`);
    const types = view.body.timeline.map((e: { type: string }) => e.type);
    expect(types.filter((x: string) => x === 'sla.breached')).toHaveLength(2);
  });

  it('tell the people concerned, as already seen, and leave nothing for the first sweep', async () => {
    const before = await notificationsOf(w.agent);
    expect(before.items.filter((n) => n.kind === 'sla_breached')).toHaveLength(2);
    expect(before.unread).toBe(0);
    expect(await sweepSla(t.deps)).toBe(0);
    expect((await notificationsOf(w.agent)).unread).toBe(0);
  });
});
