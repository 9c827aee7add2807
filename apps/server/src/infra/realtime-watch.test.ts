import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/app.ts';
import { call, makeWorkspace, type World } from '../../test/factories.ts';
import { createRealtimeHub } from './realtime.ts';

let t: TestContext;
let a: World;
let b: World;
beforeAll(async () => {
  t = await startTestApp();
  a = await makeWorkspace(t);
  b = await makeWorkspace(t);
});
afterAll(() => t.close());

// What the process keeps of a workspace (the queue counts) is only as good as these calls.
describe('a watcher of the realtime feed', () => {
  it('hears every workspace, is told when the feed listens, when it is lost and when it is back', async () => {
    const hub = createRealtimeHub({ clientConfig: t.deps.pool.options, log: t.deps.log, retryMs: 50 });
    const heard = new Set<string>();
    const states: string[] = [];
    const stop = hub.watch({
      onMessage: (m) => heard.add(m.workspace_id),
      onResync: () => states.push('listening'),
      onLost: () => states.push('lost'),
    });
    try {
      await expect.poll(() => states).toEqual(['listening']);
      for (const w of [a, b]) {
        const res = await call(t, w.alice, 'POST', '/api/v1/cases', { subject: 'Watched', body: 'Hello' });
        expect(res.status).toBe(201);
      }
      await expect.poll(() => [a.ws.id, b.ws.id].every((id) => heard.has(id))).toBe(true);
      // Every listening connection is dropped (the app's too, which reconnects as well).
      const killed = await t.deps.pool.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and query ilike 'listen fairdesk_events%'`,
      );
      expect(killed.rowCount).toBeGreaterThanOrEqual(1);
      await expect.poll(() => states, { timeout: 5000 }).toEqual(['listening', 'lost', 'listening']);
      stop();
    } finally {
      await hub.close();
    }
    expect(states).toEqual(['listening', 'lost', 'listening']);
  });
});
