import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type Person, type World } from '../../../test/factories.ts';
import { DEMO_POLICY_SET } from '../../demo/policies.data.ts';
import { fixedClock } from '../../infra/clock.ts';
import { seedDemoPolicies } from './index.ts';

/** A test app on a fixed clock and a workspace with the demo policy set in force. */
export async function requestsWorld() {
  const clock = fixedClock(new Date());
  const t: TestContext = await startTestApp({ clock });
  const w: World = await makeWorkspace(t);
  await seedDemoPolicies(t.deps, w.ws.id, { policies: DEMO_POLICY_SET.policies, requests: [] });

  const openCase = async (customer: Person = w.alice) =>
    (
      await call(t, w.agent, 'POST', '/api/v1/cases', {
        subject: 'About my order',
        body: 'I would like to ask for something.',
        customer_id: customer.id,
      })
    ).body as { id: string };
  const record = async (body: Record<string, unknown>, as: Person = w.agent, caseId?: string) => {
    const c = caseId ?? (await openCase()).id;
    return { caseId: c, res: await call(t, as, 'POST', `/api/v1/cases/${c}/requests`, body) };
  };
  const authorise = (
    as: Person,
    id: string,
    decision: 'approve' | 'deny' = 'approve',
    conditions: string[] = [],
  ) =>
    call(t, as, 'POST', `/api/v1/requests/${id}/authorisations`, {
      decision,
      reason: 'Long-standing customer',
      conditions,
    });
  return { clock, t, w, openCase, record, authorise };
}
export type RequestsWorld = Awaited<ReturnType<typeof requestsWorld>>;

export const goodwill = (amount: number, facts = {}) => ({
  kind: 'goodwill_credit',
  amount,
  currency: 'GBP',
  facts,
});
