import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, uniq, type World } from '../../../test/factories.ts';
import { findOrCreateCustomerByEmail } from './index.ts';

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

const addCustomer = (w: World, body: Record<string, unknown>) =>
  call(t, w.agent, 'POST', '/api/v1/customers', body);

describe('customers', () => {
  it('adds, reads and changes a customer, keeping every address and recording events', async () => {
    const w = await makeWorkspace(t);
    const tag = uniq();
    const created = await addCustomer(w, {
      name: 'Carla Ortiz',
      email: `Carla.${tag}@Example.test`,
      emails: [`carla.home.${tag}@example.test`, `CARLA.${tag}@example.test`],
      phone: '+44 20 7946 0000',
      language: 'es',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Carla Ortiz',
      email: `carla.${tag}@example.test`,
      phone: '+44 20 7946 0000',
      language: 'es',
      notes: '',
      organisation: null,
    });
    expect(created.body.emails).toEqual([`carla.${tag}@example.test`, `carla.home.${tag}@example.test`]);
    const id = created.body.id;
    expect((await call(t, w.supervisor, 'GET', `/api/v1/customers/${id}`)).body).toEqual(created.body);

    const changed = await call(t, w.agent, 'PATCH', `/api/v1/customers/${id}`, {
      name: 'Carla Ortiz-Ruiz',
      email: `carla.work.${tag}@example.test`,
      emails: [`carla.home.${tag}@example.test`],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.name).toBe('Carla Ortiz-Ruiz');
    expect(changed.body.emails).toEqual([`carla.work.${tag}@example.test`, `carla.home.${tag}@example.test`]);

    const [made] = (await eventsOf(w.ws.id, 'customer.created')).filter((e) =>
      JSON.stringify(e).includes(id),
    );
    expect(made).toMatchObject({ actor_id: w.agent.id, data: { customer_id: id, name: 'Carla Ortiz' } });
    const [updated] = await eventsOf(w.ws.id, 'customer.updated');
    expect(updated?.data).toMatchObject({
      customer_id: id,
      changes: {
        name: ['Carla Ortiz', 'Carla Ortiz-Ruiz'],
        email: [`carla.${tag}@example.test`, `carla.work.${tag}@example.test`],
      },
    });
    // The dropped address is free again: a new customer may take it.
    expect((await addCustomer(w, { name: 'Other', email: `carla.${tag}@example.test` })).status).toBe(201);
  });

  it('links a new customer to the organisation owning their mail domain', async () => {
    const w = await makeWorkspace(t);
    const domain = `acme-${uniq()}.test`;
    const org = await call(t, w.agent, 'POST', '/api/v1/organisations', { name: `Acme ${domain}`, domain });
    const linked = await addCustomer(w, { name: 'Dana', email: `dana@${domain.toUpperCase()}` });
    expect(linked.body.organisation).toEqual({ id: org.body.id, name: org.body.name });
    const elsewhere = await addCustomer(w, { name: 'Eve', email: `eve@not-${domain}` });
    expect(elsewhere.body.organisation).toBeNull();
    expect((await call(t, w.agent, 'GET', `/api/v1/organisations/${org.body.id}`)).body.customer_count).toBe(
      1,
    );
  });

  it('finds customers by name or by any of their addresses', async () => {
    const w = await makeWorkspace(t);
    const tag = uniq();
    const c = await addCustomer(w, {
      name: `Finn ${tag} Quill`,
      email: `finn.${tag}@example.test`,
      emails: [`fq.secondary.${tag}@example.test`],
    });
    await addCustomer(w, { name: `Gail ${tag}`, email: `gail.${tag}@example.test` });
    const search = async (q: string) =>
      (await call(t, w.agent, 'GET', `/api/v1/customers?q=${encodeURIComponent(q)}`)).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await search(`finn ${tag.toUpperCase()}`)).toEqual([c.body.id]);
    expect(await search(`FQ.Secondary.${tag}@example.test`)).toEqual([c.body.id]);
    expect(await search(`secondary.${tag}`)).toEqual([c.body.id]);
    expect(await search(tag)).toHaveLength(2);
    expect(await search(`nobody-${tag}`)).toEqual([]);
  });

  it('walks every customer page by page with no duplicates or gaps', async () => {
    const w = await makeWorkspace(t);
    const tag = uniq();
    // Some names share case-insensitively, so the id tie-breaker matters.
    for (let i = 0; i < 25; i++) {
      const name = `${i % 3 === 0 ? 'page' : 'Page'} ${tag} ${String(i % 20).padStart(2, '0')}`;
      expect((await addCustomer(w, { name, email: `p${i}.${tag}@example.test` })).status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/customers?q=${tag}&limit=10${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await call(t, w.agent, 'GET', url);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((i: { id: string }) => i.id));
      cursor = res.body.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const bad = await call(t, w.agent, 'GET', '/api/v1/customers?cursor=garbage');
    expect(bad.body).toMatchObject({ status: 400, reason: 'invalid_cursor' });
  });

  it('refuses an address another customer uses, and a rejected change writes nothing', async () => {
    const w = await makeWorkspace(t);
    const taken = await addCustomer(w, { name: 'Twin', email: w.alice.email.toUpperCase() });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'conflict', reason: 'email_taken' });

    const before = await call(t, w.agent, 'GET', `/api/v1/customers/${w.bob.id}`);
    const refused = await call(t, w.agent, 'PATCH', `/api/v1/customers/${w.bob.id}`, {
      name: 'Bob Renamed',
      emails: [`bob.new.${uniq()}@example.test`, w.alice.email],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.reason).toBe('email_taken');
    expect((await call(t, w.agent, 'GET', `/api/v1/customers/${w.bob.id}`)).body).toEqual(before.body);
    expect(await eventsOf(w.ws.id, 'customer.updated')).toEqual([]);
  });

  it('answers bad input with 400 validation_failed and customers with 403', async () => {
    const w = await makeWorkspace(t);
    for (const body of [
      { name: 'X', email: 'not-an-email' },
      { name: 'X', email: 'x@example.test', language: 'english' },
      { name: 'X', email: 'x@example.test', emails: ['nope'] },
      { name: '  ', email: 'x@example.test' },
    ]) {
      const res = await addCustomer(w, body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'invalid', reason: 'validation_failed' });
    }
    const patch = await call(t, w.agent, 'PATCH', `/api/v1/customers/${w.bob.id}`, { language: 'EN' });
    expect(patch.body.reason).toBe('validation_failed');
    expect((await call(t, w.alice, 'GET', '/api/v1/customers')).status).toBe(403);
    expect((await call(t, w.alice, 'GET', `/api/v1/customers/${w.alice.id}`)).status).toBe(403);
    expect(
      (await call(t, w.alice, 'POST', '/api/v1/customers', { name: 'X', email: 'x@y.test' })).status,
    ).toBe(403);
    expect((await call(t, null, 'GET', '/api/v1/customers')).status).toBe(401);
  });

  it("lists the customer's cases, most recently active first", async () => {
    const w = await makeWorkspace(t);
    // Microseconds a JS Date cannot hold, and two cases sharing one instant: the id breaks the tie.
    const rows = [0, 1, 2, 2, 3].map((minute, i) => ({
      workspace_id: w.ws.id,
      number: 9000 + i,
      subject: `Case ${i}`,
      channel: 'email' as const,
      customer_id: w.alice.id,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: `2026-01-01T00:0${minute}:00.000250Z`,
    }));
    await t.deps.db.insertInto('cases').values(rows).execute();
    await t.deps.db
      .insertInto('cases')
      .values({ ...rows[0]!, number: 9100, subject: 'Bob case', customer_id: w.bob.id })
      .execute();
    const seen: { subject: string; updated_at: string }[] = [];
    let url = `/api/v1/customers/${w.alice.id}/cases?limit=2`;
    for (;;) {
      const res = await call(t, w.agent, 'GET', url);
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      if (!res.body.next_cursor) break;
      url = `/api/v1/customers/${w.alice.id}/cases?limit=2&cursor=${res.body.next_cursor}`;
    }
    expect(seen.map((c) => c.subject).sort()).toEqual(['Case 0', 'Case 1', 'Case 2', 'Case 3', 'Case 4']);
    expect(seen[0]).toMatchObject({ subject: 'Case 4', status: 'new', priority: 'normal', channel: 'email' });
    expect(seen.at(-1)?.subject).toBe('Case 0');
    const unknown = await call(t, w.agent, 'GET', `/api/v1/customers/${crypto.randomUUID()}/cases`);
    expect(unknown.body).toMatchObject({ status: 404, reason: 'customer_not_found' });
  });

  it('creates one customer when two requests bring the same new address at once', async () => {
    const w = await makeWorkspace(t);
    const email = `racer.${uniq()}@example.test`;
    const system = { kind: 'system' as const, id: null };
    const find = (e: string, name?: string) =>
      t.deps.db
        .transaction()
        .execute((trx) => findOrCreateCustomerByEmail(t.deps, trx, w.ws.id, { email: e, name }, system));

    // A holds its new, uncommitted customer open while B arrives: B must wait, then read A's.
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let aCreated = () => {};
    const aReady = new Promise<void>((r) => {
      aCreated = r;
    });
    const a = t.deps.db.transaction().execute(async (trx) => {
      const c = await findOrCreateCustomerByEmail(t.deps, trx, w.ws.id, { email, name: 'Racer A' }, system);
      aCreated();
      await held;
      return c;
    });
    await aReady;
    const b = find(email.toUpperCase(), 'Racer B');
    const others = Promise.all([find(email), find(email)]);
    await new Promise((r) => setTimeout(r, 100));
    release();
    const ids = [(await a).id, (await b).id, ...(await others).map((r) => r.id)];
    expect(new Set(ids).size).toBe(1);

    const rows = await t.deps.db
      .selectFrom('customers')
      .selectAll()
      .where('workspace_id', '=', w.ws.id)
      .execute();
    expect(rows.filter((r) => r.email === email).map((r) => r.name)).toEqual(['Racer A']);
    const created = (await eventsOf(w.ws.id, 'customer.created')).filter((e) =>
      JSON.stringify(e).includes(email),
    );
    expect(created).toHaveLength(1);
    expect((await find(email, 'Ignored')).id).toBe(ids[0]);
  });

  it('names a customer known only by address after its local part', async () => {
    const w = await makeWorkspace(t);
    const system = { kind: 'system' as const, id: null };
    const email = `mary-jane.watson+${uniq()}@example.test`;
    const c = await t.deps.db
      .transaction()
      .execute((trx) => findOrCreateCustomerByEmail(t.deps, trx, w.ws.id, { email }, system));
    expect((await call(t, w.agent, 'GET', `/api/v1/customers/${c.id}`)).body).toMatchObject({
      name: 'Mary Jane Watson',
      email,
    });
  });
});
