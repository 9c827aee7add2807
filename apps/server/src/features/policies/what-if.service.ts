import type { DecisionOutcome, PolicyCreate, StaffRole } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import type { StaffActor } from '../../infra/actor.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import * as pq from './policies.queries.ts';
import { decide, type EnginePolicy } from './policies.rules.ts';
import { fieldsOf, loadSettings, withStrength } from './policies.service.ts';
import { recentRequests } from './requests.queries.ts';
import { engineInput, toEnginePolicy } from './requests.rules.ts';
import { type VersionFields, versionProblems } from './versions.rules.ts';

const REPLAYED = 1000;
const SHOWN = 500;

/**
 * Replays the workspace's last 1,000 requests on the policies in force now, once as they are and
 * once with this policy's draft in place of its published version, and reports what would change.
 */
export async function whatIf(deps: Deps, actor: StaffActor, policyId: string, unsaved?: PolicyCreate) {
  const policy = await pq.findPolicy(deps.db, actor.workspaceId, policyId);
  if (!policy) throw notFound('Policy');
  let draft: VersionFields | undefined = unsaved ? withStrength(unsaved) : undefined;
  let draftId = '00000000-0000-4000-8000-000000000000';
  if (!draft) {
    const stored = (await pq.versionsOfPolicy(deps.db, actor.workspaceId, policyId)).find(
      (v) => v.status === 'draft',
    );
    if (!stored)
      throw new AppError('conflict', 'There is no draft to try; edit the policy first', {
        reason: 'no_draft',
      });
    draft = fieldsOf(stored);
    draftId = stored.id;
  }
  const problems = versionProblems(draft);
  if (problems.length > 0)
    throw new AppError('invalid', problems.join('; '), { reason: 'invalid_policy', details: { problems } });
  const now = deps.clock.now();
  const [settings, inForce, requests] = await Promise.all([
    loadSettings(deps.db, actor.workspaceId),
    pq.versionsInForce(deps.db, actor.workspaceId, now),
    recentRequests(deps.db, actor.workspaceId, REPLAYED),
  ]);
  const baseline = inForce.map(toEnginePolicy);
  const candidate: EnginePolicy[] = [
    ...baseline.filter((p) => p.policy_id !== policyId),
    { ...draft, policy_id: policyId, version_id: draftId, version: policy.latest_version },
  ];
  const summary = new Map<string, { from: DecisionOutcome; to: DecisionOutcome; count: number }>();
  const changes = [];
  for (const r of requests) {
    const opts = { ...settings, actor_role: r.recorded_role as StaffRole };
    const input = engineInput(r);
    const before = decide(baseline, input, opts);
    const after = decide(candidate, input, opts);
    if (before.outcome === after.outcome && before.required_role === after.required_role) continue;
    const key = `${before.outcome}>${after.outcome}`;
    const s = summary.get(key) ?? { from: before.outcome, to: after.outcome, count: 0 };
    summary.set(key, { ...s, count: s.count + 1 });
    changes.push({
      request_id: r.id,
      case: { id: r.case_id, number: r.case_number, subject: r.case_subject },
      kind: r.kind,
      amount: r.amount,
      currency: r.currency,
      before: { outcome: before.outcome, required_role: before.required_role },
      after: { outcome: after.outcome, required_role: after.required_role },
    });
  }
  return {
    policy_id: policyId,
    replayed: requests.length,
    changed: changes.length,
    summary: [...summary.values()],
    changes: changes.slice(0, SHOWN),
  };
}
