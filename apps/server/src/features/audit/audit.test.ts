import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';

let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await makeWorkspace(t);
  const c = (
    await call(t, w.agent, 'POST', '/api/v1/cases', {
      subject: 'Audit me',
      body: 'Please.',
      customer_id: w.alice.id,
    })
  ).body;
  await call(t, w.agent, 'PATCH', `/api/v1/cases/${c.id}`, { priority: 'high' });
});
afterAll(() => t.close());

/** Events are chained after commit (by the `events.seal` job, or by verification); seal them now. */
const seal = (workspaceId: string) => sql`select seal_events(${workspaceId}::uuid)`.execute(t.deps.db);

describe('the audit trail', () => {
  it('is intact after normal work, and only admins may check it', async () => {
    const res = await call(t, w.admin, 'GET', '/api/v1/audit/verify');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ intact: true, first_broken_seq: null });
    expect(res.body.events_checked).toBeGreaterThan(5);
    expect((await call(t, w.agent, 'GET', '/api/v1/audit/verify')).status).toBe(403);
    expect((await call(t, w.alice, 'GET', '/api/v1/audit/verify')).status).toBe(403);
  });

  it('detects an edited event, and another workspace’s chain is unaffected', async () => {
    const other = await makeWorkspace(t);
    await seal(w.ws.id);
    await sql`update events set data = jsonb_set(data, '{changes,priority,1}', '"low"') where workspace_id = ${w.ws.id} and type = 'case.updated'`.execute(
      t.deps.db,
    );
    const broken = await call(t, w.admin, 'GET', '/api/v1/audit/verify');
    expect(broken.body.intact).toBe(false);
    const seq = await t.deps.db
      .selectFrom('events')
      .select('seq')
      .where('workspace_id', '=', w.ws.id)
      .where('type', '=', 'case.updated')
      .executeTakeFirstOrThrow();
    expect(broken.body.first_broken_seq).toBe(seq.seq);
    expect((await call(t, other.admin, 'GET', '/api/v1/audit/verify')).body.intact).toBe(true);
  });

  it('detects a deleted event', async () => {
    const x = await makeWorkspace(t);
    await seal(x.ws.id);
    await sql`delete from events where workspace_id = ${x.ws.id} and seq = 3`.execute(t.deps.db);
    const res = await call(t, x.admin, 'GET', '/api/v1/audit/verify');
    expect(res.body).toMatchObject({ intact: false, first_broken_seq: 4 });
  });

  it('detects events removed from the end of the chain', async () => {
    const x = await makeWorkspace(t);
    await seal(x.ws.id);
    await sql`delete from events where workspace_id = ${x.ws.id} and seq = (select max(seq) from events where workspace_id = ${x.ws.id})`.execute(
      t.deps.db,
    );
    expect((await call(t, x.admin, 'GET', '/api/v1/audit/verify')).body.intact).toBe(false);
  });

  it('seals events written after a verification onto the same chain, in write order', async () => {
    const x = await makeWorkspace(t);
    expect((await call(t, x.admin, 'GET', '/api/v1/audit/verify')).body.intact).toBe(true);
    const c = (
      await call(t, x.agent, 'POST', '/api/v1/cases', {
        subject: 'Later',
        body: 'More.',
        customer_id: x.alice.id,
      })
    ).body;
    const unsealed = await t.deps.db
      .selectFrom('events')
      .select(['id', 'seq'])
      .where('workspace_id', '=', x.ws.id)
      .where('case_id', '=', c.id)
      .orderBy('id')
      .execute();
    expect(unsealed.length).toBe(2);
    expect(unsealed.every((e) => e.seq === null)).toBe(true);
    const res = await call(t, x.admin, 'GET', '/api/v1/audit/verify');
    expect(res.body).toMatchObject({ intact: true, first_broken_seq: null });
    const sealed = await t.deps.db
      .selectFrom('events')
      .select(['id', 'seq'])
      .where('workspace_id', '=', x.ws.id)
      .where('case_id', '=', c.id)
      .orderBy('id')
      .execute();
    expect(sealed[1]!.seq).toBe(sealed[0]!.seq! + 1);
    expect(res.body.last_seq).toBe(sealed[1]!.seq);
  });
});
