import { Kysely, PostgresDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type World } from '../../../test/factories.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../infra/actor.ts';
import { fixedClock } from '../../infra/clock.ts';
import type { DB } from '../../infra/db.ts';
import { getCase, getMessage } from './case-view.service.ts';

const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
let t: TestContext;
let w: World;
let other: World;
let caseId: string;
let replyId: string;

beforeAll(async () => {
  t = await startTestApp({ clock });
  w = await makeWorkspace(t);
  other = await makeWorkspace(t);
  const c = await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Stove', body: 'It clicks.' });
  caseId = c.body.id;
  clock.advance(60_000);
  await call(t, w.agent, 'POST', `/api/v1/cases/${caseId}/messages`, { body: 'n', visibility: 'internal' });
  const reply = await call(t, w.agent, 'POST', `/api/v1/cases/${caseId}/messages`, { body: 'On it.' });
  replyId = reply.body.id;
});
afterAll(() => t.close());

const asStaff = (ws: World, id: string): Actor => ({
  kind: 'staff',
  workspaceId: ws.ws.id,
  staffId: id,
  role: 'agent',
  sessionId: 'test',
});
const asCustomer = (ws: World, id: string): Actor => ({
  kind: 'customer',
  workspaceId: ws.ws.id,
  customerId: id,
  sessionId: 'test',
});

/** The app's deps with a Kysely on the same pool that counts the statements it sends. */
function counting(): { deps: Deps; statements: string[] } {
  const statements: string[] = [];
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: t.deps.pool }),
    log: (e) => {
      statements.push(e.query.sql);
    },
  });
  return { deps: { ...t.deps, db }, statements };
}

describe('the case view in one statement', () => {
  it('reads a case for staff, for its customer and as just opened in one statement each', async () => {
    const shapes: [Actor, { justOpened?: { withAttachments: boolean } }][] = [
      [asStaff(w, w.agent.id), {}],
      [asCustomer(w, w.alice.id), {}],
      [asStaff(w, w.agent.id), { justOpened: { withAttachments: false } }],
      [asCustomer(w, w.alice.id), { justOpened: { withAttachments: true } }],
    ];
    for (const [actor, opts] of shapes) {
      const { deps, statements } = counting();
      const view = await getCase(deps, actor, caseId, opts);
      expect(statements).toHaveLength(1);
      expect(view.messages.length).toBe(actor.kind === 'customer' ? 2 : 3);
    }
    const { deps, statements } = counting();
    const m = await getMessage(deps, caseId, replyId);
    expect(statements).toHaveLength(1);
    expect(m).toMatchObject({ id: replyId, body: 'On it.', author: { kind: 'staff', name: w.agent.name } });
  });

  it('gives back timestamps as PostgreSQL stores them, cut to the millisecond like the driver does', async () => {
    await sql`update messages set created_at = ${new Date('2026-11-23T09:00:00Z')}::timestamptz
      + interval '123987 microseconds' where case_id = ${caseId} and body = 'It clicks.'`.execute(t.deps.db);
    const view = await getCase(t.deps, asCustomer(w, w.alice.id), caseId);
    expect(view.messages[0]?.created_at).toBe('2026-11-23T09:00:00.123Z');
    expect(view.timeline[0]?.created_at).toBe('2026-11-23T09:00:00.000Z');
  });

  it('judges service levels now and shows the other staff seen lately, never oneself', async () => {
    await sql`delete from case_sla where case_id = ${caseId}`.execute(t.deps.db);
    const at = (iso: string) => new Date(iso);
    await sql`insert into case_sla (workspace_id, case_id, target, minutes, business, started_at, due_at, warn_at, state, met_at)
      values (${w.ws.id}, ${caseId}, 'resolution', 60, false, ${at('2026-11-23T09:00:00Z')},
                ${at('2026-11-23T10:00:00.5Z')}, ${at('2026-11-23T09:00:30Z')}, 'on_track', null),
             (${w.ws.id}, ${caseId}, 'first_response', 60, false, ${at('2026-11-23T09:00:00Z')},
                ${at('2026-11-23T09:00:30Z')}, null, 'on_track', null),
             (${w.ws.id}, ${caseId}, 'next_response', 60, false, ${at('2026-11-23T09:00:00Z')}, null, null, 'paused', null)`.execute(
      t.deps.db,
    );
    await call(t, w.agent2, 'PUT', `/api/v1/cases/${caseId}/presence`, { state: 'replying' });
    await call(t, w.agent, 'PUT', `/api/v1/cases/${caseId}/presence`, { state: 'viewing' });
    const view = await getCase(t.deps, asStaff(w, w.agent.id), caseId);
    // Stored as on_track, but the clock (09:01) is past the first response's due time.
    expect(view.sla).toEqual([
      { target: 'first_response', due_at: '2026-11-23T09:00:30.000Z', state: 'breached' },
      { target: 'next_response', due_at: null, state: 'paused' },
      { target: 'resolution', due_at: '2026-11-23T10:00:00.500Z', state: 'at_risk' },
    ]);
    expect(view.viewers).toEqual([
      { id: w.agent2.id, name: w.agent2.name, state: 'replying', seen_at: clock.now().toISOString() },
    ]);
    expect((await getCase(t.deps, asCustomer(w, w.alice.id), caseId)).sla).toEqual([]);
    clock.advance(31_000);
    expect((await getCase(t.deps, asStaff(w, w.agent.id), caseId)).viewers).toEqual([]);
  });

  it("never reads another workspace's case or another customer's", async () => {
    await expect(getCase(t.deps, asStaff(other, other.agent.id), caseId)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(getCase(t.deps, asCustomer(w, w.bob.id), caseId)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(getMessage(t.deps, caseId, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
