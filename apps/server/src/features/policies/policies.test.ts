import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, eventTypesOf, makeWorkspace, type Person, type World } from '../../../test/factories.ts';
import { DEMO_POLICY_SET } from '../../demo/policies.data.ts';
import { seedDemoPolicies } from './index.ts';

let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await makeWorkspace(t);
});
afterAll(() => t.close());

const goodwillPolicy = {
  name: 'Goodwill credit',
  layer: 'organisational',
  kinds: ['goodwill_credit'],
  effect: 'allow_with_authority',
  authority: {
    currency: 'GBP',
    rungs: [
      { role: 'agent', max_amount: 2500 },
      { role: 'supervisor', max_amount: 20000 },
    ],
  },
  citation: 'Service recovery §3',
  explanation: 'You asked for {{request.amount_text}}.',
  alternatives: ['A partial credit'],
};

const record = async (as: Person, body: Record<string, unknown>) => {
  const c = await call(t, as, 'POST', '/api/v1/cases', {
    subject: 'Late order',
    body: 'It came late.',
    customer_id: w.alice.id,
  });
  return call(t, as, 'POST', `/api/v1/cases/${c.body.id}/requests`, body);
};

describe('policies', () => {
  it('an admin creates a draft that decides nothing until published; anyone on staff may read', async () => {
    const created = await call(t, w.admin, 'POST', '/api/v1/policies', goodwillPolicy);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Goodwill credit',
      latest_version: 1,
      in_force: null,
      draft: {
        version: 1,
        status: 'draft',
        strength: 'flexible',
        kinds: ['goodwill_credit'],
        condition: true,
      },
      can: { edit: true, publish: true },
      versions: [expect.objectContaining({ version: 1 })],
    });
    const pending = await record(w.agent, { kind: 'goodwill_credit', amount: 1000, currency: 'GBP' });
    expect(pending.body.decision.basis).toBe('default');

    const published = await call(t, w.admin, 'POST', `/api/v1/policies/${created.body.id}/publish`, {});
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ draft: null, in_force: { version: 1, status: 'published' } });
    const v1 = published.body.in_force.id;
    const granted = await record(w.agent, { kind: 'goodwill_credit', amount: 1000, currency: 'GBP' });
    expect(granted.body.decision).toMatchObject({
      outcome: 'granted',
      basis: 'within_authority',
      policy_versions: [v1],
    });

    const list = await call(t, w.agent, 'GET', '/api/v1/policies');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, can: { edit: false, publish: false } }),
    ]);
    expect((await call(t, w.alice, 'GET', '/api/v1/policies')).status).toBe(403);
    for (const who of [w.agent, w.supervisor, w.manager]) {
      expect((await call(t, who, 'POST', '/api/v1/policies', goodwillPolicy)).status).toBe(403);
      expect((await call(t, who, 'PATCH', `/api/v1/policies/${created.body.id}`, { name: 'x' })).status).toBe(
        403,
      );
      expect((await call(t, who, 'POST', `/api/v1/policies/${created.body.id}/publish`, {})).status).toBe(
        403,
      );
    }

    // Editing starts version 2 as a draft; version 1 stays in force and past decisions keep naming it.
    const edited = await call(t, w.admin, 'PATCH', `/api/v1/policies/${created.body.id}`, {
      authority: {
        currency: 'GBP',
        rungs: [
          { role: 'agent', max_amount: 500 },
          { role: 'supervisor', max_amount: 20000 },
        ],
      },
    });
    expect(edited.body).toMatchObject({ latest_version: 2, in_force: { id: v1 }, draft: { version: 2 } });
    const again = await call(t, w.admin, 'PATCH', `/api/v1/policies/${created.body.id}`, {
      citation: 'Service recovery §3.1',
    });
    expect(again.body).toMatchObject({
      latest_version: 2,
      draft: { version: 2, citation: 'Service recovery §3.1' },
    });

    const whatIf = await call(t, w.admin, 'POST', `/api/v1/policies/${created.body.id}/what-if`, {});
    expect(whatIf.status).toBe(200);
    expect(whatIf.body).toMatchObject({
      replayed: 2,
      changed: 2,
      summary: [{ from: 'granted', to: 'needs_authorisation', count: 2 }],
    });
    expect(whatIf.body.changes[0]).toMatchObject({
      kind: 'goodwill_credit',
      before: { outcome: 'granted', required_role: null },
      after: { outcome: 'needs_authorisation', required_role: 'supervisor' },
    });
    const unsaved = await call(t, w.admin, 'POST', `/api/v1/policies/${created.body.id}/what-if`, {
      draft: { ...goodwillPolicy, enabled: false },
    });
    expect(unsaved.body.summary).toEqual([{ from: 'granted', to: 'needs_authorisation', count: 2 }]);
    expect(unsaved.body.changes[0].after.required_role).toBe('supervisor');
    expect(
      (await call(t, w.supervisor, 'POST', `/api/v1/policies/${created.body.id}/what-if`, {})).status,
    ).toBe(403);

    const future = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await call(t, w.admin, 'POST', `/api/v1/policies/${created.body.id}/publish`, {
      effective_from: future,
    });
    expect(scheduled.body).toMatchObject({ in_force: { id: v1 }, scheduled: { version: 2 }, draft: null });
    const still = await record(w.agent, { kind: 'goodwill_credit', amount: 1000, currency: 'GBP' });
    expect(still.body.decision).toMatchObject({ outcome: 'granted', policy_versions: [v1] });
    const old = await call(t, w.agent, 'GET', `/api/v1/requests/${granted.body.id}`);
    expect(old.body.decision).toEqual(granted.body.decision);
    const noDraft = await call(t, w.admin, 'POST', `/api/v1/policies/${created.body.id}/publish`, {});
    expect(noDraft.status).toBe(409);
    expect(noDraft.body.reason).toBe('no_draft');
    expect(await eventTypesOf(t, w.ws.id, 'policy.')).toEqual([
      'policy.created',
      'policy.published',
      'policy.updated',
      'policy.updated',
      'policy.published',
    ]);
  });

  it('refuses unsound policies in words an admin can act on', async () => {
    const bad = [
      [{ ...goodwillPolicy, layer: 'law', strength: 'flexible' }, 'always hard'],
      [{ ...goodwillPolicy, effect: 'entitle', authority: null }, 'Only law, professional and moral'],
      [{ ...goodwillPolicy, authority: null }, 'needs an authority ladder'],
      [{ ...goodwillPolicy, alternatives: [] }, 'at least one alternative'],
      [{ ...goodwillPolicy, condition: { log: 'x' } }, 'unknown operation "log"'],
      [{ ...goodwillPolicy, condition: { '==': [1, 1], '!=': [1, 2] } }, 'exactly one key'],
    ] as const;
    for (const [body, words] of bad) {
      const res = await call(t, w.admin, 'POST', '/api/v1/policies', body);
      expect(res.status).toBe(400);
      expect(res.body.reason).toBe('invalid_policy');
      expect(res.body.detail).toContain(words);
    }
    const schema = await call(t, w.admin, 'POST', '/api/v1/policies', {
      ...goodwillPolicy,
      layer: 'corporate',
    });
    expect(schema.status).toBe(400);
    expect(schema.headers['content-type']).toContain('application/problem+json');
    const past = await call(t, w.admin, 'POST', '/api/v1/policies', goodwillPolicy);
    const when = await call(t, w.admin, 'POST', `/api/v1/policies/${past.body.id}/publish`, {
      effective_from: '2020-01-01T00:00:00Z',
    });
    expect(when.status).toBe(400);
    expect(when.body.reason).toBe('effective_date_in_past');
  });
});

