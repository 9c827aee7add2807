import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';
import { recordAllPools, statementsWith, until } from '../../../test/statements.ts';
import { createRealtimeHub, type RealtimeHub } from '../../infra/realtime.ts';
import { createWorkspaceCache } from '../../infra/workspace-cache.ts';
import { workspaceCountersOf } from './counts.queries.ts';
import { countsFor, type WorkspaceCounters } from './counts.rules.ts';
import { COUNTS_KEEP_MS, queueCounts, solvedWindowStart } from './counts.service.ts';

let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await makeWorkspace(t);
});
afterAll(() => t.close());

const open = async (extra: Record<string, unknown> = {}) =>
  (
    await call(t, w.agent, 'POST', '/api/v1/cases', {
      subject: 's',
      body: 'b',
      customer_id: w.alice.id,
      ...extra,
    })
  ).body;

/** The truth the counters must match: a full group-by over the workspace's cases. */
async function recount(workspaceId: string) {
  const { rows } = await sql<{
    team_id: string | null;
    assignee_id: string | null;
    status: string;
    n: number;
  }>`
    select team_id, assignee_id, status::text, count(*)::int as n from cases where workspace_id = ${workspaceId}
    group by 1, 2, 3`.execute(t.deps.db);
  const { rows: kept } = await sql<{ team_key: string; assignee_key: string; status: string; n: number }>`
    select team_key, assignee_key, status::text, sum(n)::int as n from case_counts where workspace_id = ${workspaceId}
    group by 1, 2, 3 having sum(n) <> 0`.execute(t.deps.db);
  const nil = '00000000-0000-0000-0000-000000000000';
  const key = (team: string | null, assignee: string | null, status: string) =>
    `${team ?? nil}/${assignee ?? nil}/${status}`;
  return {
    truth: Object.fromEntries(rows.map((r) => [key(r.team_id, r.assignee_id, r.status), r.n])),
    kept: Object.fromEntries(kept.map((r) => [key(r.team_key, r.assignee_key, r.status), r.n])),
  };
}

