import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, eventTypesOf, type Person } from '../../../test/factories.ts';
import { DEMO_POLICY_SET } from '../../demo/policies.data.ts';
import { goodwill, type RequestsWorld, requestsWorld } from './requests.fixtures.ts';

let x: RequestsWorld;
beforeAll(async () => {
  x = await requestsWorld();
});
afterAll(() => x.t.close());

describe('recording a request', () => {
  it('answers 201 with the decision: outcome, trace, citations, explanation, alternatives, versions', async () => {
    const { caseId, res } = await x.record({
      kind: 'refund',
      amount: 15000,
      currency: 'GBP',
      facts: { faulty: true, days_since_delivery: 10 },
      description: 'The stove leaks',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      case_id: caseId,
      customer_id: x.w.alice.id,
      kind: 'refund',
      amount: 15000,
      currency: 'GBP',
      recorded_by: { id: x.w.agent.id, role: 'agent' },
      decision: { outcome: 'granted', basis: 'entitlement', hard: false, required_role: null },
    });
    expect(res.body.decision.trace).toHaveLength(DEMO_POLICY_SET.policies.length);
    expect(res.body.decision.policy_versions).toHaveLength(DEMO_POLICY_SET.policies.length);
    expect(res.body.decision.citations[0].citation).toContain('Consumer Rights Act');
    expect(await eventTypesOf(x.t, x.w.ws.id, 'request.')).toEqual(
      expect.arrayContaining(['request.recorded', 'request.decided']),
    );
    const c = await call(x.t, x.w.agent, 'GET', `/api/v1/cases/${caseId}`);
    expect(c.body.timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['request.recorded', 'request.decided']),
    );
  });

  it('refuses bad input with problem+json 400', async () => {
    const c = await x.openCase();
    for (const body of [
      { kind: 'bribe' },
      { kind: 'refund', amount: 100 },
      { kind: 'refund', amount: -1, currency: 'GBP' },
      { kind: 'refund', amount: 1.5, currency: 'GBP' },
      { kind: 'refund', facts: { 'Bad Key': 1 } },
      { kind: 'refund', amount: 100, currency: 'pounds' },
    ]) {
      const res = await call(x.t, x.w.agent, 'POST', `/api/v1/cases/${c.id}/requests`, body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.reason).toBe('validation_failed');
    }
  });

  it('is for staff: a customer cannot record requests or authorise', async () => {
    const c = await x.openCase();
    const res = await call(x.t, x.w.alice, 'POST', `/api/v1/cases/${c.id}/requests`, { kind: 'refund' });
    expect(res.status).toBe(403);
    const { res: rec } = await x.record(goodwill(15000), x.w.agent, c.id);
    const auth = await x.authorise(x.w.alice, rec.body.id);
    expect(auth.status).toBe(403);
    expect(auth.body.reason).toBe('staff_only');
  });
});

describe('authority within limits', () => {
  it('an agent grants up to their limit; above it the request waits for the lowest role that covers it', async () => {
    expect((await x.record(goodwill(2500))).res.body.decision).toMatchObject({
      outcome: 'granted',
      basis: 'within_authority',
    });
    const { res } = await x.record(goodwill(15000));
    expect(res.body.decision).toMatchObject({ outcome: 'needs_authorisation', required_role: 'supervisor' });
    expect(res.body.authorisations).toEqual([
      expect.objectContaining({
        status: 'pending',
        required_role: 'supervisor',
        requested_by: { id: x.w.agent.id, name: x.w.agent.name },
      }),
    ]);
    expect(res.body.can).toMatchObject({ approve: false, communicate: true });
  });

  it('a supervisor cannot approve above their limit (403 exception_over_limit); it stays pending for a manager', async () => {
    const { res } = await x.record(goodwill(50000));
    expect(res.body.decision.required_role).toBe('manager');
    for (const who of [x.w.agent, x.w.supervisor]) {
      const denied = await x.authorise(who, res.body.id);
      expect(denied.status).toBe(403);
      expect(denied.body.reason).toBe('exception_over_limit');
    }
    const still = await call(x.t, x.w.manager, 'GET', `/api/v1/requests/${res.body.id}`);
    expect(still.body.authorisations[0].status).toBe('pending');
    expect(still.body.can).toMatchObject({ approve: true, deny: true });
    const ok = await x.authorise(x.w.manager, res.body.id, 'approve', ['Keep the receipt']);
    expect(ok.status).toBe(201);
    expect(ok.body.decision).toMatchObject({
      outcome: 'granted',
      basis: 'authorised_exception',
      conditions: ['Keep the receipt'],
      decided_by: { id: x.w.manager.id, role: 'manager' },
      policy_versions: res.body.decision.policy_versions,
    });
    expect(ok.body.authorisations[0]).toMatchObject({ status: 'approved', reason: 'Long-standing customer' });
  });

  it('an admin has no authority beyond a manager’s unless the ladder says so', async () => {
    const { res } = await x.record(goodwill(150000));
    expect(res.body.decision).toMatchObject({
      outcome: 'refused',
      basis: 'beyond_authority',
      required_role: null,
    });
    const admin = await x.authorise(x.w.admin, res.body.id);
    expect(admin.status).toBe(403);
    expect(admin.body.reason).toBe('exception_over_limit');
  });

  it('a hard refusal cannot be authorised (409 policy_hard_limit)', async () => {
    const { res } = await x.record({ kind: 'data_access', facts: { subject_is_requester: false } });
    expect(res.body.decision).toMatchObject({ outcome: 'refused', hard: true });
    const r = await x.authorise(x.w.manager, res.body.id);
    expect(r.status).toBe(409);
    expect(r.body.reason).toBe('policy_hard_limit');
  });

  it('a denial appends a refusal with the policy’s alternatives; past decisions stay as they were', async () => {
    const { res } = await x.record(goodwill(15000));
    const denied = await x.authorise(x.w.supervisor, res.body.id, 'deny');
    expect(denied.status).toBe(201);
    expect(denied.body.decision).toMatchObject({ outcome: 'refused', basis: 'authorisation_denied' });
    expect(denied.body.decision.alternatives.length).toBeGreaterThan(0);
    expect(denied.body.decision.id).not.toBe(res.body.decision.id);
    const again = await x.authorise(x.w.manager, res.body.id);
    expect(again.status).toBe(409);
    expect(await eventTypesOf(x.t, x.w.ws.id, 'authorisation.')).toEqual(
      expect.arrayContaining(['authorisation.requested', 'authorisation.denied', 'authorisation.granted']),
    );
  });
});

describe('the authorisation queue', () => {
  it('shows asks needing the caller’s role or below, oldest first, in keyset pages', async () => {
    const { res: s } = await x.record(goodwill(10000));
    const { res: m } = await x.record(goodwill(90000));
    const ids = async (as: Person) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const q: string = cursor ? `&cursor=${cursor}` : '';
        const page = await call(x.t, as, 'GET', `/api/v1/authorisations?status=pending&limit=1${q}`);
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((i: { request: { id: string } }) => i.request.id));
        cursor = page.body.next_cursor;
      } while (cursor);
      return seen;
    };
    const sup = await ids(x.w.supervisor);
    expect(sup).toContain(s.body.id);
    expect(sup).not.toContain(m.body.id);
    const man = await ids(x.w.manager);
    expect(man).toEqual(expect.arrayContaining([s.body.id, m.body.id]));
    const bad = await call(x.t, x.w.manager, 'GET', '/api/v1/authorisations?cursor=nonsense');
    expect(bad.status).toBe(400);
  });
});
