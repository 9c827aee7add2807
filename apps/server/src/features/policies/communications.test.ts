import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeWorkspace } from '../../../test/factories.ts';
import { goodwill, type RequestsWorld, requestsWorld } from './requests.fixtures.ts';

let x: RequestsWorld;
beforeAll(async () => {
  x = await requestsWorld();
});
afterAll(() => x.t.close());

describe('telling the customer', () => {
  it('refuses to send a refusal without words or an alternative (422 refusal_needs_alternative)', async () => {
    const { caseId, res } = await x.record({
      kind: 'return',
      facts: { faulty: false, days_since_delivery: 120 },
    });
    const path = `/api/v1/requests/${res.body.id}/communications`;
    for (const body of [
      {},
      { explanation: 'No.' },
      { explanation: '  ', alternatives: ['Store credit'] },
      { explanation: 'No.', alternatives: [' '] },
    ]) {
      const r = await call(x.t, x.w.agent, 'POST', path, body);
      expect(r.status).toBe(422);
      expect(r.body.reason).toBe('refusal_needs_alternative');
    }
    const before = await call(x.t, x.w.agent, 'GET', `/api/v1/cases/${caseId}`);
    const unsent = await call(x.t, x.w.alice, 'GET', `/api/v1/cases/${caseId}/requests`);
    expect(unsent.body.items).toEqual([expect.objectContaining({ id: res.body.id, decision: null })]);
    expect(before.body.messages.some((m: { body: string }) => m.body.includes('120 days'))).toBe(false);
    const sent = await call(x.t, x.w.agent, 'POST', path, {
      explanation: 'We cannot take this back after 120 days.',
      alternatives: ['Store credit for the full value'],
    });
    expect(sent.status).toBe(201);
    expect(sent.body.communications).toHaveLength(1);
    const after = await call(x.t, x.w.agent, 'GET', `/api/v1/cases/${caseId}`);
    expect(after.body.messages).toHaveLength(before.body.messages.length + 1);
    const msg = after.body.messages.find((m: { body: string }) => m.body.includes('120 days'));
    expect(msg).toMatchObject({ visibility: 'public', author: { kind: 'staff', id: x.w.agent.id } });
    expect(msg.body).toContain('Store credit for the full value');
    expect(msg.body).toContain('Trailhead returns policy');
    expect(after.body.timeline.map((e: { type: string }) => e.type)).toContain('decision.communicated');

    const mine = await call(x.t, x.w.alice, 'GET', `/api/v1/cases/${caseId}/requests`);
    expect(mine.status).toBe(200);
    expect(mine.body.items[0]).toEqual({
      id: res.body.id,
      case_id: caseId,
      kind: 'return',
      amount: null,
      currency: null,
      description: '',
      created_at: expect.any(String),
      decision: {
        outcome: 'refused',
        explanation: 'We cannot take this back after 120 days.',
        alternatives: ['Store credit for the full value'],
        conditions: [],
        citations: [
          { name: 'Returns for change of mind', citation: 'Trailhead returns policy §2 (change of mind)' },
        ],
        communicated_at: expect.any(String),
      },
    });
    const other = await call(x.t, x.w.bob, 'GET', `/api/v1/cases/${caseId}/requests`);
    expect(other.status).toBe(404);
    const one = await call(x.t, x.w.bob, 'GET', `/api/v1/requests/${res.body.id}`);
    expect(one.status).toBe(404);
  });

  it('sends an authorised exception with its conditions, and marks the authorisation used', async () => {
    const { caseId, res } = await x.record({
      kind: 'return',
      facts: { faulty: false, days_since_delivery: 45 },
    });
    await x.authorise(x.w.supervisor, res.body.id, 'approve', ['Return it unused within 14 days']);
    const sent = await call(x.t, x.w.agent, 'POST', `/api/v1/requests/${res.body.id}/communications`, {});
    expect(sent.status).toBe(201);
    expect(sent.body.authorisations[0].status).toBe('used');
    const c = await call(x.t, x.w.alice, 'GET', `/api/v1/cases/${caseId}`);
    expect(c.body.messages.map((m: { body: string }) => m.body).join('\n')).toContain(
      'This comes with conditions:\n- Return it unused within 14 days',
    );
    const mine = await call(x.t, x.w.alice, 'GET', `/api/v1/requests/${res.body.id}`);
    expect(mine.body.decision).toMatchObject({
      outcome: 'granted',
      conditions: ['Return it unused within 14 days'],
    });
    expect(mine.body.decision.trace).toBeUndefined();
  });
});

