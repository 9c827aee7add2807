import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';

export type Range = { workspaceId: string; from: Date | null; to: Date | null };

/** Requests by their current decision's outcome, recorded within the range. */
export function outcomeCounts(db: Executor, r: Range) {
  let qb = db
    .selectFrom('requests as q')
    .innerJoin('decisions as d', 'd.id', 'q.decision_id')
    .select(['d.outcome', sql<number>`count(*)::int`.as('n')])
    .where('q.workspace_id', '=', r.workspaceId);
  if (r.from) qb = qb.where('q.created_at', '>=', r.from);
  if (r.to) qb = qb.where('q.created_at', '<', r.to);
  return qb.groupBy('d.outcome').execute();
}

/** Refusals sent to customers, and how many of them carried an alternative. */
export function refusalCommunications(db: Executor, r: Range) {
  let qb = db
    .selectFrom('communications as m')
    .select([
      sql<number>`count(*)::int`.as('communicated'),
      sql<number>`count(*) filter (where cardinality(m.alternatives) > 0)::int`.as('with_alternative'),
    ])
    .where('m.workspace_id', '=', r.workspaceId)
    .where('m.outcome', '=', 'refused');
  if (r.from) qb = qb.where('m.created_at', '>=', r.from);
  if (r.to) qb = qb.where('m.created_at', '<', r.to);
  return qb.executeTakeFirstOrThrow();
}

/** Authority used, by the role that used it: grants within the decider's own limit and approved exceptions. */
export function exceptionsByRole(db: Executor, r: Range) {
  let qb = db
    .selectFrom('decisions as d')
    .innerJoin('requests as q', 'q.id', 'd.request_id')
    .select([
      'd.decided_role',
      'q.currency',
      sql<number>`count(*)::int`.as('n'),
      sql<number>`coalesce(sum(q.amount), 0)::bigint`.as('amount'),
    ])
    .where('d.workspace_id', '=', r.workspaceId)
    .where('d.basis', 'in', ['within_authority', 'authorised_exception'])
    .where('d.decided_role', 'is not', null);
  if (r.from) qb = qb.where('d.created_at', '>=', r.from);
  if (r.to) qb = qb.where('d.created_at', '<', r.to);
  return qb.groupBy(['d.decided_role', 'q.currency']).execute();
}
