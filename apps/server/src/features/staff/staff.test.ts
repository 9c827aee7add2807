import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, uniq } from '../../../test/factories.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const eventsOf = (workspaceId: string, type: string) =>
  t.deps.db
    .selectFrom('events')
    .select(['data', 'actor_id'])
    .where('workspace_id', '=', workspaceId)
    .where('type', '=', type)
    .orderBy('id')
    .execute();

describe('adding staff', () => {
  it('lets an admin add a person with teams; they can sign in and staff can read them', async () => {
    const w = await makeWorkspace(t);
    const email = `New.Person.${uniq()}@Example.test`;
    const created = await call(t, w.admin, 'POST', '/api/v1/staff', {
      email,
      name: 'New Person',
      role: 'supervisor',
      password: 'a long enough secret',
      team_ids: [w.team.id],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: email.toLowerCase(),
      role: 'supervisor',
      active: true,
      teams: [{ id: w.team.id, name: w.team.name }],
    });
    expect(created.body).not.toHaveProperty('password_hash');

    const read = await call(t, w.agent, 'GET', `/api/v1/staff/${created.body.id}`);
    expect(read.body).toEqual(created.body);

    const signIn = await call(t, null, 'POST', '/api/v1/sessions', {
      email,
      password: 'a long enough secret',
    });
    expect(signIn.status).toBe(201);

    const [event] = (await eventsOf(w.ws.id, 'staff.created')).filter(
      (e) => (e.data as { staff_id?: string }).staff_id === created.body.id,
    );
    expect(event).toMatchObject({
      actor_id: w.admin.id,
      data: { email: email.toLowerCase(), role: 'supervisor' },
    });
    expect(JSON.stringify(event)).not.toContain('secret');
  });

  it('refuses a taken email, whatever its case, with 409 email_taken', async () => {
    const w = await makeWorkspace(t);
    const res = await call(t, w.admin, 'POST', '/api/v1/staff', {
      email: w.agent.email.toUpperCase(),
      name: 'Twin',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'conflict', reason: 'email_taken' });
  });

  it('answers malformed input with 400 validation_failed problem+json', async () => {
    const w = await makeWorkspace(t);
    const bad = [
      call(t, w.admin, 'POST', '/api/v1/staff', { email: 'not-an-email', name: 'X' }),
      call(t, w.admin, 'POST', '/api/v1/staff', { email: 'ok@example.test', name: '   ' }),
      call(t, w.admin, 'POST', '/api/v1/staff', { email: 'ok@example.test', name: 'X', role: 'owner' }),
      call(t, w.admin, 'PATCH', `/api/v1/staff/${w.agent.id}`, {}),
      call(t, w.admin, 'PATCH', `/api/v1/staff/${w.agent.id}`, { password: 'short' }),
      call(t, w.agent, 'GET', '/api/v1/staff/not-a-uuid'),
      call(t, w.agent, 'GET', '/api/v1/staff?active=maybe'),
    ];
    for (const res of await Promise.all(bad)) {
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'invalid', reason: 'validation_failed' });
    }
  });

  it('refuses team ids that are not teams of the workspace, adding nobody', async () => {
    const w = await makeWorkspace(t);
    const email = `ghost.${uniq()}@example.test`;
    const res = await call(t, w.admin, 'POST', '/api/v1/staff', {
      email,
      name: 'Ghost',
      team_ids: [randomUUID()],
    });
    expect(res.status).toBe(400);
    expect(res.body.reason).toBe('unknown_team');
    const list = await call(t, w.admin, 'GET', '/api/v1/staff');
    expect(list.body.items.map((s: { email: string }) => s.email)).not.toContain(email);
  });
});

describe('listing staff', () => {
  it('lists the workspace by name, filtered by role, team and active', async () => {
    const w = await makeWorkspace(t);
    const all = await call(t, w.agent, 'GET', '/api/v1/staff');
    expect(all.status).toBe(200);
    const names = all.body.items.map((s: { name: string }) => s.name);
    expect(names).toEqual([...names].sort());
    expect(all.body.items).toHaveLength(5);

    const agents = await call(t, w.agent, 'GET', '/api/v1/staff?role=agent');
    expect(agents.body.items.map((s: { id: string }) => s.id).sort()).toEqual(
      [w.agent.id, w.agent2.id].sort(),
    );

    const team = await call(t, w.agent, 'GET', `/api/v1/staff?team_id=${w.team.id}`);
    expect(team.body.items).toHaveLength(2);
    expect(team.body.items[0].teams).toEqual([{ id: w.team.id, name: w.team.name }]);

    await call(t, w.admin, 'PATCH', `/api/v1/staff/${w.agent2.id}`, { active: false });
    const inactive = await call(t, w.agent, 'GET', '/api/v1/staff?active=false');
    expect(inactive.body.items.map((s: { id: string }) => s.id)).toEqual([w.agent2.id]);
    const active = await call(t, w.agent, 'GET', '/api/v1/staff?active=true');
    expect(active.body.items).toHaveLength(4);
  });

  it('answers 404 for an unknown id', async () => {
    const w = await makeWorkspace(t);
    const res = await call(t, w.agent, 'GET', `/api/v1/staff/${randomUUID()}`);
    expect(res.status).toBe(404);
    expect(res.body.reason).toBe('staff_not_found');
  });
});

