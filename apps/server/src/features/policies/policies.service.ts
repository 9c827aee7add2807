import type { PolicyCreate, PolicyUpdate, StaffRole } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { actorRef, type StaffActor } from '../../infra/actor.ts';
import type { Executor } from '../../infra/db.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import { presentPolicy, presentVersion } from './policies.present.ts';
import * as q from './policies.queries.ts';
import { defaultStrength, mergeEdit, type VersionFields, versionProblems } from './versions.rules.ts';

export type PolicySettings = {
  default_outcome: 'granted' | 'needs_authorisation';
  default_role: StaffRole;
  authorisation_ttl_days: number;
};

const DEFAULT_SETTINGS: PolicySettings = {
  default_outcome: 'needs_authorisation',
  default_role: 'supervisor',
  authorisation_ttl_days: 7,
};

export async function loadSettings(db: Executor, workspaceId: string): Promise<PolicySettings> {
  const row = await q.findSettings(db, workspaceId);
  if (!row) return DEFAULT_SETTINGS;
  return {
    default_outcome: row.default_outcome === 'granted' ? 'granted' : 'needs_authorisation',
    default_role: row.default_role,
    authorisation_ttl_days: row.authorisation_ttl_days,
  };
}

export async function updateSettings(deps: Deps, actor: StaffActor, patch: Partial<PolicySettings>) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await loadSettings(trx, actor.workspaceId);
    const after = { ...before, ...patch };
    const at = deps.clock.now();
    await q.upsertSettings(trx, actor.workspaceId, { ...after, updated_at: at });
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
      { type: 'policy.settings_updated', data: { before, after } },
    ]);
    return after;
  });
}

function assertSound(v: VersionFields) {
  const problems = versionProblems(v);
  if (problems.length > 0) {
    throw new AppError('invalid', problems.join('; '), { reason: 'invalid_policy', details: { problems } });
  }
}

export const withStrength = (input: PolicyCreate): VersionFields => ({
  ...input,
  strength: input.strength ?? defaultStrength(input.layer),
});

/** The editable fields of a stored version. */
export const fieldsOf = (v: q.VersionRow): VersionFields => ({
  name: v.name,
  layer: v.layer,
  strength: v.strength,
  kinds: v.kinds,
  condition: v.condition as VersionFields['condition'],
  effect: v.effect,
  authority: (v.authority ?? null) as VersionFields['authority'],
  citation: v.citation,
  explanation: v.explanation,
  alternatives: v.alternatives,
  enabled: v.enabled,
});

/** A new policy, as version 1 in draft; it decides nothing until published. */
export async function createPolicy(deps: Deps, actor: StaffActor, input: PolicyCreate, trxIn?: Executor) {
  const fields = withStrength(input);
  assertSound(fields);
  const run = async (trx: Executor) => {
    const at = deps.clock.now();
    const { id } = await q.insertPolicy(trx, { workspace_id: actor.workspaceId, created_at: at });
    const version = await q.insertVersion(trx, {
      ...fields,
      workspace_id: actor.workspaceId,
      policy_id: id,
      version: 1,
      created_by: actor.staffId,
      created_at: at,
    });
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
      {
        type: 'policy.created',
        data: { policy_id: id, version_id: version.id, name: fields.name, layer: fields.layer },
      },
    ]);
    return id;
  };
  return trxIn ? run(trxIn) : deps.db.transaction().execute(run);
}

/** Editing never touches a published version: it revises the open draft or starts a new one. */
export async function editPolicy(deps: Deps, actor: StaffActor, id: string, edit: PolicyUpdate) {
  return deps.db.transaction().execute(async (trx) => {
    const policy = await q.lockPolicy(trx, actor.workspaceId, id);
    if (!policy) throw notFound('Policy');
    const versions = await q.versionsOfPolicy(trx, actor.workspaceId, id);
    const latest = versions[0]!;
    const fields = mergeEdit(fieldsOf(latest), edit);
    assertSound(fields);
    const at = deps.clock.now();
    const row = { ...fields, created_by: actor.staffId, created_at: at };
    let versionId = latest.id;
    if (latest.status === 'draft') await q.reviseDraft(trx, latest.id, row);
    else {
      const next = policy.latest_version + 1;
      versionId = (
        await q.insertVersion(trx, { ...row, workspace_id: actor.workspaceId, policy_id: id, version: next })
      ).id;
      await q.touchPolicy(trx, id, { latest_version: next, updated_at: at });
    }
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
      { type: 'policy.updated', data: { policy_id: id, version_id: versionId, fields: Object.keys(edit) } },
    ]);
    return id;
  });
}

/** Publishes the open draft, effective from the given date (now by default, never in the past). */
export async function publishPolicy(
  deps: Deps,
  actor: StaffActor,
  id: string,
  effectiveFrom?: string,
  trxIn?: Executor,
) {
  const run = async (trx: Executor) => {
    const policy = await q.lockPolicy(trx, actor.workspaceId, id);
    if (!policy) throw notFound('Policy');
    const draft = (await q.versionsOfPolicy(trx, actor.workspaceId, id)).find((v) => v.status === 'draft');
    if (!draft) throw new AppError('conflict', 'There is no draft to publish', { reason: 'no_draft' });
    const at = deps.clock.now();
    const from = effectiveFrom ? new Date(effectiveFrom) : at;
    if (from.getTime() < at.getTime() - 60_000) {
      throw new AppError('invalid', 'A policy cannot take effect in the past', {
        reason: 'effective_date_in_past',
      });
    }
    await q.publishVersion(trx, draft.id, {
      effective_from: from,
      published_at: at,
      published_by: actor.staffId,
    });
    await q.touchPolicy(trx, id, { updated_at: at });
    await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
      {
        type: 'policy.published',
        data: {
          policy_id: id,
          version_id: draft.id,
          version: draft.version,
          effective_from: from.toISOString(),
        },
      },
    ]);
    return id;
  };
  return trxIn ? run(trxIn) : deps.db.transaction().execute(run);
}

export async function listPolicies(deps: Deps, actor: StaffActor) {
  const now = deps.clock.now();
  const policies = await q.listPolicies(deps.db, actor.workspaceId);
  const versions = await q.keyVersionsOf(
    deps.db,
    actor.workspaceId,
    policies.map((p) => p.id),
    now,
  );
  const byPolicy = Map.groupBy(versions, (v) => v.policy_id);
  return { items: policies.map((p) => presentPolicy(p, byPolicy.get(p.id) ?? [], now, actor.role)) };
}

export async function getPolicy(deps: Deps, actor: StaffActor, id: string) {
  const policy = await q.findPolicy(deps.db, actor.workspaceId, id);
  if (!policy) throw notFound('Policy');
  const versions = await q.versionsOfPolicy(deps.db, actor.workspaceId, id);
  return {
    ...presentPolicy(policy, versions, deps.clock.now(), actor.role),
    versions: versions.map(presentVersion),
  };
}
