import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type Person, type World } from '../../../test/factories.ts';
import { cachedSession, forgetSessions, rememberSession, sessionCacheGeneration } from './sessions.cache.ts';

// Sessions resolved in the last SESSION_CACHE_MS are reused without a lookup (sessions.cache.ts).
// Changes made through the app count from the next request; changes made behind its back (another
// process, SQL by hand) count once the entry is older than the TTL.

const TTL_MS = 300;
let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await startTestApp({ env: { SESSION_CACHE_MS: String(TTL_MS) } });
  w = await makeWorkspace(t);
});
afterAll(() => t.close());

const me = (as: Person) => call(t, as, 'GET', '/api/v1/sessions/current');

describe('the session cache', () => {
  it('serves a token it resolved, and sees a session deleted by hand once the TTL has passed', async () => {
    expect((await me(w.agent2)).status).toBe(200);
    await t.deps.db.deleteFrom('sessions').where('staff_id', '=', w.agent2.id).execute();
    // Within the TTL the process has not asked the database again: this is the cache at work.
    expect((await me(w.agent2)).status).toBe(200);
    await sleep(TTL_MS + 50);
    expect((await me(w.agent2)).status).toBe(401);
  });

  it('counts a role change made through the app from the next request', async () => {
    const before = await call(t, w.agent, 'POST', '/api/v1/teams', { name: `Early ${Date.now()}` });
    expect(before.status).toBe(403); // the agent's session is now cached with the agent role
    const promoted = await call(t, w.admin, 'PATCH', `/api/v1/staff/${w.agent.id}`, { role: 'admin' });
    expect(promoted.status).toBe(200);
    const after = await call(t, w.agent, 'POST', '/api/v1/teams', { name: `Promoted ${Date.now()}` });
    expect(after.status).toBe(201);
  });

  it('ends a deactivated member’s cached session at once', async () => {
    expect((await me(w.supervisor)).status).toBe(200);
    const off = await call(t, w.admin, 'PATCH', `/api/v1/staff/${w.supervisor.id}`, { active: false });
    expect(off.status).toBe(200);
    expect((await me(w.supervisor)).status).toBe(401);
  });

  it('ends the cached session of a customer merged into another at once', async () => {
    expect((await me(w.bob)).body).toMatchObject({ kind: 'customer', id: w.bob.id });
    const merged = await call(t, w.admin, 'POST', `/api/v1/customers/${w.alice.id}/merge`, {
      source_id: w.bob.id,
    });
    expect(merged.status).toBe(200);
    expect((await me(w.bob)).status).toBe(401);
  });

  it('keeps nothing for an unknown token', async () => {
    const stranger = { id: '', email: '', name: '', token: 'x'.repeat(43) };
    expect((await me(stranger)).status).toBe(401);
    expect((await me(stranger)).status).toBe(401);
  });
});

describe('with the cache turned off (SESSION_CACHE_MS=0)', () => {
  let t0: TestContext;
  let w0: World;
  beforeAll(async () => {
    t0 = await startTestApp({ env: { SESSION_CACHE_MS: '0' } });
    w0 = await makeWorkspace(t0);
  });
  afterAll(() => t0.close());

  it('sees a session deleted by hand on the very next request', async () => {
    expect((await call(t0, w0.agent, 'GET', '/api/v1/sessions/current')).status).toBe(200);
    await t0.deps.db.deleteFrom('sessions').where('staff_id', '=', w0.agent.id).execute();
    expect((await call(t0, w0.agent, 'GET', '/api/v1/sessions/current')).status).toBe(401);
  });
});

describe('a lookup that raced a sign-out', () => {
  it('does not put back the row the sign-out deleted', async () => {
    const t1 = await startTestApp({ env: { SESSION_CACHE_MS: '60000' } });
    try {
      const w1 = await makeWorkspace(t1);
      const key = 'raced';
      const row = await t1.deps.db
        .selectFrom('sessions as s')
        .leftJoin('staff', 'staff.id', 's.staff_id')
        .select(['s.id', 's.workspace_id', 's.staff_id', 's.customer_id', 's.expires_at', 'staff.role'])
        .select('staff.active as staff_active')
        .where('s.staff_id', '=', w1.agent.id)
        .executeTakeFirstOrThrow();
      // The lookup starts, a sign-out empties the cache, then the lookup's (old) row comes back.
      const before = sessionCacheGeneration(t1.deps);
      forgetSessions(t1.deps);
      rememberSession(t1.deps, key, row, before);
      expect(cachedSession(t1.deps, key)).toBeUndefined();
      // Without a sign-out in between, the row is kept.
      rememberSession(t1.deps, key, row, sessionCacheGeneration(t1.deps));
      expect(cachedSession(t1.deps, key)).toEqual(row);
    } finally {
      await t1.close();
    }
  });
});