describe('stats for the scorecard', () => {
  it('reports refusals sent with an alternative and authority used by role, count and value', async () => {
    const s = await makeWorkspace(t);
    await seedDemoPolicies(t.deps, s.ws.id, { policies: DEMO_POLICY_SET.policies, requests: [] });
    const open = async () =>
      (await call(t, s.agent, 'POST', '/api/v1/cases', { subject: 'x', body: 'y', customer_id: s.alice.id }))
        .body.id;
    const rec = async (body: Record<string, unknown>) =>
      (await call(t, s.agent, 'POST', `/api/v1/cases/${await open()}/requests`, body)).body;
    await rec({ kind: 'goodwill_credit', amount: 1500, currency: 'GBP' });
    const big = await rec({ kind: 'goodwill_credit', amount: 15000, currency: 'GBP' });
    await call(t, s.supervisor, 'POST', `/api/v1/requests/${big.id}/authorisations`, {
      decision: 'approve',
      reason: 'ok',
    });
    const no = await rec({ kind: 'return', facts: { faulty: false, days_since_delivery: 200 } });
    await call(t, s.agent, 'POST', `/api/v1/requests/${no.id}/communications`, {
      explanation: no.decision.explanation,
      alternatives: no.decision.alternatives,
    });
    await rec({ kind: 'advice', facts: { safety_equipment_modification: true } });

    const stats = await call(t, s.manager, 'GET', '/api/v1/policies/stats');
    expect(stats.status).toBe(200);
    expect(stats.body).toEqual({
      from: null,
      to: null,
      decisions: { granted: 2, refused: 2, needs_authorisation: 0 },
      refusals: { communicated: 1, communicated_with_alternative: 1, share_with_alternative: 1 },
      exceptions_by_role: [
        { role: 'agent', count: 1, value: [{ currency: 'GBP', amount: 1500 }] },
        { role: 'supervisor', count: 1, value: [{ currency: 'GBP', amount: 15000 }] },
      ],
    });
    expect((await call(t, s.alice, 'GET', '/api/v1/policies/stats')).status).toBe(403);
    const empty = await call(
      t,
      s.manager,
      'GET',
      `/api/v1/policies/stats?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(empty.body.refusals.share_with_alternative).toBeNull();
  });
});
