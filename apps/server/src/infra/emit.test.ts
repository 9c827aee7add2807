import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/app.ts';
import { call, makeWorkspace } from '../../test/factories.ts';
import { createEmitter } from './emit.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('emit', () => {
  it('queues each subscriber once per case when it says so, and only for the events it wants', async () => {
    const w = await makeWorkspace(t);
    const emit = createEmitter({
      'case.created': [{ task: 'test.recompute', perCase: true }, 'test.every'],
      'message.added': [
        { task: 'test.recompute', perCase: true },
        {
          task: 'test.staff_public',
          when: (e, actor) => actor.kind === 'staff' && e.data?.visibility === 'public',
        },
      ],
    });
    const opened = await call(t, w.agent, 'POST', '/api/v1/cases', {
      subject: 'Emit',
      body: 'Hello',
      customer_id: w.alice.id,
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.id as string;
    const ctx = (kind: 'staff' | 'customer') => ({
      workspaceId: w.ws.id,
      actor: { kind, id: kind === 'staff' ? w.agent.id : w.alice.id },
      at: new Date(),
    });
    await t.deps.db.transaction().execute(async (trx) => {
      await emit(trx, ctx('customer'), [
        { type: 'case.created', case_id: caseId },
        { type: 'message.added', case_id: caseId, data: { visibility: 'public' } },
      ]);
      await emit(trx, ctx('staff'), [
        { type: 'message.added', case_id: caseId, data: { visibility: 'internal' } },
        { type: 'message.added', case_id: caseId, data: { visibility: 'public' } },
      ]);
    });
    const jobs = await sql<{ task: string; n: number }>`
      select t.identifier as task, count(*)::int as n
      from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier like 'test.%' and j.payload->>'case_id' = ${caseId}
      group by 1 order by 1`.execute(t.deps.db);
    // recompute: once per emit call (two calls); every: once; staff_public: the public staff message only.
    expect(jobs.rows).toEqual([
      { task: 'test.every', n: 1 },
      { task: 'test.recompute', n: 2 },
      { task: 'test.staff_public', n: 1 },
    ]);
    const events = await sql<{
      n: number;
    }>`select count(*)::int as n from events where case_id = ${caseId} and type in ('case.created', 'message.added')`.execute(
      t.deps.db,
    );
    expect(events.rows[0]?.n).toBeGreaterThanOrEqual(4);
  });
});
