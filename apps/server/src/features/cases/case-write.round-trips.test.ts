import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { makeWorkspace, type World } from '../../../test/factories.ts';
import { recordStatements } from '../../../test/statements.ts';
import type { CustomerActor, StaffActor } from '../../infra/actor.ts';
import { addMessage, openCase } from './cases.service.ts';

// Every statement is a round trip that costs the app and PostgreSQL CPU (docs/performance.md):
// these tests pin how many a new case and a reply send, so a regression is seen. After the write
// comes the event outbox's flush (infra/outbox.ts), which a lone write runs itself; under load the
// process's commits share flushes.

let t: TestContext;
let w: World;
let statementsOf: ReturnType<typeof recordStatements>;

beforeAll(async () => {
  t = await startTestApp();
  w = await makeWorkspace(t);
  statementsOf = recordStatements(t.deps.pool as pg.Pool);
});
afterAll(() => t.close());

const staff = (): StaffActor => ({
  kind: 'staff',
  workspaceId: w.ws.id,
  staffId: w.agent.id,
  role: 'agent',
  sessionId: 'test',
});
const customer = (): CustomerActor => ({
  kind: 'customer',
  workspaceId: w.ws.id,
  customerId: w.alice.id,
  sessionId: 'test',
});

describe('round trips of the write path', () => {
  it('opens a case for a known customer in one statement, without a transaction, then flushes', async () => {
    for (const actor of [staff(), customer()]) {
      const { statements } = await statementsOf(() =>
        openCase(t.deps, actor, {
          ...(actor.kind === 'staff' ? { customer_id: w.alice.id } : {}),
          subject: 'Count',
          body: 'Hello',
        }),
      );
      expect(statements).toHaveLength(2);
      expect(statements[0]).toMatch(/^with cu as/);
      expect(statements[1]).toMatch(/^select taken, workspaces from flush_event_outbox/);
    }
  });

  it('adds a reply or a note in two statements (read, then a write checked by version), then flushes', async () => {
    const opened = await openCase(t.deps, staff(), {
      customer_id: w.alice.id,
      subject: 'Count',
      body: 'Hello',
    });
    for (const [actor, visibility] of [
      [staff(), 'public'],
      [staff(), 'internal'],
      [customer(), 'public'],
    ] as const) {
      const { statements } = await statementsOf(() =>
        addMessage(t.deps, actor, opened.id, { body: 'Again', visibility, attachment_ids: [] }),
      );
      expect(statements).toHaveLength(3);
      expect(statements[2]).toMatch(/^select taken, workspaces from flush_event_outbox/);
    }
  });
});
