import { Logger, runOnce } from 'graphile-worker';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type Person, type World } from '../../../test/factories.ts';
import { jobs } from '../../jobs.ts';

// Helpers for the routing integration tests (not a test file itself).

export async function routingWorld(
  t: TestContext,
  mode: 'round_robin' | 'load_balanced',
  capacity: number,
  online: 'both' | 'first' | 'none' = 'both',
) {
  const w = await makeWorkspace(t);
  const put = await call(t, w.admin, 'PUT', `/api/v1/teams/${w.team.id}/routing`, {
    mode,
    default_capacity: capacity,
  });
  expect(put.status).toBe(200);
  const who = { both: [w.agent, w.agent2], first: [w.agent], none: [] }[online];
  for (const a of who) await setAvailability(t, a, 'online');
  return w;
}

export async function setAvailability(t: TestContext, who: Person, status: 'online' | 'away' | 'offline') {
  const res = await call(t, who, 'PUT', '/api/v1/staff/me/availability', { status });
  expect(res.status).toBe(200);
}

export async function openCases(
  t: TestContext,
  w: World,
  n: number,
  extra: Record<string, unknown> | ((i: number) => Record<string, unknown>) = {},
) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await call(t, w.agent, 'POST', '/api/v1/cases', {
      subject: `Case ${i}`,
      body: 'Help',
      customer_id: w.alice.id,
      team_id: w.team.id,
      ...(typeof extra === 'function' ? extra(i) : extra),
    });
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  return ids;
}

/** case id -> assignee id (or null), for the workspace. */
export async function assignees(t: TestContext, w: World) {
  const rows = await t.deps.db
    .selectFrom('cases')
    .select(['id', 'assignee_id'])
    .where('workspace_id', '=', w.ws.id)
    .execute();
  return new Map(rows.map((r) => [r.id, r.assignee_id]));
}

/** How many cases each agent holds. */
export function loads(map: Map<string, string | null>) {
  const per = new Map<string, number>();
  for (const a of map.values()) if (a) per.set(a, (per.get(a) ?? 0) + 1);
  return per;
}

/** The workspace's case.routed events, oldest first. */
export const routedEvents = (t: TestContext, w: World) =>
  t.deps.db
    .selectFrom('events')
    .select([
      'case_id',
      sql<string | null>`data->>'assignee_id'`.as('assignee_id'),
      sql<string>`data->>'explanation'`.as('explanation'),
    ])
    .where('workspace_id', '=', w.ws.id)
    .where('type', '=', 'case.routed')
    .orderBy('id')
    .execute();

/** Runs the queued routing jobs (and what they queue) until none is left. */
export async function runRoutingJobs(t: TestContext) {
  const all = jobs(t.deps);
  await runOnce({
    pgPool: t.deps.pool,
    taskList: {
      'routing.assign': all['routing.assign']!,
      'routing.drain': all['routing.drain']!,
    },
    logger: new Logger(() => () => {}),
  });
}
