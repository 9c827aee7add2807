import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';
import type { Executor } from '../../infra/db.ts';

// cases.next_due_at is the soonest due time of the case's running targets, kept by triggers on
// case_sla (migration 20261123T1600) whatever writes the targets: these tests write them by hand.

let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await makeWorkspace(t);
});
afterAll(() => t.close());

const at = (h: number) => new Date(Date.UTC(2026, 2, 10, h));

async function openCase() {
  const res = await call(t, w.agent, 'POST', '/api/v1/cases', {
    subject: 'Due',
    body: 'Help',
    customer_id: w.alice.id,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const nextDue = async (caseId: string) =>
  (
    await t.deps.db
      .selectFrom('cases')
      .select('next_due_at')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow()
  ).next_due_at;

const target = (
  caseId: string,
  name: 'first_response' | 'resolution',
  due: Date | null,
  state = 'on_track',
  db: Executor = t.deps.db,
) =>
  sql`insert into case_sla (workspace_id, case_id, target, minutes, business, started_at, due_at, state)
    values (${w.ws.id}, ${caseId}, ${name}::sla_target, 60, false, ${at(0)}, ${due}, ${state}::sla_state)`.execute(
    db,
  );

/** Moves one of a case's targets to `state` (its due time kept, or cleared when paused). */
const setState = (caseId: string, name: 'first_response' | 'resolution', state: string) =>
  sql`update case_sla set state = ${state}::sla_state,
      due_at = case when ${state} = 'paused' then null else due_at end
    where case_id = ${caseId} and target = ${name}::sla_target`.execute(t.deps.db);

/** The next target as the case view presents it (the summary reads cases.sla_next). */
const slaNext = async (caseId: string) =>
  (await call(t, w.agent, 'GET', `/api/v1/cases/${caseId}`)).body.sla_next;

describe('a case’s next due time', () => {
  it('follows its running targets as they are added, met, paused, breached and removed', async () => {
    const id = await openCase();
    expect(await nextDue(id)).toBeNull();
    await target(id, 'resolution', at(20));
    expect(await nextDue(id)).toEqual(at(20));
    await target(id, 'first_response', at(9));
    expect(await nextDue(id)).toEqual(at(9));
    // A breached target still runs (it is the most overdue); a met or paused one does not.
    await setState(id, 'first_response', 'breached');
    expect(await nextDue(id)).toEqual(at(9));
    await setState(id, 'first_response', 'met');
    expect(await nextDue(id)).toEqual(at(20));
    await setState(id, 'resolution', 'paused');
    expect(await nextDue(id)).toBeNull();
    await sql`update case_sla set state = 'on_track', due_at = ${at(22)} where case_id = ${id}`.execute(
      t.deps.db,
    );
    expect(await nextDue(id)).toEqual(at(22));
    await sql`delete from case_sla where case_id = ${id}`.execute(t.deps.db);
    expect(await nextDue(id)).toBeNull();
  });

  it('keeps the next target a summary shows, running before paused, and lists show it', async () => {
    const id = await openCase();
    expect(await slaNext(id)).toBeNull();
    await target(id, 'resolution', at(20));
    await target(id, 'first_response', at(9));
    expect(await slaNext(id)).toEqual({
      target: 'first_response',
      due_at: at(9).toISOString(),
      state: 'on_track',
    });
    await setState(id, 'first_response', 'breached');
    expect(await slaNext(id)).toEqual({
      target: 'first_response',
      due_at: at(9).toISOString(),
      state: 'breached',
    });
    await setState(id, 'first_response', 'met');
    await setState(id, 'resolution', 'paused');
    expect(await slaNext(id)).toEqual({ target: 'resolution', due_at: null, state: 'paused' });
    const list = await call(t, w.agent, 'GET', '/api/v1/cases?limit=100');
    expect(list.body.items.find((c: { id: string }) => c.id === id).sla_next).toEqual({
      target: 'resolution',
      due_at: null,
      state: 'paused',
    });
    await sql`update case_sla set state = 'met' where case_id = ${id}`.execute(t.deps.db);
    expect(await slaNext(id)).toBeNull();
  });

  it('is written in UTC whatever the writing session’s time zone', async () => {
    const id = await openCase();
    await t.deps.db.transaction().execute(async (trx) => {
      await sql`set local time zone 'Pacific/Auckland'`.execute(trx);
      await target(id, 'resolution', new Date(Date.UTC(2026, 2, 10, 7, 30, 15, 123)), 'on_track', trx);
    });
    const stored = await sql<{
      due: string;
    }>`select sla_next->>'due_at' as due from cases where id = ${id}`.execute(t.deps.db);
    expect(stored.rows[0]!.due).toBe('2026-03-10T07:30:15.123000Z');
  });

  it('is kept for every case a statement touches, and leaves the others alone', async () => {
    const [a, b, c] = [await openCase(), await openCase(), await openCase()];
    await target(c, 'resolution', at(5));
    const versionOfC = async () =>
      (await t.deps.db.selectFrom('cases').select('version').where('id', '=', c).executeTakeFirstOrThrow())
        .version;
    const before = await versionOfC();
    await sql`insert into case_sla (workspace_id, case_id, target, minutes, business, started_at, due_at, state)
      select ${w.ws.id}, x.id, 'resolution', 60, false, ${at(0)}, ${at(12)}, 'on_track'
      from unnest(${[a, b]}::uuid[]) as x(id)`.execute(t.deps.db);
    expect([await nextDue(a), await nextDue(b), await nextDue(c)]).toEqual([at(12), at(12), at(5)]);
    // The version is the people's view of the case: a due time kept in the background never moves it.
    expect(await versionOfC()).toBe(before);
  });

  it('goes with the case when the case is deleted', async () => {
    const id = await openCase();
    await target(id, 'resolution', at(7));
    await sql`delete from cases where id = ${id}`.execute(t.deps.db);
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from case_sla where case_id = ${id}`.execute(t.deps.db);
    expect(left.rows[0]!.n).toBe(0);
  });
});