describe('changing staff', () => {
  it('changes role, name, teams and password, auditing without the password', async () => {
    const w = await makeWorkspace(t);
    const res = await call(t, w.admin, 'PATCH', `/api/v1/staff/${w.agent.id}`, {
      role: 'supervisor',
      name: 'Promoted Agent',
      password: 'a brand new secret',
      team_ids: [],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'supervisor', name: 'Promoted Agent', teams: [] });

    const [event] = await eventsOf(w.ws.id, 'staff.updated');
    expect(event?.data).toEqual({
      staff_id: w.agent.id,
      changes: {
        role: ['agent', 'supervisor'],
        name: [w.agent.name, 'Promoted Agent'],
        team_ids: [[w.team.id], []],
        password: 'changed',
      },
    });
    expect(JSON.stringify(event)).not.toContain('brand new secret');

    const signIn = await call(t, null, 'POST', '/api/v1/sessions', {
      email: w.agent.email,
      password: 'a brand new secret',
    });
    expect(signIn.status).toBe(201);
  });

  it('records nothing when nothing changes', async () => {
    const w = await makeWorkspace(t);
    const res = await call(t, w.admin, 'PATCH', `/api/v1/staff/${w.agent.id}`, {
      role: 'agent',
      team_ids: [w.team.id],
    });
    expect(res.status).toBe(200);
    expect(await eventsOf(w.ws.id, 'staff.updated')).toHaveLength(0);
  });

  it('locks a deactivated person out at once', async () => {
    const w = await makeWorkspace(t);
    expect((await call(t, w.agent, 'GET', '/api/v1/staff')).status).toBe(200);
    const res = await call(t, w.admin, 'PATCH', `/api/v1/staff/${w.agent.id}`, { active: false });
    expect(res.body.active).toBe(false);
    const after = await call(t, w.agent, 'GET', '/api/v1/staff');
    expect(after.status).toBe(401);
    const signIn = await call(t, null, 'POST', '/api/v1/sessions', {
      email: w.agent.email,
      password: 'agent password 1',
    });
    expect(signIn.body.reason).toBe('account_deactivated');
  });

  it('never leaves the workspace without an active admin', async () => {
    const w = await makeWorkspace(t);
    for (const patch of [{ role: 'manager' }, { active: false }]) {
      const res = await call(t, w.admin, 'PATCH', `/api/v1/staff/${w.admin.id}`, patch);
      expect(res.status).toBe(409);
      expect(res.body.reason).toBe('last_admin');
    }
    await call(t, w.admin, 'PATCH', `/api/v1/staff/${w.manager.id}`, { role: 'admin' });
    const demoted = await call(t, w.admin, 'PATCH', `/api/v1/staff/${w.admin.id}`, { role: 'manager' });
    expect(demoted.status).toBe(200);
  });

  it('lets only one of two admins demoting each other at once succeed', async () => {
    const w = await makeWorkspace(t);
    await call(t, w.admin, 'PATCH', `/api/v1/staff/${w.manager.id}`, { role: 'admin' });
    const results = await Promise.all([
      call(t, w.admin, 'PATCH', `/api/v1/staff/${w.manager.id}`, { role: 'agent' }),
      call(t, w.manager, 'PATCH', `/api/v1/staff/${w.admin.id}`, { role: 'agent' }),
    ]);
    // The loser either waits for the winner's locks and sees the last admin (409), or has already
    // been demoted when its request is authenticated (403); never may both succeed.
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.map((r) => r.body.reason)).toContainEqual(
      expect.stringMatching(/^(last_admin|role_required)$/),
    );
    const admins = await call(t, w.agent, 'GET', '/api/v1/staff?role=admin&active=true');
    expect(admins.body.items).toHaveLength(1);
  });
});

describe('who may do what', () => {
  it('refuses writes to anyone below admin with 403 role_required', async () => {
    const w = await makeWorkspace(t);
    const writes = [
      call(t, w.agent, 'POST', '/api/v1/staff', { email: `x.${uniq()}@example.test`, name: 'X' }),
      call(t, w.manager, 'PATCH', `/api/v1/staff/${w.agent.id}`, { role: 'admin' }),
      call(t, w.supervisor, 'POST', '/api/v1/teams', { name: 'Mine' }),
      call(t, w.manager, 'PATCH', `/api/v1/teams/${w.team.id}`, { name: 'Mine' }),
      call(t, w.agent, 'DELETE', `/api/v1/teams/${w.team.id}`),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.status).toBe(403);
      expect(res.body.reason).toBe('role_required');
    }
    expect((await call(t, w.agent, 'GET', `/api/v1/staff/${w.agent.id}`)).body.role).toBe('agent');
  });

  it('keeps customers and strangers out', async () => {
    const w = await makeWorkspace(t);
    for (const url of ['/api/v1/staff', `/api/v1/staff/${w.agent.id}`, '/api/v1/teams']) {
      const asCustomer = await call(t, w.alice, 'GET', url);
      expect(asCustomer.status).toBe(403);
      expect(asCustomer.body.reason).toBe('staff_only');
      expect((await call(t, null, 'GET', url)).status).toBe(401);
    }
  });
});