describe('expiry', () => {
  it('an unanswered ask lapses, and an unused approval cannot be used after it expires', async () => {
    const ttl = await call(x.t, x.w.admin, 'PATCH', '/api/v1/policies/settings', {
      authorisation_ttl_days: 1,
    });
    expect(ttl.body).toMatchObject({ authorisation_ttl_days: 1, default_role: 'supervisor' });
    expect(
      (await call(x.t, x.w.supervisor, 'PATCH', '/api/v1/policies/settings', { default_role: 'agent' }))
        .status,
    ).toBe(403);
    const { res } = await x.record(goodwill(15000));
    expect(res.body.authorisations[0].expires_at).toBe(
      new Date(x.clock.now().getTime() + 86_400_000).toISOString(),
    );
    x.clock.advance(86_400_000);
    const late = await x.authorise(x.w.supervisor, res.body.id);
    expect(late.status).toBe(409);
    expect(late.body.reason).toBe('authorisation_expired');
    const view = await call(x.t, x.w.agent, 'GET', `/api/v1/requests/${res.body.id}`);
    expect(view.body.authorisations[0].status).toBe('expired');
    expect(view.body.can.ask_authorisation).toBe(true);
    const queue = await call(x.t, x.w.manager, 'GET', '/api/v1/authorisations?status=expired&limit=100');
    expect(queue.body.items.map((i: { request: { id: string } }) => i.request.id)).toContain(res.body.id);

    const ask = await call(x.t, x.w.agent, 'POST', `/api/v1/requests/${res.body.id}/authorisation-requests`, {
      note: 'Please look again',
    });
    expect(ask.status).toBe(201);
    expect(await x.authorise(x.w.supervisor, res.body.id).then((r) => r.status)).toBe(201);
    x.clock.advance(86_400_000);
    const unused = await call(x.t, x.w.agent, 'POST', `/api/v1/requests/${res.body.id}/communications`, {});
    expect(unused.status).toBe(409);
    expect(unused.body.reason).toBe('authorisation_expired');
    const reask = await call(
      x.t,
      x.w.agent,
      'POST',
      `/api/v1/requests/${res.body.id}/authorisation-requests`,
      {},
    );
    expect(reask.status).toBe(201);
    expect(reask.body.decision).toMatchObject({
      outcome: 'needs_authorisation',
      required_role: 'supervisor',
    });
    await call(x.t, x.w.admin, 'PATCH', '/api/v1/policies/settings', { authorisation_ttl_days: 7 });
  });
});

describe('workspace isolation', () => {
  it('another workspace cannot see or act on this one’s requests, authorisations or policies', async () => {
    const b = await makeWorkspace(x.t);
    const { caseId, res } = await x.record(goodwill(15000));
    const id = res.body.id;
    expect((await call(x.t, b.manager, 'GET', `/api/v1/requests/${id}`)).status).toBe(404);
    expect((await call(x.t, b.manager, 'GET', `/api/v1/cases/${caseId}/requests`)).status).toBe(404);
    expect((await call(x.t, b.agent, 'POST', `/api/v1/cases/${caseId}/requests`, goodwill(100))).status).toBe(
      404,
    );
    expect((await x.authorise(b.manager, id)).status).toBe(404);
    expect((await call(x.t, b.agent, 'POST', `/api/v1/requests/${id}/communications`, {})).status).toBe(404);
    expect(
      (await call(x.t, b.agent, 'POST', `/api/v1/requests/${id}/authorisation-requests`, {})).status,
    ).toBe(404);
    const queue = await call(x.t, b.manager, 'GET', '/api/v1/authorisations');
    expect(queue.body.items).toEqual([]);
    const policies = await call(x.t, b.admin, 'GET', '/api/v1/policies');
    expect(policies.body.items).toEqual([]);
    const mine = await call(x.t, x.w.admin, 'GET', '/api/v1/policies');
    const pid = mine.body.items[0].id;
    expect((await call(x.t, b.admin, 'GET', `/api/v1/policies/${pid}`)).status).toBe(404);
    expect((await call(x.t, b.admin, 'PATCH', `/api/v1/policies/${pid}`, { name: 'Mine now' })).status).toBe(
      404,
    );
    expect((await call(x.t, b.admin, 'POST', `/api/v1/policies/${pid}/publish`, {})).status).toBe(404);
    expect((await call(x.t, b.admin, 'POST', `/api/v1/policies/${pid}/what-if`, {})).status).toBe(404);
    // B's own request is decided by B's (empty) policy set: the workspace default.
    const bc = await call(x.t, b.agent, 'POST', '/api/v1/cases', {
      subject: 'x',
      body: 'y',
      customer_id: b.alice.id,
    });
    const br = await call(x.t, b.agent, 'POST', `/api/v1/cases/${bc.body.id}/requests`, goodwill(100));
    expect(br.body.decision).toMatchObject({
      outcome: 'needs_authorisation',
      basis: 'default',
      required_role: 'supervisor',
      trace: [],
    });
  });
});
