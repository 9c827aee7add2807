import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace } from '../../../test/factories.ts';
import { fixedClock } from '../../infra/clock.ts';
import { raisePriority } from '../../jobs.ts';
import { recomputeCaseSla, seedDemoSla, sweepSla } from './index.ts';

// Tuesday 10 March 2026, 09:00 in London.
const clock = fixedClock(new Date('2026-03-10T09:00:00Z'));
let t: TestContext;

beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(() => t.close());

it('a breach raises the priority when the policy says so, as the system', async () => {
  const w = await makeWorkspace(t);
  await seedDemoSla(t.deps, w.ws.id);
  await t.deps.db
    .updateTable('sla_policies')
    .set({ raise_priority_on_breach: true })
    .where('workspace_id', '=', w.ws.id)
    .execute();
  const opened = await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Stove leaks', body: 'Help' });
  const id = opened.body.id as string;
  await recomputeCaseSla(t.deps, w.ws.id, id);

  clock.set(new Date('2026-03-10T17:01:00Z')); // first response (8 business hours) is late
  await sweepSla(t.deps, raisePriority(t.deps));
  const view = await call(t, w.agent, 'GET', `/api/v1/cases/${id}`);
  expect(view.body.priority).toBe('high');
  const raised = view.body.timeline.find(
    (e: { type: string; data: { changes?: Record<string, unknown> } }) =>
      e.type === 'case.updated' && e.data.changes?.priority,
  );
  expect(raised.data.changes.priority).toEqual(['normal', 'high']);
  expect(raised.actor.kind).toBe('system');

  await sweepSla(t.deps, raisePriority(t.deps)); // once only
  expect((await call(t, w.agent, 'GET', `/api/v1/cases/${id}`)).body.priority).toBe('high');
});
