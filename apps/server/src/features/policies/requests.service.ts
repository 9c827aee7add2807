import type { RequestCreate } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import { type EventType, emit } from '../../events.ts';
import { type Actor, actorRef, type StaffActor } from '../../infra/actor.ts';
import type { Executor } from '../../infra/db.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import { authorisationsOf, communicationsOf, insertAuthorisation } from './authorisations.queries.ts';
import { versionsInForce } from './policies.queries.ts';
import { decide, type EngineDecision } from './policies.rules.ts';
import { loadSettings } from './policies.service.ts';
import { presentRequestForCustomer, presentRequestForStaff, type RequestBundle } from './requests.present.ts';
import * as q from './requests.queries.ts';
import { engineInput, expiresAt, requestContext, toEnginePolicy } from './requests.rules.ts';

/** The decision row for a fresh engine decision. */
export const decisionRow = (
  r: { workspace_id: string; id: string; case_id: string },
  d: EngineDecision,
  by: StaffActor,
  at: Date,
): q.NewDecision => ({
  workspace_id: r.workspace_id,
  request_id: r.id,
  case_id: r.case_id,
  outcome: d.outcome,
  basis: d.basis,
  hard: d.hard,
  required_role: d.required_role,
  trace: d.trace,
  citations: d.citations,
  explanation: d.explanation,
  alternatives: d.alternatives,
  policy_version_ids: d.policy_versions,
  decided_by: by.staffId,
  decided_role: by.role,
  authorisation_id: null,
  conditions: [],
  created_at: at,
});

/** Records a customer's request on a case and decides it on the policies in force now. */
export async function recordRequest(deps: Deps, actor: StaffActor, caseId: string, input: RequestCreate) {
  return deps.db.transaction().execute(async (trx) => {
    const c = await q.findCaseContext(trx, actor.workspaceId, caseId);
    if (!c) throw notFound('Case');
    if (c.status === 'closed')
      throw new AppError('conflict', 'This case is closed; open a new case instead', {
        reason: 'case_closed',
      });
    const at = deps.clock.now();
    const [settings, versions] = await Promise.all([
      loadSettings(trx, actor.workspaceId),
      versionsInForce(trx, actor.workspaceId, at),
    ]);
    const context = requestContext(c, at);
    const row = {
      kind: input.kind,
      amount: input.amount ?? null,
      currency: input.currency ?? null,
      facts: input.facts,
      description: input.description,
      context,
    };
    const decision = decide(versions.map(toEnginePolicy), engineInput(row), {
      ...settings,
      actor_role: actor.role,
    });
    const { id } = await q.insertRequest(trx, {
      ...row,
      workspace_id: actor.workspaceId,
      case_id: caseId,
      customer_id: c.customer_id,
      recorded_by: actor.staffId,
      recorded_role: actor.role,
      created_at: at,
    });
    const ref = { workspace_id: actor.workspaceId, id, case_id: caseId };
    const d = await q.insertDecision(trx, decisionRow(ref, decision, actor, at));
    await q.updateRequest(trx, id, { engine_decision_id: d.id, decision_id: d.id });
    const events: { type: EventType; case_id: string; data: Record<string, unknown> }[] = [
      {
        type: 'request.recorded',
        case_id: caseId,
        data: { request_id: id, kind: row.kind, amount: row.amount, currency: row.currency },
      },
      {
        type: 'request.decided',
        case_id: caseId,
        data: {
          request_id: id,
          decision_id: d.id,
          outcome: decision.outcome,
          basis: decision.basis,
          required_role: decision.required_role,
          policy_versions: decision.policy_versions,
        },
      },
    ];
    if (decision.outcome === 'needs_authorisation') {
      const ask = await insertAuthorisation(trx, {
        workspace_id: actor.workspaceId,
        request_id: id,
        case_id: caseId,
        status: 'pending',
        required_role: decision.required_role,
        policy_version_ids: decision.policy_versions,
        requested_by: actor.staffId,
        requested_at: at,
        note: '',
        expires_at: expiresAt(at, settings.authorisation_ttl_days),
      });
      events.push({
        type: 'authorisation.requested',
        case_id: caseId,
        data: { request_id: id, authorisation_id: ask.id, required_role: decision.required_role },
      });
    }
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, events);
    return id;
  });
}

async function bundles(db: Executor, workspaceId: string, rows: q.RequestRow[]): Promise<RequestBundle[]> {
  const ids = rows.map((r) => r.id);
  const [auths, comms] = await Promise.all([
    authorisationsOf(db, workspaceId, ids),
    communicationsOf(db, workspaceId, ids),
  ]);
  const decisionIds = new Set([
    ...rows.map((r) => r.decision_id).filter((x): x is string => x !== null),
    ...comms.map((c) => c.decision_id),
  ]);
  const decisions = await q.decisionsById(db, workspaceId, [...decisionIds]);
  const byId = new Map(decisions.map((d) => [d.id, d]));
  return rows
    .filter((r) => r.decision_id && byId.has(r.decision_id))
    .map((r) => {
      const communications = comms.filter((c) => c.request_id === r.id);
      const last = communications.at(-1);
      return {
        r,
        decision: byId.get(r.decision_id!)!,
        communicated: last ? byId.get(last.decision_id) : undefined,
        authorisations: auths.filter((a) => a.request_id === r.id),
        communications,
      };
    });
}

async function present(deps: Deps, actor: Actor, list: RequestBundle[]) {
  if (actor.kind === 'customer') return list.map(presentRequestForCustomer);
  const ids = new Set<string>();
  for (const b of list) {
    if (b.r.recorded_by) ids.add(b.r.recorded_by);
    for (const a of b.authorisations) for (const s of [a.requested_by, a.decided_by]) if (s) ids.add(s);
  }
  const names = new Map(
    (await q.staffNames(deps.db, actor.workspaceId, [...ids])).map((s) => [
      s.id,
      { name: s.name, role: s.role },
    ]),
  );
  const now = deps.clock.now();
  return list.map((b) => presentRequestForStaff(b, names, now, actor.role));
}

/** A case's requests: staff see everything, the case's customer sees their own in plain words. */
export async function listCaseRequests(deps: Deps, actor: Actor, caseId: string) {
  const c = await q.findCaseContext(deps.db, actor.workspaceId, caseId);
  if (!c || (actor.kind === 'customer' && c.customer_id !== actor.customerId)) throw notFound('Case');
  const rows = await q.listRequestsOfCase(deps.db, actor.workspaceId, caseId);
  return { items: await present(deps, actor, await bundles(deps.db, actor.workspaceId, rows)) };
}

export async function getRequest(deps: Deps, actor: Actor, id: string) {
  const row = await q.findRequest(deps.db, actor.workspaceId, id);
  if (!row || (actor.kind === 'customer' && row.customer_id !== actor.customerId)) throw notFound('Request');
  const [view] = await present(deps, actor, await bundles(deps.db, actor.workspaceId, [row]));
  if (!view) throw notFound('Request');
  return view;
}

/** The staff view of one request, for answers to writes. */
export async function getRequestForStaff(deps: Deps, actor: StaffActor, id: string) {
  return (await getRequest(deps, actor, id)) as ReturnType<typeof presentRequestForStaff>;
}
