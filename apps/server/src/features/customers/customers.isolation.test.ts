import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace } from '../../../test/factories.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

describe('workspace isolation of customers and organisations', () => {
  it("lets staff of one workspace neither see nor change another's customers and organisations", async () => {
    const a = await makeWorkspace(t);
    const b = await makeWorkspace(t);
    const org = await call(t, a.agent, 'POST', '/api/v1/organisations', {
      name: 'Shared Name',
      domain: 'a-corp.test',
    });
    await call(t, a.agent, 'PATCH', `/api/v1/customers/${a.alice.id}`, { organisation_id: org.body.id });
    await t.deps.db
      .insertInto('cases')
      .values({
        workspace_id: a.ws.id,
        number: 5000,
        subject: 'A case',
        channel: 'email',
        customer_id: a.alice.id,
      })
      .execute();
    const aliceBefore = (await call(t, a.agent, 'GET', `/api/v1/customers/${a.alice.id}`)).body;
    const orgBefore = (await call(t, a.agent, 'GET', `/api/v1/organisations/${org.body.id}`)).body;

    // Not listed, not found by name, address or organisation.
    const all = ids((await call(t, b.admin, 'GET', '/api/v1/customers?limit=100')).body);
    expect(all).toEqual(expect.arrayContaining([b.alice.id, b.bob.id]));
    expect(all).not.toContain(a.alice.id);
    expect(ids((await call(t, b.admin, 'GET', `/api/v1/customers?q=${a.alice.email}`)).body)).toEqual([]);
    expect(ids((await call(t, b.admin, 'GET', `/api/v1/customers?q=${a.alice.name}`)).body)).not.toContain(
      a.alice.id,
    );
    const byOrg = await call(t, b.admin, 'GET', `/api/v1/customers?organisation_id=${org.body.id}`);
    expect(ids(byOrg.body)).toEqual([]);
    expect(ids((await call(t, b.admin, 'GET', '/api/v1/organisations')).body)).not.toContain(org.body.id);

    // Every read and write of A's rows is a 404 for B.
    const attempts = [
      call(t, b.admin, 'GET', `/api/v1/customers/${a.alice.id}`),
      call(t, b.admin, 'PATCH', `/api/v1/customers/${a.alice.id}`, { name: 'Taken over' }),
      call(t, b.admin, 'GET', `/api/v1/customers/${a.alice.id}/cases`),
      call(t, b.admin, 'GET', `/api/v1/organisations/${org.body.id}`),
      call(t, b.admin, 'PATCH', `/api/v1/organisations/${org.body.id}`, { notes: 'mine now' }),
      call(t, b.admin, 'DELETE', `/api/v1/organisations/${org.body.id}`),
      call(t, b.admin, 'GET', `/api/v1/organisations/${org.body.id}/customers`),
    ];
    for (const res of await Promise.all(attempts)) expect(res.status).toBe(404);

    // B may not link to A's organisation, but may reuse A's names and addresses for its own rows.
    const linking = await call(t, b.admin, 'PATCH', `/api/v1/customers/${b.bob.id}`, {
      organisation_id: org.body.id,
    });
    expect(linking.body.reason).toBe('unknown_organisation');
    expect((await call(t, b.agent, 'POST', '/api/v1/organisations', { name: 'Shared Name' })).status).toBe(
      201,
    );
    const twin = await call(t, b.agent, 'POST', '/api/v1/customers', { name: 'Twin', email: a.alice.email });
    expect(twin.status).toBe(201);
    expect(twin.body.organisation).toBeNull();

    // A's rows are exactly as they were.
    expect((await call(t, a.agent, 'GET', `/api/v1/customers/${a.alice.id}`)).body).toEqual(aliceBefore);
    expect((await call(t, a.agent, 'GET', `/api/v1/organisations/${org.body.id}`)).body).toEqual(orgBefore);
    const cases = await call(t, a.agent, 'GET', `/api/v1/customers/${a.alice.id}/cases`);
    expect(cases.body.items.map((c: { subject: string }) => c.subject)).toEqual(['A case']);
  });
});
