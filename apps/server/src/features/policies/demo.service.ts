import type { PolicyCreate, RequestCreate, StaffRole } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import type { StaffActor } from '../../infra/actor.ts';
import { fixedClock } from '../../infra/clock.ts';
import { authoriseException } from './authorisations.service.ts';
import { communicateDecision } from './communications.service.ts';
import { openCasesOf, staffByRole } from './demo.queries.ts';
import { createPolicy, publishPolicy } from './policies.service.ts';
import { getRequestForStaff, recordRequest } from './requests.service.ts';

const HOUR = 3_600_000;

export type DemoRequest = {
  customer_email: string;
  /** Which of the customer's open cases (by number, wrapping round) carries it. */
  case_index: number;
  /** How long ago it was recorded; recent ones are still waiting in the authorisation queue. */
  hours_ago: number;
  request: RequestCreate;
  authorise?: { by: StaffRole; decision: 'approve' | 'deny'; reason: string; conditions: string[] };
  communicate?: boolean;
};

export type DemoPolicySet = {
  policies: PolicyCreate[];
  requests: DemoRequest[];
  /** Who acts for each role (by address); otherwise the first staff member holding it. */
  actors?: Partial<Record<StaffRole, string>>;
};

/**
 * Seeds a workspace's policy set (published 60 days back) and a handful of requests on its
 * customers' cases, through the same use cases as the API, so decisions and timelines are real.
 */
export async function seedDemoPolicies(deps: Deps, workspaceId: string, set: DemoPolicySet) {
  const realNow = deps.clock.now().getTime();
  const clock = fixedClock(new Date(realNow - 60 * 24 * HOUR));
  const d: Deps = { ...deps, clock };
  const staff = await staffByRole(deps.db, workspaceId);
  const as = (role: StaffRole): StaffActor => {
    const s = staff.find((x) => x.email === set.actors?.[role]) ?? staff.find((x) => x.role === role);
    if (!s) throw new Error(`The demo needs a ${role}`);
    return { kind: 'staff', workspaceId, staffId: s.id, role, sessionId: 'demo' };
  };
  for (const p of set.policies) {
    clock.advance(60_000); // one after another, so the list keeps the set's order
    const id = await createPolicy(d, as('admin'), p);
    await publishPolicy(d, as('admin'), id);
  }
  for (const r of set.requests) {
    const at = new Date(realNow - r.hours_ago * HOUR);
    const cases = await openCasesOf(deps.db, workspaceId, r.customer_email, new Date(at.getTime() - HOUR));
    const target = cases[r.case_index % Math.max(1, cases.length)];
    if (!target) continue;
    clock.set(at);
    const id = await recordRequest(d, as('agent'), target.id, r.request);
    if (r.authorise) {
      clock.advance(2 * HOUR);
      const { by, ...verdict } = r.authorise;
      await authoriseException(d, as(by), id, verdict);
    }
    if (r.communicate) {
      clock.advance(HOUR / 2);
      // As the composer does: pre-filled with the decision's own words and alternatives.
      const view = await getRequestForStaff(d, as('agent'), id);
      const { explanation, alternatives } = view.decision;
      await communicateDecision(d, as('agent'), id, { explanation, alternatives });
    }
  }
}
