import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, eventTypesOf, makeWorkspace, uniq, type World } from '../../../test/factories.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const eventTypes = (workspaceId: string) => eventTypesOf(t, workspaceId, 'organisation.');

const addOrg = (w: World, body: Record<string, unknown>) =>
  call(t, w.agent, 'POST', '/api/v1/organisations', body);

describe('organisations', () => {
  it('adds, reads, changes and (as admin) deletes an organisation, leaving its customers', async () => {
    const w = await makeWorkspace(t);
    const created = await addOrg(w, {
      name: 'Northwind',
      domain: '@WWW.Northwind.test',
      notes: 'Key account',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Northwind', domain: 'northwind.test', customer_count: 0 });
    const id = created.body.id;

    const linked = await call(t, w.agent, 'PATCH', `/api/v1/customers/${w.alice.id}`, {
      organisation_id: id,
    });
    expect(linked.body.organisation).toEqual({ id, name: 'Northwind' });
    const read = await call(t, w.agent, 'GET', `/api/v1/organisations/${id}`);
    expect(read.body).toMatchObject({ id, customer_count: 1, notes: 'Key account' });

    const renamed = await call(t, w.supervisor, 'PATCH', `/api/v1/organisations/${id}`, {
      name: 'Northwind Ltd',
    });
    expect(renamed.body).toMatchObject({ name: 'Northwind Ltd', domain: 'northwind.test' });
    const members = await call(t, w.agent, 'GET', `/api/v1/organisations/${id}/customers`);
    expect(members.body.items.map((c: { id: string }) => c.id)).toEqual([w.alice.id]);

    expect((await call(t, w.agent, 'DELETE', `/api/v1/organisations/${id}`)).status).toBe(403);
    expect((await call(t, w.manager, 'DELETE', `/api/v1/organisations/${id}`)).status).toBe(403);
    const gone = await call(t, w.admin, 'DELETE', `/api/v1/organisations/${id}`);
    expect(gone.status).toBe(204);
    expect(gone.raw.body).toBe('');
    expect((await call(t, w.agent, 'GET', `/api/v1/organisations/${id}`)).body.reason).toBe(
      'organisation_not_found',
    );
    const alice = await call(t, w.agent, 'GET', `/api/v1/customers/${w.alice.id}`);
    expect(alice.status).toBe(200);
    expect(alice.body.organisation).toBeNull();
    expect(await eventTypes(w.ws.id)).toEqual([
      'organisation.created',
      'organisation.updated',
      'organisation.deleted',
    ]);
  });

  it('refuses a second organisation with the same name in any case', async () => {
    const w = await makeWorkspace(t);
    await addOrg(w, { name: 'Globex' });
    const other = await addOrg(w, { name: 'Initech' });
    const twin = await addOrg(w, { name: 'GLOBEX' });
    expect(twin.status).toBe(409);
    expect(twin.body.reason).toBe('organisation_name_taken');
    const rename = await call(t, w.agent, 'PATCH', `/api/v1/organisations/${other.body.id}`, {
      name: 'globex',
    });
    expect(rename.status).toBe(409);
    expect(rename.body.reason).toBe('organisation_name_taken');
    expect((await call(t, w.agent, 'GET', `/api/v1/organisations/${other.body.id}`)).body.name).toBe(
      'Initech',
    );
  });

  it('validates input and refuses customers and unknown organisation ids', async () => {
    const w = await makeWorkspace(t);
    for (const body of [{ name: '' }, { name: 'X', domain: 'not a domain' }, { name: 'X', domain: 'x' }]) {
      expect((await addOrg(w, body)).body).toMatchObject({ status: 400, reason: 'validation_failed' });
    }
    expect((await call(t, w.alice, 'GET', '/api/v1/organisations')).status).toBe(403);
    expect((await call(t, w.alice, 'POST', '/api/v1/organisations', { name: 'X' })).status).toBe(403);
    const stranger = crypto.randomUUID();
    const unknown = await call(t, w.agent, 'POST', '/api/v1/customers', {
      name: 'Y',
      email: `y.${uniq()}@example.test`,
      organisation_id: stranger,
    });
    expect(unknown.body).toMatchObject({ status: 400, reason: 'unknown_organisation' });
    const patch = await call(t, w.agent, 'PATCH', `/api/v1/customers/${w.bob.id}`, {
      organisation_id: stranger,
    });
    expect(patch.body).toMatchObject({ status: 400, reason: 'unknown_organisation' });
    expect((await call(t, w.agent, 'GET', `/api/v1/organisations/${stranger}/customers`)).status).toBe(404);
  });

  it('lists organisations by name with counts, page by page, and searches name and domain', async () => {
    const w = await makeWorkspace(t);
    const tag = uniq();
    for (let i = 0; i < 7; i++) {
      expect((await addOrg(w, { name: `Org ${tag} ${i}`, domain: `d${i}-${tag}.test` })).status).toBe(201);
    }
    await call(t, w.agent, 'POST', '/api/v1/customers', { name: 'Member', email: `m@d3-${tag}.test` });
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(
        t,
        w.agent,
        'GET',
        `/api/v1/organisations?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      names.push(...res.body.items.map((o: { name: string }) => o.name));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(names).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Org ${tag} ${i}`));
    const byDomain = await call(t, w.agent, 'GET', `/api/v1/organisations?q=D3-${tag}`);
    expect(byDomain.body.items).toMatchObject([{ name: `Org ${tag} 3`, customer_count: 1 }]);
  });
});
