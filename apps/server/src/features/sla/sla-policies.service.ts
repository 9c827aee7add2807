import type { CaseStatus, SlaPolicyFields } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { actorRef, type StaffActor } from '../../infra/actor.ts';
import type { Executor } from '../../infra/db.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import { queueOpenCasesRecompute } from './recompute.service.ts';
import { presentPolicy } from './sla-admin.present.ts';
import * as q from './sla-policies.queries.ts';
import { evaluates, pauseProblems, reorder, slaConditionProblems } from './sla-policies.rules.ts';

type Input = SlaPolicyFields;

/** A policy as stored; an unusable condition or pause status is a 400 with its own reason. */
function checked(input: Input): q.PolicyValues {
  const condition = slaConditionProblems(input.conditions);
  if (condition.length || !evaluates(input.conditions))
    throw new AppError('invalid', condition.join('; ') || 'The condition cannot be evaluated', {
      reason: 'invalid_condition',
      details: condition,
    });
  const pause = pauseProblems(input.pause_statuses as CaseStatus[]);
  if (pause.length) throw new AppError('invalid', pause.join('; '), { reason: 'invalid_pause_status' });
  return {
    ...input,
    pause_statuses: [...new Set(input.pause_statuses)] as CaseStatus[],
    targets: Object.fromEntries(Object.entries(input.targets).filter(([, v]) => v)),
  };
}

export async function listPolicies(deps: Deps, actor: StaffActor) {
  return { items: (await q.listPolicies(deps.db, actor.workspaceId)).map(presentPolicy) };
}

async function policyIn(db: Executor, workspaceId: string, id: string) {
  const row = await q.findPolicy(db, workspaceId, id);
  if (!row) throw notFound('SLA policy');
  return presentPolicy(row);
}

const ctx = (deps: Deps, actor: StaffActor) => ({
  workspaceId: actor.workspaceId,
  actor: actorRef(actor),
  at: deps.clock.now(),
});

export async function createPolicy(deps: Deps, actor: StaffActor, input: Input) {
  const values = checked(input);
  const c = ctx(deps, actor);
  return deps.db.transaction().execute(async (trx) => {
    await q.lockPolicies(trx, actor.workspaceId);
    const { id } = await q.appendPolicy(trx, actor.workspaceId, values, c.at);
    const policy = await policyIn(trx, actor.workspaceId, id);
    await emit(trx, c, [{ type: 'sla_policy.created', data: { policy_id: id, ...values } }]);
    return { policy, recompute: await queueOpenCasesRecompute(trx, actor.workspaceId) };
  });
}

export async function updatePolicy(deps: Deps, actor: StaffActor, id: string, input: Input) {
  const values = checked(input);
  const c = ctx(deps, actor);
  return deps.db.transaction().execute(async (trx) => {
    await q.lockPolicies(trx, actor.workspaceId);
    const before = await policyIn(trx, actor.workspaceId, id);
    await q.updatePolicy(trx, actor.workspaceId, id, values, c.at);
    const policy = await policyIn(trx, actor.workspaceId, id);
    const changes = Object.fromEntries(
      (Object.keys(values) as (keyof q.PolicyValues)[])
        .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(policy[k]))
        .map((k) => [k, [before[k], policy[k]]]),
    );
    await emit(trx, c, [{ type: 'sla_policy.updated', data: { policy_id: id, changes } }]);
    return { policy, recompute: await queueOpenCasesRecompute(trx, actor.workspaceId) };
  });
}

export async function deletePolicy(deps: Deps, actor: StaffActor, id: string) {
  const c = ctx(deps, actor);
  return deps.db.transaction().execute(async (trx) => {
    await q.lockPolicies(trx, actor.workspaceId);
    const before = await policyIn(trx, actor.workspaceId, id);
    await q.deletePolicy(trx, actor.workspaceId, id);
    const rest = await q.listPolicies(trx, actor.workspaceId);
    await q.setPositions(
      trx,
      actor.workspaceId,
      rest.map((p) => p.id),
      c.at,
    );
    await emit(trx, c, [{ type: 'sla_policy.deleted', data: { policy_id: id, name: before.name } }]);
    return { recompute: await queueOpenCasesRecompute(trx, actor.workspaceId) };
  });
}

/** The order in which policies are tried: `ids` must name every policy of the workspace once. */
export async function reorderPolicies(deps: Deps, actor: StaffActor, ids: string[]) {
  const c = ctx(deps, actor);
  return deps.db.transaction().execute(async (trx) => {
    await q.lockPolicies(trx, actor.workspaceId);
    const current = (await q.listPolicies(trx, actor.workspaceId)).map((p) => p.id);
    const order = reorder(current, ids);
    if (!order)
      throw new AppError('invalid', 'Give every SLA policy of the workspace exactly once', {
        reason: 'policy_order_mismatch',
      });
    await q.setPositions(trx, actor.workspaceId, order, c.at);
    await emit(trx, c, [{ type: 'sla_policy.reordered', data: { before: current, after: order } }]);
    const items = (await q.listPolicies(trx, actor.workspaceId)).map(presentPolicy);
    return { items, recompute: await queueOpenCasesRecompute(trx, actor.workspaceId) };
  });
}
