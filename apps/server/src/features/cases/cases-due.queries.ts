import type { CaseListQuery } from '@fairdesk/contract';
import { sql } from 'kysely';
import { type Executor, withGenericPlan } from '../../infra/db.ts';
import { statementByShape } from '../../infra/statement-shapes.ts';
import {
  filteredCases,
  type ListForm,
  type ListScope,
  type ListValues,
  listShape,
} from './case-list.queries.ts';
import type { DueCursor } from './cases.rules.ts';

/** A walk's form: the list's, and whether it starts after a cursor. */
type WalkForm = ListForm & { after: boolean };
type WithDueValues = ListValues & { afterDue: Date | null; afterId: string | null; limit: number };

const withDueStatement = statementByShape((db, form: WalkForm, v: WithDueValues) => {
  let qb = filteredCases(db, form, v).select('c.next_due_at as due').where('c.next_due_at', 'is not', null);
  if (form.after) {
    qb = qb.where((eb) =>
      eb(eb.refTuple('c.next_due_at', 'c.id'), '>', eb.tuple(v.afterDue as Date, v.afterId as string)),
    );
  }
  return qb
    .orderBy('c.workspace_id')
    .orderBy('c.next_due_at')
    .orderBy('c.id')
    .limit(v.limit)
    .$call(withGenericPlan);
});

/**
 * Cases with a running target, soonest due first, then id, as summaries with their due time: one
 * walk of cases_next_due_idx (`next_due_at`, the soonest running target's due time, is kept on the
 * case by triggers on case_sla), so a page reads about as many rows as it returns. The plan does
 * not depend on the values (the index's order, the filters checked on the way), so it is made once
 * per connection (withGenericPlan); the text is compiled once per form (statementByShape).
 */
export async function casesWithDue(
  db: Executor,
  scope: ListScope,
  f: CaseListQuery,
  after: DueCursor | null,
) {
  const { form, values } = listShape(scope, f);
  const due = after?.due ? new Date(after.due) : null;
  const statement = withDueStatement(
    db,
    { ...form, after: due !== null },
    { ...values, afterDue: due, afterId: after?.id ?? null, limit: f.limit + 1 },
  );
  return (await db.executeQuery(statement)).rows;
}

type WithoutDueValues = ListValues & { afterNumber: number | null; limit: number };

const withoutDueStatement = statementByShape((db, form: WalkForm, v: WithoutDueValues) => {
  let qb = filteredCases(db, form, v)
    .select(sql<Date | null>`null::timestamptz`.as('due'))
    .where('c.next_due_at', 'is', null);
  if (form.after) qb = qb.where('c.number', '>', v.afterNumber as number);
  return qb.orderBy('c.workspace_id').orderBy('c.number').limit(v.limit).$call(withGenericPlan);
});

/** Cases without a running target (paused, met, or no policy), oldest case number first. */
export async function casesWithoutDue(
  db: Executor,
  scope: ListScope,
  f: CaseListQuery,
  after: DueCursor | null,
  limit: number,
) {
  const { form, values } = listShape(scope, f);
  const afterNumber = after && after.due === null ? after.number : null;
  const statement = withoutDueStatement(
    db,
    { ...form, after: afterNumber !== null },
    { ...values, afterNumber, limit },
  );
  return (await db.executeQuery(statement)).rows;
}
