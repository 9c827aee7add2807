import type { CaseListQuery } from '@fairdesk/contract';
import { sql } from 'kysely';
import { type Executor, withGenericPlan } from '../../infra/db.ts';
import { filteredCases, type ListScope } from './cases.queries.ts';
import type { DueCursor } from './cases.rules.ts';

/**
 * Cases with a running target, soonest due first, then id, as summaries with their due time: one
 * walk of cases_next_due_idx (`next_due_at`, the soonest running target's due time, is kept on the
 * case by triggers on case_sla), so a page reads about as many rows as it returns. The plan does
 * not depend on the values (the index's order, the filters checked on the way), so it is made once
 * per connection (withGenericPlan).
 */
export function casesWithDue(db: Executor, scope: ListScope, f: CaseListQuery, after: DueCursor | null) {
  let qb = filteredCases(db, scope, f).select('c.next_due_at as due').where('c.next_due_at', 'is not', null);
  if (after?.due) {
    const due = new Date(after.due);
    qb = qb.where((eb) => eb(eb.refTuple('c.next_due_at', 'c.id'), '>', eb.tuple(due, after.id)));
  }
  return qb
    .orderBy('c.workspace_id')
    .orderBy('c.next_due_at')
    .orderBy('c.id')
    .limit(f.limit + 1)
    .$call(withGenericPlan)
    .execute();
}

/** Cases without a running target (paused, met, or no policy), oldest case number first. */
export function casesWithoutDue(
  db: Executor,
  scope: ListScope,
  f: CaseListQuery,
  after: DueCursor | null,
  limit: number,
) {
  let qb = filteredCases(db, scope, f)
    .select(sql<Date | null>`null::timestamptz`.as('due'))
    .where('c.next_due_at', 'is', null);
  if (after && after.due === null) qb = qb.where('c.number', '>', after.number);
  return qb.orderBy('c.workspace_id').orderBy('c.number').limit(limit).$call(withGenericPlan).execute();
}
