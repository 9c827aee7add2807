import { sql, type Updateable } from 'kysely';
import type { DB, Executor } from '../../infra/db.ts';
import type {
  DecisionOutcome,
  PolicyEffect,
  PolicyLayer,
  PolicyStrength,
  RequestKind,
  StaffRole,
} from '../../infra/db.types.ts';

/** A version row with arrays parsed (enum arrays come back from pg as text otherwise). */
const versionColumns = [
  'v.id',
  'v.policy_id',
  'v.version',
  'v.status',
  'v.name',
  'v.layer',
  'v.strength',
  sql<RequestKind[]>`v.kinds::text[]`.as('kinds'),
  'v.condition',
  'v.effect',
  'v.authority',
  'v.citation',
  'v.explanation',
  'v.alternatives',
  'v.enabled',
  'v.effective_from',
  'v.published_at',
  'v.created_at',
] as const;

export type VersionRow = Awaited<ReturnType<typeof versionsById>>[number];

export type NewVersion = {
  workspace_id: string;
  policy_id: string;
  version: number;
  name: string;
  layer: PolicyLayer;
  strength: PolicyStrength;
  kinds: RequestKind[];
  condition: unknown;
  effect: PolicyEffect;
  authority: unknown;
  citation: string;
  explanation: string;
  alternatives: string[];
  enabled: boolean;
  created_by: string | null;
  created_at: Date;
};

const jsonb = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

export const insertPolicy = (db: Executor, row: { workspace_id: string; created_at: Date }) =>
  db
    .insertInto('policies')
    .values({ ...row, updated_at: row.created_at })
    .returning('id')
    .executeTakeFirstOrThrow();

export const insertVersion = (db: Executor, v: NewVersion) =>
  db
    .insertInto('policy_versions')
    .values({
      ...v,
      condition: JSON.stringify(v.condition),
      authority: jsonb(v.authority),
      updated_at: v.created_at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

/** Revises an unpublished draft in place: no decision can have used it. */
export const reviseDraft = (
  db: Executor,
  id: string,
  v: Omit<NewVersion, 'workspace_id' | 'policy_id' | 'version'>,
) =>
  db
    .updateTable('policy_versions')
    .set({
      ...v,
      condition: JSON.stringify(v.condition),
      authority: jsonb(v.authority),
      updated_at: v.created_at,
      created_at: undefined,
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute();

export const publishVersion = (
  db: Executor,
  id: string,
  p: { effective_from: Date; published_at: Date; published_by: string },
) =>
  db
    .updateTable('policy_versions')
    .set({ ...p, status: 'published', updated_at: p.published_at })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();

export const touchPolicy = (db: Executor, id: string, patch: Updateable<DB['policies']>) =>
  db.updateTable('policies').set(patch).where('id', '=', id).execute();

export const lockPolicy = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('policies')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

/** Policies are few per workspace by nature; the cap keeps a runaway one bounded. */
export const listPolicies = (db: Executor, workspaceId: string, limit = 500) =>
  db
    .selectFrom('policies')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();

export const findPolicy = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('policies')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/** The latest version of each policy (draft or published), the one in force and the next scheduled. */
export const keyVersionsOf = (db: Executor, workspaceId: string, policyIds: string[], at: Date) =>
  policyIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('policy_versions as v')
        .innerJoin('policies as p', 'p.id', 'v.policy_id')
        .select(versionColumns)
        .where('v.workspace_id', '=', workspaceId)
        .where('v.policy_id', 'in', policyIds)
        .where((eb) =>
          eb.or([
            eb('v.version', '=', eb.ref('p.latest_version')),
            eb.and([eb('v.status', '=', 'published'), eb('v.effective_from', '>', at)]),
            eb('v.id', 'in', inForceIds(db, workspaceId, at)),
          ]),
        )
        .orderBy('v.policy_id')
        .orderBy('v.version')
        .execute();

const inForceIds = (db: Executor, workspaceId: string, at: Date) =>
  db
    .selectFrom('policy_versions')
    .select('id')
    .distinctOn('policy_id')
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'published')
    .where('effective_from', '<=', at)
    .orderBy('policy_id')
    .orderBy('effective_from', 'desc')
    .orderBy('version', 'desc');

/** The published version of every policy in force at `at`. */
export const versionsInForce = (db: Executor, workspaceId: string, at: Date) =>
  db
    .selectFrom('policy_versions as v')
    .select(versionColumns)
    .where('v.id', 'in', inForceIds(db, workspaceId, at))
    .execute();

export const versionsOfPolicy = (db: Executor, workspaceId: string, policyId: string) =>
  db
    .selectFrom('policy_versions as v')
    .select(versionColumns)
    .where('v.workspace_id', '=', workspaceId)
    .where('v.policy_id', '=', policyId)
    .orderBy('v.version', 'desc')
    .limit(200)
    .execute();

export const versionsById = (db: Executor, workspaceId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('policy_versions as v')
        .select(versionColumns)
        .where('v.workspace_id', '=', workspaceId)
        .where('v.id', 'in', [...ids])
        .execute();

export const findSettings = (db: Executor, workspaceId: string) =>
  db.selectFrom('policy_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();

export const upsertSettings = (
  db: Executor,
  workspaceId: string,
  s: {
    default_outcome: DecisionOutcome;
    default_role: StaffRole;
    authorisation_ttl_days: number;
    updated_at: Date;
  },
) =>
  db
    .insertInto('policy_settings')
    .values({ workspace_id: workspaceId, ...s })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet(s))
    .execute();