describe('queue counts', () => {
  it('follow every create, assignment and status change', async () => {
    const a = await open({ team_id: w.team.id });
    const b = await open({ team_id: w.team.id, assignee_id: w.agent.id });
    const c = await open();
    await call(t, w.agent, 'PATCH', `/api/v1/cases/${c.id}`, { status: 'pending', assignee_id: w.agent.id });
    await call(t, w.agent, 'POST', `/api/v1/cases/${a.id}/messages`, { body: 'on it' });
    await call(t, w.agent, 'PATCH', `/api/v1/cases/${b.id}`, { status: 'solved' });
    const res = await call(t, w.agent, 'GET', '/api/v1/cases/counts');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      mine: 1,
      unassigned: 1,
      all_open: 1,
      pending: 1,
      on_hold: 0,
      solved_recently: 1,
    });
    expect(res.body.teams).toEqual([{ id: w.team.id, name: w.team.name, is_member: true, open: 1 }]);
    const other = await call(t, w.agent2, 'GET', '/api/v1/cases/counts');
    expect(other.body.mine).toBe(0);
    const { truth, kept } = await recount(w.ws.id);
    expect(kept).toEqual(truth);
  });

  it('stay exact under concurrent moves in opposite directions', async () => {
    const cases = await Promise.all(Array.from({ length: 6 }, () => open({ team_id: w.team.id })));
    await Promise.all(
      cases.map((c, i) =>
        call(t, i % 2 ? w.agent : w.agent2, 'PATCH', `/api/v1/cases/${c.id}`, {
          assignee_id: i % 2 ? w.agent2.id : w.agent.id,
          status: i % 3 ? 'pending' : 'on_hold',
        }),
      ),
    );
    const { truth, kept } = await recount(w.ws.id);
    expect(kept).toEqual(truth);
  });

  it('keep one row per agent’s key, whichever connection writes it', async () => {
    const cases = await Promise.all(
      Array.from({ length: 4 }, () => open({ team_id: w.team.id, assignee_id: w.agent2.id })),
    );
    // Four connections (four backends) each move one of the agent's cases there and back.
    const clients = await Promise.all(cases.map(() => t.deps.pool.connect()));
    try {
      await Promise.all(
        clients.map(async (client, i) => {
          await client.query(`update cases set status = 'pending' where id = $1`, [cases[i]!.id]);
          await client.query(`update cases set status = 'open' where id = $1`, [cases[i]!.id]);
        }),
      );
    } finally {
      for (const client of clients) client.release();
    }
    const rows = await sql<{ assignee_key: string; status: string; stripe: number }>`
      select assignee_key, status::text, stripe from case_counts
      where workspace_id = ${w.ws.id} and assignee_key = ${w.agent2.id}`.execute(t.deps.db);
    expect(rows.rows.length).toBeGreaterThan(0);
    expect(rows.rows.every((r) => r.stripe === 0)).toBe(true);
    const keys = rows.rows.map((r) => r.status);
    expect(new Set(keys).size).toBe(keys.length);
    const { truth, kept } = await recount(w.ws.id);
    expect(kept).toEqual(truth);
  });

  it('are for staff, and count only the caller’s workspace', async () => {
    expect((await call(t, w.alice, 'GET', '/api/v1/cases/counts')).status).toBe(403);
    const other = await makeWorkspace(t);
    const res = await call(t, other.agent, 'GET', '/api/v1/cases/counts');
    expect(res.body).toMatchObject({ mine: 0, unassigned: 0, all_open: 0, pending: 0, solved_recently: 0 });
    expect(res.body.teams.map((x: { id: string }) => x.id)).toEqual([other.team.id]);
  });

  it('are read in one statement (one round trip), planned once per connection', async () => {
    const rec = recordAllPools(t.deps.pool as pg.Pool);
    try {
      const counts = await queueCounts(
        t.deps,
        createWorkspaceCache({ hub: { watch: () => () => {} }, keepMs: COUNTS_KEEP_MS }),
        {
          kind: 'staff',
          workspaceId: w.ws.id,
          staffId: w.agent.id,
          role: 'agent',
          sessionId: 'test',
        },
      );
      expect(counts.teams.map((x) => x.id)).toEqual([w.team.id]);
    } finally {
      rec.restore();
    }
    expect(rec.sent).toHaveLength(1);
    // PostgreSQL's own choice planned it on every call on a large desk (counts.queries.ts).
    expect(rec.sent[0]?.options).toContain('plan_cache_mode=force_generic_plan');
  });

  it('are read once for all of a workspace’s staff while nothing changes, and show a write at once', async () => {
    const reads = (fn: () => Promise<unknown>) => statementsWith(t.deps.pool as pg.Pool, 'case_counts', fn);
    const counts = async (who = w.agent) => (await call(t, who, 'GET', '/api/v1/cases/counts')).body;
    // The app keeps nothing until its realtime feed listens (it connects as the app starts).
    await until(async () => (await reads(counts)) === 0 && (await reads(counts)) === 0);
    const before = await counts();
    expect(await reads(async () => Promise.all([counts(w.agent), counts(w.agent2), counts()]))).toBe(0);
    await open({ team_id: w.team.id });
    let after: Record<string, unknown> = {};
    expect(await reads(async () => (after = await counts()))).toBe(1);
    expect(after.all_open).toBe(before.all_open + 1);
  });

  it('are read again once this process flushed the workspace’s change, before the write answers', async () => {
    // A feed that listens but never hears anything: only the flush can tell this cache.
    const listening: RealtimeHub['watch'] = (watcher) => {
      watcher.onResync();
      return () => {};
    };
    const cache = createWorkspaceCache<number>({ hub: { watch: listening }, keepMs: COUNTS_KEEP_MS });
    let loads = 0;
    const get = () => cache.get(w.ws.id, '2026-01-01', async () => ++loads);
    try {
      expect([await get(), await get()]).toEqual([1, 1]);
      await open();
      expect(await get()).toBe(2);
    } finally {
      cache.close();
    }
  });

  it('are read again by another process once it hears the change on the realtime feed', async () => {
    const hub = createRealtimeHub({ clientConfig: t.deps.pool.options, log: t.deps.log });
    // Another process: it hears no flush of ours, and keeps its copy far longer than this test waits.
    const cache = createWorkspaceCache<WorkspaceCounters | null>({
      hub,
      flushes: () => () => {},
      keepMs: 60_000,
    });
    const day = solvedWindowStart(new Date());
    const read = async () =>
      countsFor(
        w.agent.id,
        (await cache.get(w.ws.id, day, () => workspaceCountersOf(t.deps.db, w.ws.id, day)))!,
      );
    try {
      // Until its feed listens it keeps nothing: wait until a second read of a probe is not a load.
      const probe = randomUUID();
      let loads = 0;
      const count = () =>
        cache.get(probe, day, async () => {
          loads++;
          return null;
        });
      await until(async () => {
        const n = loads;
        await count();
        await count();
        return loads === n + 1;
      });
      const before = await read();
      await open();
      await until(async () => (await read()).all_open === before.all_open + 1);
    } finally {
      cache.close();
      await hub.close();
    }
  });
});
