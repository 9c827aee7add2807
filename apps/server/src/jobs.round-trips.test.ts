import { sql } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../test/app.ts';
import { call, makeWorkspace, uniq, type World } from '../test/factories.ts';
import { recordStatements } from '../test/statements.ts';
import { addMessage, openCase } from './features/cases/cases.service.ts';
import { queueReply } from './features/email/index.ts';
import { routeCase } from './features/routing/index.ts';
import { recomputeCaseSla, seedDemoSla } from './features/sla/index.ts';
import type { StaffActor } from './infra/actor.ts';

// The worker's jobs, statement by statement: through a backlog each statement's round trip is a
// large share of a job's CPU (docs/performance.md), so these pin how many the common jobs send.

let t: TestContext;
let w: World;
let statementsOf: ReturnType<typeof recordStatements>;
let agent: StaffActor;

beforeAll(async () => {
  t = await startTestApp();
  w = await makeWorkspace(t);
  await seedDemoSla(t.deps, w.ws.id);
  const made = await call(t, w.admin, 'POST', '/api/v1/email/mailboxes', {
    address: `desk-${uniq()}@example.test`,
  });
  expect(made.status).toBe(201);
  statementsOf = recordStatements(t.deps.pool as pg.Pool);
  agent = { kind: 'staff', workspaceId: w.ws.id, staffId: w.agent.id, role: 'agent', sessionId: 'test' };
});
afterAll(() => t.close());

/** A case of the workspace's team (routed by hand, as teams are until set otherwise), by email. */
async function emailCase() {
  const c = await openCase(t.deps, agent, {
    customer_id: w.alice.id,
    subject: 'Count',
    body: 'Hello',
    team_id: w.team.id,
  });
  await sql`update cases set channel = 'email' where id = ${c.id}`.execute(t.deps.db);
  return c.id as string;
}

describe('round trips of the worker’s common jobs', () => {
  it('sla.recompute: lock, one read, one write in a transaction; no write when nothing changed', async () => {
    const id = await emailCase();
    const first = await statementsOf(() => recomputeCaseSla(t.deps, w.ws.id, id));
    expect(first.statements.map((s) => s.slice(0, 30))).toEqual([
      'begin',
      expect.stringMatching(/^select pg_advisory_xact_lock/),
      expect.stringMatching(/^select c\.id/),
      expect.stringMatching(/^with gone as/),
      'commit',
    ]);
    const again = await statementsOf(() => recomputeCaseSla(t.deps, w.ws.id, id));
    expect(again.statements).toHaveLength(4);
    expect(again.statements.some((s) => s.startsWith('with gone'))).toBe(false);
  });

  it('email.reply: read the message, read what the mail is made of, write it; the first mail adds the token', async () => {
    const id = await emailCase();
    const reply = async () => {
      const { id: messageId } = await addMessage(t.deps, agent, id, {
        body: 'On it',
        visibility: 'public',
        attachment_ids: [],
      });
      return statementsOf(() => queueReply(t.deps, w.ws.id, messageId));
    };
    const first = await reply();
    expect(first.result).toEqual(expect.any(String));
    expect(first.statements).toHaveLength(5);
    expect(first.statements[2]).toMatch(/^insert into "email_reply_tokens"/);
    const second = await reply();
    expect(second.result).toEqual(expect.any(String));
    expect(second.statements).toHaveLength(3);
    expect(second.statements[2]).toMatch(/^with "o" as \(insert into "outgoing_emails"/);
  });

  it('routing.assign: one read for a team that assigns by hand', async () => {
    const id = await emailCase();
    const { result, statements } = await statementsOf(() => routeCase(t.deps, w.ws.id, id));
    expect(result).toBeNull();
    expect(statements).toHaveLength(1);
  });
});
