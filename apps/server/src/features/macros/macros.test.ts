import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type Person, type World } from '../../../test/factories.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const macro = (over: Record<string, unknown> = {}) => ({
  name: 'Ask for order number',
  body: 'Hi {{customer.first_name}},\n\nCould you send your order number?',
  kind: 'public',
  changes: { status: 'pending', add_tags: ['awaiting-info'] },
  scope: 'shared',
  ...over,
});

const create = (as: Person, body: Record<string, unknown>) => call(t, as, 'POST', '/api/v1/macros', body);
const countMacros = async (w: World) =>
  (
    await t.deps.db
      .selectFrom('macros')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', w.ws.id)
      .executeTakeFirstOrThrow()
  ).n;

describe('macros: saving', () => {
  it('a supervisor saves a shared macro; everyone sees it, with its changes as saved', async () => {
    const w = await makeWorkspace(t);
    const made = await create(w.supervisor, macro({ changes: { assignee_id: 'me', team_id: w.team.id } }));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      name: 'Ask for order number',
      kind: 'public',
      scope: 'shared',
      owner: null,
      active: true,
      usage_count: 0,
      changes: { assignee_id: 'me', team_id: w.team.id },
      can: { edit: true },
    });
    const seen = await call(t, w.agent, 'GET', `/api/v1/macros/${made.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.can.edit).toBe(false);
    const events = await t.deps.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('workspace_id', '=', w.ws.id)
      .where('type', 'like', 'macro.%')
      .execute();
    expect(events).toEqual([
      { type: 'macro.created', data: expect.objectContaining({ macro_id: made.body.id }) },
    ]);
  });

  it('an agent may not save or change shared macros, only their own', async () => {
    const w = await makeWorkspace(t);
    const denied = await create(w.agent, macro());
    expect(denied.status).toBe(403);
    expect(denied.body.reason).toBe('role_required');
    expect(await countMacros(w)).toBe(0);
    const shared = (await create(w.supervisor, macro())).body;
    const edit = await call(t, w.agent, 'PATCH', `/api/v1/macros/${shared.id}`, { name: 'Mine now' });
    expect(edit.status).toBe(403);
    expect((await call(t, w.agent, 'DELETE', `/api/v1/macros/${shared.id}`)).status).toBe(403);
    const mine = await create(w.agent, macro({ scope: 'personal', name: 'My greeting' }));
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ scope: 'personal', owner: { id: w.agent.id }, can: { edit: true } });
    const renamed = await call(t, w.agent, 'PATCH', `/api/v1/macros/${mine.body.id}`, { name: 'Hello' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Hello');
  });

  it("a personal macro is its owner's alone: others, even admins, get 404", async () => {
    const w = await makeWorkspace(t);
    const mine = (await create(w.agent, macro({ scope: 'personal' }))).body;
    for (const other of [w.agent2, w.admin]) {
      expect((await call(t, other, 'GET', `/api/v1/macros/${mine.id}`)).status).toBe(404);
      expect((await call(t, other, 'PATCH', `/api/v1/macros/${mine.id}`, { name: 'x' })).status).toBe(404);
      expect((await call(t, other, 'DELETE', `/api/v1/macros/${mine.id}`)).status).toBe(404);
      const list = await call(t, other, 'GET', '/api/v1/macros');
      expect(list.body.items.map((m: { id: string }) => m.id)).not.toContain(mine.id);
    }
    expect((await call(t, w.agent, 'DELETE', `/api/v1/macros/${mine.id}`)).status).toBe(204);
    expect(await countMacros(w)).toBe(0);
  });

  it.each([
    [{ body: 'Hi {{customer.firstname}}' }, 400, 'unknown_placeholder'],
    [{ body: '', changes: {} }, 400, 'macro_empty'],
    [{ changes: { add_tags: ['a'], remove_tags: ['a'] } }, 400, 'tag_added_and_removed'],
    [{ changes: { status: 'closed' } }, 400, 'validation_failed'],
    [{ changes: { colour: 'red' } }, 400, 'validation_failed'],
    [{ name: '  ' }, 400, 'validation_failed'],
    [{ kind: 'shout' }, 400, 'validation_failed'],
    [{ changes: { team_id: '00000000-0000-4000-8000-000000000000' } }, 400, 'unknown_team'],
    [{ changes: { assignee_id: '00000000-0000-4000-8000-000000000000' } }, 400, 'unknown_staff'],
  ])('refuses %j with %i %s and leaves no trace', async (over, status, reason) => {
    const w = await makeWorkspace(t);
    const res = await create(w.admin, macro(over));
    expect(res.status).toBe(status);
    expect(res.body.reason).toBe(reason);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await countMacros(w)).toBe(0);
  });

  it('names the unknown placeholder, on create and on update', async () => {
    const w = await makeWorkspace(t);
    const res = await create(w.admin, macro({ body: 'Hi {{customer.first_name}} from {{agent.nme}}' }));
    expect(res.body.errors).toEqual({ placeholders: ['agent.nme'] });
    expect(res.body.detail).toContain('{{agent.nme}}');
    const ok = (await create(w.admin, macro())).body;
    const bad = await call(t, w.admin, 'PATCH', `/api/v1/macros/${ok.id}`, { body: '{{case.numbr}}' });
    expect(bad.status).toBe(400);
    expect(bad.body.reason).toBe('unknown_placeholder');
    expect((await call(t, w.admin, 'GET', `/api/v1/macros/${ok.id}`)).body.body).toBe(macro().body);
  });

  it('one name per owner: shared names clash with shared, personal with the same owner only', async () => {
    const w = await makeWorkspace(t);
    expect((await create(w.supervisor, macro())).status).toBe(201);
    const clash = await create(w.admin, macro({ name: 'ASK FOR ORDER NUMBER' }));
    expect(clash.status).toBe(409);
    expect(clash.body.reason).toBe('macro_name_taken');
    expect((await create(w.agent, macro({ scope: 'personal' }))).status).toBe(201);
    expect((await create(w.agent2, macro({ scope: 'personal' }))).status).toBe(201);
    expect((await create(w.agent, macro({ scope: 'personal' }))).body.reason).toBe('macro_name_taken');
  });
});

describe('macros: listing', () => {
  it('lists shared and my own, active, by usage then name, searchable by name', async () => {
    const w = await makeWorkspace(t);
    const b = (await create(w.admin, macro({ name: 'Billing question' }))).body;
    const a = (await create(w.admin, macro({ name: 'apology' }))).body;
    const used = (await create(w.admin, macro({ name: 'Zebra' }))).body;
    const off = (await create(w.admin, macro({ name: 'Old', active: false }))).body;
    const mine = (await create(w.agent, macro({ name: 'Mine', scope: 'personal' }))).body;
    await create(w.agent2, macro({ name: 'Not mine', scope: 'personal' }));
    await t.deps.db.updateTable('macros').set({ usage_count: 5 }).where('id', '=', used.id).execute();
    const ids = async (qs: string) =>
      (await call(t, w.agent, 'GET', `/api/v1/macros${qs}`)).body.items.map((m: { id: string }) => m.id);
    expect(await ids('')).toEqual([used.id, a.id, b.id, mine.id]);
    expect(await ids('?q=BILL')).toEqual([b.id]);
    expect(await ids('?q=%25')).toEqual([]);
    expect(await ids('?scope=personal')).toEqual([mine.id]);
    expect(await ids('?include_inactive=true')).toContain(off.id);
    expect((await call(t, w.agent, 'GET', '/api/v1/macros?limit=0')).body.reason).toBe('validation_failed');
  });

  it('lists the placeholders with their fallbacks', async () => {
    const w = await makeWorkspace(t);
    const res = await call(t, w.agent, 'GET', '/api/v1/macros/placeholders');
    expect(res.body.items).toContainEqual(
      expect.objectContaining({ key: 'customer.first_name', fallback: 'there' }),
    );
    expect((await call(t, w.alice, 'GET', '/api/v1/macros/placeholders')).status).toBe(403);
  });
});

describe('macros: workspaces', () => {
  it("one workspace cannot see, use or change another's macros", async () => {
    const w = await makeWorkspace(t);
    const other = await makeWorkspace(t);
    const m = (await create(w.admin, macro())).body;
    const c = await call(t, w.agent, 'POST', '/api/v1/cases', {
      subject: 'Hello',
      body: 'Help',
      customer_id: w.alice.id,
    });
    for (const [method, url, body] of [
      ['GET', `/api/v1/macros/${m.id}`, undefined],
      ['PATCH', `/api/v1/macros/${m.id}`, { name: 'Taken over' }],
      ['DELETE', `/api/v1/macros/${m.id}`, undefined],
      ['POST', `/api/v1/cases/${c.body.id}/macros/${m.id}/render`, undefined],
      ['POST', `/api/v1/macros/preview`, { body: 'x', case_id: c.body.id }],
    ] as const) {
      const res = await call(t, other.admin, method, url, body);
      expect(res.status, `${method} ${url}`).toBe(404);
    }
    expect((await call(t, other.admin, 'GET', '/api/v1/macros')).body.items).toEqual([]);
    expect((await call(t, w.admin, 'GET', `/api/v1/macros/${m.id}`)).body.name).toBe('Ask for order number');
    // A customer of the workspace is not staff.
    expect((await call(t, w.alice, 'GET', '/api/v1/macros')).status).toBe(403);
  });
});
