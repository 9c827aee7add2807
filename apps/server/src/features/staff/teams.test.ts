import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, eventTypesOf, makeWorkspace } from '../../../test/factories.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const eventTypes = (workspaceId: string) => eventTypesOf(t, workspaceId, 'team.');

describe('teams', () => {
  it('lets an admin create, rename, re-staff and delete a team, each change an event', async () => {
    const w = await makeWorkspace(t);
    const created = await call(t, w.admin, 'POST', '/api/v1/teams', {
      name: 'Returns',
      member_ids: [w.agent.id, w.agent.id],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Returns', description: '', member_ids: [w.agent.id] });
    const id = created.body.id;

    const changed = await call(t, w.admin, 'PATCH', `/api/v1/teams/${id}`, {
      name: 'Returns & Refunds',
      member_ids: [w.agent2.id, w.supervisor.id],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.name).toBe('Returns & Refunds');
    expect(changed.body.member_ids.sort()).toEqual([w.agent2.id, w.supervisor.id].sort());

    const list = await call(t, w.agent, 'GET', '/api/v1/teams');
    expect(list.body.items.map((x: { name: string }) => x.name)).toContain('Returns & Refunds');
    const staff = await call(t, w.agent, 'GET', `/api/v1/staff/${w.supervisor.id}`);
    expect(staff.body.teams).toEqual([{ id, name: 'Returns & Refunds' }]);

    const deleted = await call(t, w.admin, 'DELETE', `/api/v1/teams/${id}`);
    expect(deleted.status).toBe(204);
    expect((await call(t, w.admin, 'PATCH', `/api/v1/teams/${id}`, { name: 'Back' })).status).toBe(404);
    expect((await call(t, w.agent, 'GET', `/api/v1/staff/${w.supervisor.id}`)).body.teams).toEqual([]);

    // The factory's own team came first, then this one's three changes.
    expect(await eventTypes(w.ws.id)).toEqual([
      'team.created',
      'team.created',
      'team.updated',
      'team.deleted',
    ]);
  });

  it('refuses a name already taken, whatever its case, on create and on rename', async () => {
    const w = await makeWorkspace(t);
    const dup = await call(t, w.admin, 'POST', '/api/v1/teams', { name: w.team.name.toUpperCase() });
    expect(dup.status).toBe(409);
    expect(dup.body.reason).toBe('team_name_taken');

    const other = await call(t, w.admin, 'POST', '/api/v1/teams', { name: 'Billing' });
    const rename = await call(t, w.admin, 'PATCH', `/api/v1/teams/${other.body.id}`, { name: w.team.name });
    expect(rename.status).toBe(409);
    expect(rename.body.reason).toBe('team_name_taken');
  });

  it('writes nothing when one member id is unknown', async () => {
    const w = await makeWorkspace(t);
    const before = (await call(t, w.admin, 'GET', '/api/v1/teams')).body;
    const res = await call(t, w.admin, 'PATCH', `/api/v1/teams/${w.team.id}`, {
      name: 'Renamed',
      member_ids: [w.supervisor.id, randomUUID()],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid', reason: 'unknown_staff' });
    expect((await call(t, w.admin, 'GET', '/api/v1/teams')).body).toEqual(before);
    expect(await eventTypes(w.ws.id)).toEqual(['team.created']);
  });

  it('answers 404 for unknown team ids and 400 for malformed bodies', async () => {
    const w = await makeWorkspace(t);
    const missing = await call(t, w.admin, 'DELETE', `/api/v1/teams/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.reason).toBe('team_not_found');
    for (const body of [{}, { name: '' }, { member_ids: ['nope'] }]) {
      const res = await call(t, w.admin, 'PATCH', `/api/v1/teams/${w.team.id}`, body);
      expect(res.status).toBe(400);
      expect(res.body.reason).toBe('validation_failed');
    }
  });
});

describe('workspace isolation', () => {
  it('gives an admin of another workspace nothing of this one to see or change', async () => {
    const a = await makeWorkspace(t);
    const b = await makeWorkspace(t);
    const aStaffBefore = (await call(t, a.admin, 'GET', '/api/v1/staff')).body;
    const aTeamsBefore = (await call(t, a.admin, 'GET', '/api/v1/teams')).body;

    const bStaff = (await call(t, b.admin, 'GET', '/api/v1/staff')).body.items.map(
      (s: { id: string }) => s.id,
    );
    expect(bStaff).not.toContain(a.agent.id);
    const bTeams = (await call(t, b.admin, 'GET', '/api/v1/teams')).body.items.map(
      (x: { id: string }) => x.id,
    );
    expect(bTeams).not.toContain(a.team.id);
    expect((await call(t, b.admin, 'GET', `/api/v1/staff?team_id=${a.team.id}`)).body.items).toEqual([]);

    const notFound = [
      call(t, b.admin, 'GET', `/api/v1/staff/${a.agent.id}`),
      call(t, b.admin, 'PATCH', `/api/v1/staff/${a.agent.id}`, { active: false, role: 'admin' }),
      call(t, b.admin, 'PATCH', `/api/v1/staff/${a.admin.id}`, { password: 'taken over now' }),
      call(t, b.admin, 'PATCH', `/api/v1/teams/${a.team.id}`, { name: 'Hijacked', member_ids: [] }),
      call(t, b.admin, 'DELETE', `/api/v1/teams/${a.team.id}`),
    ];
    for (const res of await Promise.all(notFound)) expect(res.status).toBe(404);

    // Another workspace's ids in a body are unknown here, not a way in.
    const pull = await call(t, b.admin, 'PATCH', `/api/v1/teams/${b.team.id}`, { member_ids: [a.agent.id] });
    expect(pull.body.reason).toBe('unknown_staff');
    const join = await call(t, b.admin, 'PATCH', `/api/v1/staff/${b.agent.id}`, { team_ids: [a.team.id] });
    expect(join.body.reason).toBe('unknown_team');

    // Emails are unique per workspace only: the same person may work in both.
    const twin = await call(t, b.admin, 'POST', '/api/v1/staff', { email: a.agent.email, name: 'Twin' });
    expect(twin.status).toBe(201);

    expect((await call(t, a.admin, 'GET', '/api/v1/staff')).body).toEqual(aStaffBefore);
    expect((await call(t, a.admin, 'GET', '/api/v1/teams')).body).toEqual(aTeamsBefore);
    expect((await call(t, a.agent, 'GET', '/api/v1/teams')).status).toBe(200);
  });
});
