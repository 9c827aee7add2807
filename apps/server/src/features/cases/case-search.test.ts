import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';

// A case's subject words live in case_search, which triggers on cases keep (migration
// 20261202T0100_case_search): written when a case is opened and when its subject changes, and
// never by the updates every reply, assignment and recompute make.
let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await makeWorkspace(t);
});
afterAll(() => t.close());

type Row = { case_id: string; workspace_id: string; created_at: Date; words: string; version: string };
const rowsOf = async (caseIds: string[]) =>
  (
    await sql<Row>`select case_id, workspace_id, created_at, search::text as words, xmin::text as version
      from case_search where case_id = any(${caseIds}::uuid[]) order by created_at`.execute(t.deps.db)
  ).rows;

const found = async (q: string) =>
  (await call(t, w.agent, 'GET', `/api/v1/search?q=${encodeURIComponent(q)}`)).body.items.map(
    (h: { case: { id: string } }) => h.case.id,
  );

describe("a case's subject words", () => {
  it('are written for every case of a bulk insert, with its workspace and creation time', async () => {
    const { rows } = await sql<{ id: string; created_at: Date }>`
      insert into cases (workspace_id, number, channel, customer_id, subject, created_at)
      select ${w.ws.id}, 90000 + i, 'api', ${w.alice.id}, 'Kettle ' || i || ' whistles',
        now() - make_interval(hours => i)
      from generate_series(1, 3) i
      returning id, created_at`.execute(t.deps.db);
    const written = await rowsOf(rows.map((r) => r.id));
    expect(written).toHaveLength(3);
    for (const r of written) {
      const c = rows.find((x) => x.id === r.case_id)!;
      expect(r.workspace_id).toBe(w.ws.id);
      expect(r.created_at.getTime()).toBe(c.created_at.getTime());
      expect(r.words).toContain("'kettl'");
      expect(r.words).toContain("'whistl'");
    }
  });

  it('are not written again when a reply, a status change or an assignment changes the case', async () => {
    const opened = await call(t, w.agent, 'POST', '/api/v1/cases', {
      subject: 'Lantern glass cracked',
      body: 'It arrived cracked.',
      customer_id: w.alice.id,
    });
    const id = opened.body.id as string;
    const [before] = await rowsOf([id]);
    const reply = await call(t, w.agent, 'POST', `/api/v1/cases/${id}/messages`, {
      body: 'Sorry, a new one is on its way.',
    });
    expect(reply.status).toBe(201);
    const changed = await call(t, w.agent, 'PATCH', `/api/v1/cases/${id}`, {
      status: 'pending',
      assignee_id: w.agent.id,
    });
    expect(changed.status).toBe(200);
    const { rows: c } = await sql<{ version: number }>`select version from cases where id = ${id}`.execute(
      t.deps.db,
    );
    expect(c[0]!.version).toBeGreaterThan(1);
    // The same row version: no trigger wrote it.
    expect(await rowsOf([id])).toEqual([before]);
    expect(await found('lantern')).toEqual([id]);
  });

  it('follow a change of the subject, and go with the case', async () => {
    const opened = await call(t, w.agent, 'POST', '/api/v1/cases', {
      subject: 'Compass needle sticks',
      body: 'It points south.',
      customer_id: w.alice.id,
    });
    const id = opened.body.id as string;
    expect(await found('compass')).toEqual([id]);
    await sql`update cases set subject = 'Barometer reads low' where id = ${id}`.execute(t.deps.db);
    expect(await found('compass')).toEqual([]);
    expect(await found('barometer')).toEqual([id]);
    await sql`delete from cases where id = ${id}`.execute(t.deps.db);
    expect(await rowsOf([id])).toEqual([]);
  });
});
