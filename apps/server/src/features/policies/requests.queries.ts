import { sql, type Updateable } from 'kysely';
import type { DB, Executor } from '../../infra/db.ts';
import type { DecisionOutcome, RequestKind, StaffRole } from '../../infra/db.types.ts';

/** The case a request is recorded on, with what the engine reads of its customer. */
export const findCaseContext = (db: Executor, workspaceId: string, caseId: string) =>
  db
    .selectFrom('cases as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select([
      'c.id',
      'c.number',
      'c.subject',
      'c.status',
      'c.priority',
      'c.channel',
      'c.tags',
      'c.customer_id',
      'cu.created_at as customer_since',
      'cu.organisation_id',
    ])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', '=', caseId)
    .executeTakeFirst();

export const insertRequest = (
  db: Executor,
  row: {
    workspace_id: string;
    case_id: string;
    customer_id: string;
    kind: RequestKind;
    amount: number | null;
    currency: string | null;
    facts: Record<string, unknown>;
    description: string;
    context: unknown;
    recorded_by: string;
    recorded_role: StaffRole;
    created_at: Date;
  },
) =>
  db
    .insertInto('requests')
    .values({
      ...row,
      facts: JSON.stringify(row.facts),
      context: JSON.stringify(row.context),
      updated_at: row.created_at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const updateRequest = (db: Executor, id: string, patch: Updateable<DB['requests']>) =>
  db.updateTable('requests').set(patch).where('id', '=', id).execute();

const requestColumns = [
  'r.id',
  'r.workspace_id',
  'r.case_id',
  'r.customer_id',
  'r.kind',
  'r.amount',
  'r.currency',
  'r.facts',
  'r.description',
  'r.context',
  'r.recorded_by',
  'r.recorded_role',
  'r.engine_decision_id',
  'r.decision_id',
  'r.created_at',
  'r.updated_at',
] as const;
export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

/** The case's customer's language and the workspace's, to write the customer in. */
export const caseLanguages = (db: Executor, workspaceId: string, caseId: string) =>
  db
    .selectFrom('cases as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .innerJoin('workspaces as w', 'w.id', 'c.workspace_id')
    .select(['cu.language as customer_language', 'w.languages as workspace_languages'])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', '=', caseId)
    .executeTakeFirst();

export const findRequest = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('requests as r')
    .select(requestColumns)
    .where('r.workspace_id', '=', workspaceId)
    .where('r.id', '=', id)
    .executeTakeFirst();

/** The request row, locked: decisions on one request are taken one at a time. */
export const lockRequest = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('requests as r')
    .select(requestColumns)
    .where('r.workspace_id', '=', workspaceId)
    .where('r.id', '=', id)
    .forUpdate()
    .executeTakeFirst();

/** A case's requests, oldest first; a case carries a handful, the cap keeps it bounded. */
export const listRequestsOfCase = (db: Executor, workspaceId: string, caseId: string) =>
  db
    .selectFrom('requests as r')
    .select(requestColumns)
    .where('r.workspace_id', '=', workspaceId)
    .where('r.case_id', '=', caseId)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(200)
    .execute();

/** The workspace's latest requests, for what-if replays. */
export const recentRequests = (db: Executor, workspaceId: string, limit: number) =>
  db
    .selectFrom('requests as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select([...requestColumns, 'c.number as case_number', 'c.subject as case_subject'])
    .where('r.workspace_id', '=', workspaceId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();

export type NewDecision = {
  workspace_id: string;
  request_id: string;
  case_id: string;
  outcome: DecisionOutcome;
  basis: string;
  hard: boolean;
  required_role: StaffRole | null;
  trace: unknown;
  citations: unknown;
  explanation: string;
  alternatives: string[];
  policy_version_ids: string[];
  decided_by: string | null;
  decided_role: StaffRole | null;
  authorisation_id: string | null;
  conditions: string[];
  created_at: Date;
};

export const insertDecision = (db: Executor, d: NewDecision) =>
  db
    .insertInto('decisions')
    .values({ ...d, trace: JSON.stringify(d.trace), citations: JSON.stringify(d.citations) })
    .returning('id')
    .executeTakeFirstOrThrow();

const decisionColumns = [
  'd.id',
  'd.request_id',
  'd.case_id',
  'd.outcome',
  'd.basis',
  'd.hard',
  'd.required_role',
  'd.trace',
  'd.citations',
  'd.explanation',
  'd.alternatives',
  sql<string[]>`d.policy_version_ids::text[]`.as('policy_version_ids'),
  'd.decided_by',
  'd.decided_role',
  'd.authorisation_id',
  'd.conditions',
  'd.created_at',
  's.name as decided_by_name',
] as const;
export type DecisionRow = Awaited<ReturnType<typeof decisionsById>>[number];

export const decisionsById = (db: Executor, workspaceId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('decisions as d')
        .leftJoin('staff as s', 's.id', 'd.decided_by')
        .select(decisionColumns)
        .where('d.workspace_id', '=', workspaceId)
        .where('d.id', 'in', ids)
        .execute();

export const staffNames = (db: Executor, workspaceId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('staff')
        .select(['id', 'name', 'role'])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', ids)
        .execute();
