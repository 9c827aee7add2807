import { Kysely, PostgresDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type Person, type World } from '../../../test/factories.ts';
import { openStream } from '../../../test/sse.ts';
import { emit } from '../../events.ts';
import type { DB } from '../../infra/db.ts';
import { startOutboxSweeper } from '../../infra/outbox.ts';

const connect = openStream;

let t: TestContext;
let a: World;
let b: World;
let base: string;
beforeAll(async () => {
  t = await startTestApp();
  a = await makeWorkspace(t);
  b = await makeWorkspace(t);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

const openCase = async (as: Person, subject: string) => {
  const res = await call(t, as, 'POST', '/api/v1/cases', { subject, body: 'Please help.' });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
};

/** Lets notifications committed just now arrive before asserting that something did not. */
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('GET /api/v1/stream', () => {
  it('answers an event stream and refuses anyone not signed in', async () => {
    const anon = await fetch(`${base}/api/v1/stream`);
    expect(anon.status).toBe(401);
    expect(((await anon.json()) as { reason: string }).reason).toBe('not_signed_in');
    const s = await connect(base, a.agent);
    expect(s.res.status).toBe(200);
    expect(s.res.headers.get('content-type')).toContain('text/event-stream');
    expect(s.raw()).toContain('retry: 3000');
    await s.close();
  });

  it('shows staff a case created by someone else, by cookie as a browser sends it', async () => {
    const s = await connect(base, a.agent, 'cookie');
    const created = await openCase(a.alice, 'Live one');
    const got = await s.waitFor((e) => e.event === 'case.created' && e.data.case_id === created.id);
    expect(got.data).toMatchObject({
      workspace_id: a.ws.id,
      type: 'case.created',
      actor: { kind: 'customer', id: a.alice.id },
      data: { customer_id: a.alice.id },
    });
    await s.waitFor((e) => e.event === 'message.added' && e.data.case_id === created.id);
    // A change by another agent names the changed fields, never their values.
    const patched = await call(t, a.agent2, 'PATCH', `/api/v1/cases/${created.id}`, { priority: 'high' });
    expect(patched.status).toBe(200);
    const updated = await s.waitFor((e) => e.event === 'case.updated' && e.data.case_id === created.id);
    expect(updated.data.data).toEqual({ changes: ['priority'] });
    await s.close();
  });

  it('shows a customer the public reply on their case, not the internal note or others’ cases', async () => {
    const mine = await openCase(a.alice, 'My parcel');
    const theirs = await openCase(a.bob, 'His parcel');
    const s = await connect(base, a.alice);
    const note = await call(t, a.agent, 'POST', `/api/v1/cases/${mine.id}/messages`, {
      body: 'She ordered twice, check first.',
      visibility: 'internal',
    });
    expect(note.status).toBe(201);
    await call(t, a.agent, 'PATCH', `/api/v1/cases/${mine.id}`, { tags: ['vip'], priority: 'urgent' });
    await call(t, a.agent, 'POST', `/api/v1/cases/${theirs.id}/messages`, { body: 'Hello Bob' });
    const reply = await call(t, a.agent, 'POST', `/api/v1/cases/${mine.id}/messages`, {
      body: 'On its way.',
    });
    expect(reply.status).toBe(201);
    const heard = await s.waitFor((e) => e.event === 'message.added' && e.data.case_id === mine.id);
    expect(heard.data.data).toEqual({ visibility: 'public', message_id: reply.body.id });
    // The reply opened the case (new -> open): a status change the customer may see.
    const status = await s.waitFor((e) => e.event === 'case.updated' && e.data.case_id === mine.id);
    expect(status.data.data).toEqual({ changes: ['status'] });
    await settle();
    const seen = s.events.filter((e) => e.event !== 'ready');
    expect(seen.every((e) => e.data.case_id === mine.id)).toBe(true);
    expect(seen.some((e) => e.data.message_id === note.body.id)).toBe(false);
    expect(seen.some((e) => e.data.visibility === 'internal')).toBe(false);
    expect(seen.map((e) => e.event)).toEqual(['message.added', 'case.updated']);
    await s.close();
  });

  it('keeps workspaces apart: B hears nothing of A', async () => {
    const sb = await connect(base, b.admin);
    const sa = await connect(base, a.admin);
    const created = await openCase(a.alice, 'Only for A');
    await sa.waitFor((e) => e.data.case_id === created.id);
    const other = await openCase(b.alice, 'Only for B');
    await sb.waitFor((e) => e.data.case_id === other.id);
    await settle();
    expect(sb.events.filter((e) => e.event !== 'ready').every((e) => e.data.workspace_id === b.ws.id)).toBe(
      true,
    );
    expect(sa.events.some((e) => e.data.workspace_id === b.ws.id)).toBe(false);
    await Promise.all([sa.close(), sb.close()]);
  });

  it('announces nothing that was rolled back', async () => {
    const s = await connect(base, a.agent);
    // The new customer is created (and its event emitted) before the foreign team is refused.
    const bad = await call(t, a.agent, 'POST', '/api/v1/cases', {
      subject: 'Nobody',
      body: 'x',
      customer: { email: 'rolled.back@example.test' },
      team_id: b.team.id,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.reason).toBe('unknown_team');
    const good = await openCase(a.bob, 'After the refusal');
    await s.waitFor((e) => e.data.case_id === good.id);
    expect(s.events.filter((e) => e.event !== 'ready').map((e) => e.event)).toEqual([
      'case.created',
      'message.added',
    ]);
    await s.close();
  });

  it('hears a write whose flush was lost from the worker’s sweep; the writer itself never notifies', async () => {
    const s = await connect(base, a.agent);
    const created = await openCase(a.alice, 'Swept');
    await s.waitFor((e) => e.event === 'message.added' && e.data.case_id === created.id);
    // Kysely on the app's pool without db.ts's flush: the process "dies" right after this commit.
    const crashing = new Kysely<DB>({ dialect: new PostgresDialect({ pool: t.deps.pool }) });
    await crashing
      .transaction()
      .execute((trx) =>
        emit(trx, { workspaceId: a.ws.id, actor: { kind: 'staff', id: a.agent2.id }, at: new Date() }, [
          { type: 'case.updated', case_id: created.id, data: { changes: { priority: ['normal', 'high'] } } },
        ]),
      );
    await settle();
    expect(s.events.some((e) => e.event === 'case.updated' && e.data.case_id === created.id)).toBe(false);
    const sweeper = startOutboxSweeper({ pool: t.deps.pool, log: t.deps.log, everyMs: 50 });
    try {
      const got = await s.waitFor((e) => e.event === 'case.updated' && e.data.case_id === created.id);
      expect(got.data.data).toEqual({ changes: ['priority'] });
    } finally {
      await sweeper.stop();
      await s.close();
    }
  });

  it('reconnects after losing its database connection and tells listeners to resync', async () => {
    const s = await connect(base, a.agent);
    const killed = await t.deps.pool.query(
      `select pg_terminate_backend(pid) as ok from pg_stat_activity
        where datname = current_database() and query ilike 'listen fairdesk_events%'`,
    );
    expect(killed.rowCount).toBe(1);
    await s.waitFor((e) => e.event === 'resync', 10_000);
    const created = await openCase(a.alice, 'After the reconnect');
    await s.waitFor((e) => e.event === 'case.created' && e.data.case_id === created.id);
    await s.close();
  });
});
