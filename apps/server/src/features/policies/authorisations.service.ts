import type { DecisionBasis } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { actorRef, type StaffActor } from '../../infra/actor.ts';
import type { Executor } from '../../infra/db.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import * as aq from './authorisations.queries.ts';
import { rolesUpTo } from './authority.rules.ts';
import { versionsById } from './policies.queries.ts';
import { decide } from './policies.rules.ts';
import { loadSettings } from './policies.service.ts';
import { presentAuthorisation } from './requests.present.ts';
import * as q from './requests.queries.ts';
import {
  authorisationState,
  authorityCheck,
  awaitsAuthority,
  decodeCursor,
  encodeCursor,
  engineInput,
  expiresAt,
  toEnginePolicy,
} from './requests.rules.ts';

type Verdict = { decision: 'approve' | 'deny'; reason: string; conditions: string[] };

async function loadCurrent(trx: Executor, actor: StaffActor, requestId: string) {
  const r = await q.lockRequest(trx, actor.workspaceId, requestId);
  if (!r?.decision_id) throw notFound('Request');
  const [d] = await q.decisionsById(trx, actor.workspaceId, [r.decision_id]);
  if (!d) throw notFound('Request');
  const [latest] = await aq.authorisationsOf(trx, actor.workspaceId, [r.id]);
  return { r, d: { ...d, basis: d.basis as DecisionBasis }, latest };
}

/** Checks the caller's authority against the ladders of the very versions the decision used. */
async function assertAuthority(
  trx: Executor,
  actor: StaffActor,
  cur: Awaited<ReturnType<typeof loadCurrent>>,
) {
  const { r, d } = cur;
  const versions = await versionsById(trx, actor.workspaceId, d.policy_version_ids);
  const settings = await loadSettings(trx, actor.workspaceId);
  const recheck = decide(versions.map(toEnginePolicy), engineInput(r), {
    ...settings,
    actor_role: actor.role,
  });
  const check = authorityCheck(d, d.basis === 'needs_authority' ? recheck : null, actor.role);
  if (check === 'hard') {
    throw new AppError('conflict', 'A hard rule refuses this request; nobody can authorise past it', {
      reason: 'policy_hard_limit',
    });
  }
  if (check === 'not_awaiting') {
    throw new AppError('conflict', `This request is ${d.outcome}; it is not waiting for an authorisation`, {
      reason: 'not_awaiting_authorisation',
    });
  }
  if (check === 'over_limit') {
    const who = d.required_role ? `It needs a ${d.required_role}` : 'It is beyond every rung of the ladder';
    throw new AppError('forbidden', `This is above your limit as ${actor.role}. ${who}.`, {
      reason: 'exception_over_limit',
      details: { required_role: d.required_role },
    });
  }
}

/** Approves or denies an exception, within the caller's limit; a new decision is appended. */
export async function authoriseException(deps: Deps, actor: StaffActor, requestId: string, v: Verdict) {
  return deps.db.transaction().execute(async (trx) => {
    const cur = await loadCurrent(trx, actor, requestId);
    const { r, d, latest } = cur;
    const now = deps.clock.now();
    await assertAuthority(trx, actor, cur);
    if (v.decision === 'deny' && d.outcome === 'refused')
      throw new AppError('conflict', 'This request is already refused', {
        reason: 'not_awaiting_authorisation',
      });
    const state = latest ? authorisationState(latest, now) : null;
    if (d.outcome === 'needs_authorisation' && state !== 'pending') {
      throw new AppError('conflict', 'The ask for authorisation has lapsed; ask again', {
        reason: 'authorisation_expired',
      });
    }
    const settings = await loadSettings(trx, actor.workspaceId);
    const decided = {
      status: v.decision === 'approve' ? ('approved' as const) : ('denied' as const),
      decided_by: actor.staffId,
      decided_role: actor.role,
      decided_at: now,
      reason: v.reason,
      conditions: v.conditions,
      expires_at: expiresAt(now, settings.authorisation_ttl_days),
    };
    let authorisationId: string;
    if (latest && state === 'pending') {
      await aq.updateAuthorisation(trx, latest.id, decided);
      authorisationId = latest.id;
    } else {
      const row = await aq.insertAuthorisation(trx, {
        workspace_id: actor.workspaceId,
        request_id: r.id,
        case_id: r.case_id,
        required_role: d.required_role,
        policy_version_ids: d.policy_version_ids,
        requested_by: actor.staffId,
        requested_at: now,
        note: '',
        ...decided,
      });
      authorisationId = row.id;
    }
    const approve = v.decision === 'approve';
    const next = await q.insertDecision(trx, {
      workspace_id: actor.workspaceId,
      request_id: r.id,
      case_id: r.case_id,
      outcome: approve ? 'granted' : 'refused',
      basis: approve ? 'authorised_exception' : 'authorisation_denied',
      hard: false,
      required_role: null,
      trace: d.trace,
      citations: d.citations,
      explanation: approve
        ? `We can do this as an exception, authorised by our ${actor.role}.`
        : d.explanation,
      alternatives: approve ? [] : d.alternatives,
      policy_version_ids: d.policy_version_ids,
      decided_by: actor.staffId,
      decided_role: actor.role,
      authorisation_id: authorisationId,
      conditions: approve ? v.conditions : [],
      created_at: now,
    });
    await q.updateRequest(trx, r.id, { decision_id: next.id, updated_at: now });
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at: now }, [
      {
        type: approve ? 'authorisation.granted' : 'authorisation.denied',
        case_id: r.case_id,
        data: {
          request_id: r.id,
          authorisation_id: authorisationId,
          role: actor.role,
          reason: v.reason,
          conditions: v.conditions,
          policy_versions: d.policy_version_ids,
        },
      },
      {
        type: 'request.decided',
        case_id: r.case_id,
        data: {
          request_id: r.id,
          decision_id: next.id,
          outcome: approve ? 'granted' : 'refused',
          basis: approve ? 'authorised_exception' : 'authorisation_denied',
        },
      },
    ]);
    return r.id;
  });
}

