import { sql, type Updateable } from 'kysely';
import type { DB, Executor } from '../../infra/db.ts';
import type { DecisionOutcome, StaffRole } from '../../infra/db.types.ts';

const authorisationColumns = [
  'a.id',
  'a.request_id',
  'a.case_id',
  'a.status',
  'a.required_role',
  sql<string[]>`a.policy_version_ids::text[]`.as('policy_version_ids'),
  'a.requested_by',
  'a.requested_at',
  'a.note',
  'a.decided_by',
  'a.decided_role',
  'a.decided_at',
  'a.reason',
  'a.conditions',
  'a.expires_at',
  'a.used_at',
] as const;
export type AuthorisationRow = Awaited<ReturnType<typeof authorisationsOf>>[number];

export const insertAuthorisation = (
  db: Executor,
  row: {
    workspace_id: string;
    request_id: string;
    case_id: string;
    status: 'pending' | 'approved' | 'denied';
    required_role: StaffRole | null;
    policy_version_ids: string[];
    requested_by: string | null;
    requested_at: Date;
    note: string;
    expires_at: Date;
    decided_by?: string;
    decided_role?: StaffRole;
    decided_at?: Date;
    reason?: string;
    conditions?: string[];
  },
) => db.insertInto('authorisations').values(row).returning('id').executeTakeFirstOrThrow();

export const updateAuthorisation = (db: Executor, id: string, patch: Updateable<DB['authorisations']>) =>
  db.updateTable('authorisations').set(patch).where('id', '=', id).execute();

/** Every authorisation of these requests, newest first. */
export const authorisationsOf = (db: Executor, workspaceId: string, requestIds: string[]) =>
  requestIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('authorisations as a')
        .select(authorisationColumns)
        .where('a.workspace_id', '=', workspaceId)
        .where('a.request_id', 'in', requestIds)
        .orderBy('a.created_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(1000)
        .execute();

export type QueueFilter = {
  workspaceId: string;
  status: 'pending' | 'expired' | 'approved' | 'denied';
  roles: StaffRole[];
  now: Date;
  limit: number;
  cursor: { at: string; id: string } | null;
};

/** One keyset page of the authorisation queue, oldest ask first; fetches limit + 1 rows. */
export function authorisationQueue(db: Executor, f: QueueFilter) {
  let qb = db
    .selectFrom('authorisations as a')
    .innerJoin('requests as r', 'r.id', 'a.request_id')
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .innerJoin('customers as cu', 'cu.id', 'r.customer_id')
    .leftJoin('decisions as d', 'd.id', 'r.decision_id')
    .select([
      ...authorisationColumns,
      'r.kind',
      'r.amount',
      'r.currency',
      'r.description',
      'd.outcome',
      'd.explanation',
      'c.number as case_number',
      'c.subject as case_subject',
      'cu.id as customer_id',
      'cu.name as customer_name',
    ])
    .where('a.workspace_id', '=', f.workspaceId);
  if (f.status === 'pending' || f.status === 'expired') {
    qb = qb
      .where('a.status', '=', 'pending')
      .where('a.expires_at', f.status === 'pending' ? '>' : '<=', f.now);
  } else {
    qb = qb.where('a.status', '=', f.status);
  }
  if (f.status === 'pending') {
    qb = qb.where((eb) => eb.or([eb('a.required_role', 'is', null), eb('a.required_role', 'in', f.roles)]));
  }
  if (f.cursor) {
    const c = f.cursor;
    qb = qb.where((eb) => eb(eb.refTuple('a.requested_at', 'a.id'), '>', eb.tuple(new Date(c.at), c.id)));
  }
  return qb
    .orderBy('a.requested_at')
    .orderBy('a.id')
    .limit(f.limit + 1)
    .execute();
}

export const insertCommunication = (
  db: Executor,
  row: {
    workspace_id: string;
    request_id: string;
    decision_id: string;
    case_id: string;
    message_id: string;
    outcome: DecisionOutcome;
    explanation: string;
    alternatives: string[];
    sent_by: string;
    created_at: Date;
  },
) => db.insertInto('communications').values(row).returning('id').executeTakeFirstOrThrow();

export type CommunicationRow = Awaited<ReturnType<typeof communicationsOf>>[number];

export const communicationsOf = (db: Executor, workspaceId: string, requestIds: string[]) =>
  requestIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('communications as m')
        .leftJoin('staff as s', 's.id', 'm.sent_by')
        .select([
          'm.id',
          'm.request_id',
          'm.decision_id',
          'm.message_id',
          'm.outcome',
          'm.explanation',
          'm.alternatives',
          'm.sent_by',
          's.name as sent_by_name',
          'm.created_at',
        ])
        .where('m.workspace_id', '=', workspaceId)
        .where('m.request_id', 'in', requestIds)
        .orderBy('m.created_at')
        .orderBy('m.id')
        .limit(1000)
        .execute();