/**
 * Asks the people with authority to decide: for a flexible refusal, for a lapsed ask, or for an
 * approval that lapsed unused (the engine's decision is reinstated first).
 */
export async function askForAuthorisation(deps: Deps, actor: StaffActor, requestId: string, note: string) {
  return deps.db.transaction().execute(async (trx) => {
    const { r, d, latest } = await loadCurrent(trx, actor, requestId);
    const now = deps.clock.now();
    const state = latest ? authorisationState(latest, now) : null;
    const lapsedGrant = d.basis === 'authorised_exception' && state === 'expired';
    let current = d;
    if (lapsedGrant && r.engine_decision_id) {
      const [engine] = await q.decisionsById(trx, actor.workspaceId, [r.engine_decision_id]);
      if (!engine) throw notFound('Request');
      const { id: _id, decided_by_name: _n, request_id: _r, case_id: _c, ...copy } = engine;
      const again = await q.insertDecision(trx, {
        ...copy,
        workspace_id: actor.workspaceId,
        request_id: r.id,
        case_id: r.case_id,
        created_at: now,
      });
      await q.updateRequest(trx, r.id, { decision_id: again.id, updated_at: now });
      current = { ...engine, id: again.id, basis: engine.basis as DecisionBasis };
    }
    if (d.hard)
      throw new AppError('conflict', 'A hard rule refuses this request; nobody can authorise past it', {
        reason: 'policy_hard_limit',
      });
    if (!awaitsAuthority(current))
      throw new AppError('conflict', 'Nobody can authorise this request', {
        reason: 'not_awaiting_authorisation',
      });
    if (state === 'pending')
      throw new AppError('conflict', 'An ask for authorisation is already waiting', {
        reason: 'authorisation_pending',
      });
    const settings = await loadSettings(trx, actor.workspaceId);
    const ask = await aq.insertAuthorisation(trx, {
      workspace_id: actor.workspaceId,
      request_id: r.id,
      case_id: r.case_id,
      status: 'pending',
      required_role: current.required_role,
      policy_version_ids: current.policy_version_ids,
      requested_by: actor.staffId,
      requested_at: now,
      note,
      expires_at: expiresAt(now, settings.authorisation_ttl_days),
    });
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at: now }, [
      {
        type: 'authorisation.requested',
        case_id: r.case_id,
        data: { request_id: r.id, authorisation_id: ask.id, required_role: current.required_role, note },
      },
    ]);
    return r.id;
  });
}

/** The queue: asks needing a role the caller holds or one below it, oldest first. */
export async function listAuthorisations(
  deps: Deps,
  actor: StaffActor,
  f: { status: 'pending' | 'expired' | 'approved' | 'denied'; limit: number; cursor?: string },
) {
  const cursor = f.cursor ? decodeCursor(f.cursor) : null;
  if (f.cursor && !cursor)
    throw new AppError('invalid', 'The cursor is not one we gave out', { reason: 'invalid_cursor' });
  const now = deps.clock.now();
  const rows = await aq.authorisationQueue(deps.db, {
    workspaceId: actor.workspaceId,
    status: f.status,
    roles: rolesUpTo(actor.role),
    now,
    limit: f.limit,
    cursor,
  });
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  const ids = [
    ...new Set(page.flatMap((a) => [a.requested_by, a.decided_by]).filter((x): x is string => !!x)),
  ];
  const names = new Map((await q.staffNames(deps.db, actor.workspaceId, ids)).map((s) => [s.id, s]));
  return {
    items: page.map((a) => ({
      authorisation: presentAuthorisation(a, names, now),
      request: {
        id: a.request_id,
        kind: a.kind,
        amount: a.amount,
        currency: a.currency,
        description: a.description,
        outcome: a.outcome ?? 'needs_authorisation',
        explanation: a.explanation ?? '',
      },
      case: { id: a.case_id, number: a.case_number, subject: a.case_subject },
      customer: { id: a.customer_id, name: a.customer_name },
    })),
    next_cursor:
      rows.length > f.limit && last
        ? encodeCursor({ at: last.requested_at.toISOString(), id: last.id })
        : null,
  };
}
