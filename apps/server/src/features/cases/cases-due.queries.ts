import type { CaseListQuery } from '@fairdesk/contract';
import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import { caseFilters, caseSummariesByIds, filteredCases, type ListScope } from './cases.queries.ts';
import type { DueCursor } from './cases.rules.ts';

/** Targets whose clock runs (or ran out): the predicate of the index case_sla_workspace_due_case. */
const RUNNING = ['on_track', 'at_risk', 'breached'] as const;

/**
 * The page's cases with a running target, by their soonest running due time, then id: walks the
 * index of running targets in due order and keeps each case's soonest one (no earlier running
 * target of the same case), so a page reads about as many rows as it returns. Only ids and due
 * times: this statement is planned on every execution (a generic plan cannot know how selective
 * the filters are and is far worse), and a narrow one plans quickly.
 */
export function dueWalk(db: Executor, scope: ListScope, f: CaseListQuery, after: DueCursor | null) {
  let qb = db
    .selectFrom('case_sla as d')
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .select(['d.case_id as id', 'd.due_at as due'])
    .where('d.workspace_id', '=', scope.workspaceId)
    .where('d.state', 'in', RUNNING)
    .where('d.due_at', 'is not', null)
    .where(
      sql<boolean>`not exists (select 1 from case_sla e where e.case_id = d.case_id
        and e.state in ('on_track', 'at_risk', 'breached') and (e.due_at, e.target) < (d.due_at, d.target))`,
    )
    .where(caseFilters(scope, f));
  if (after?.due) {
    const due = new Date(after.due);
    qb = qb.where((eb) => eb(eb.refTuple('d.due_at', 'd.case_id'), '>', eb.tuple(due, after.id)));
  }
  return qb
    .orderBy('d.workspace_id')
    .orderBy('d.due_at')
    .orderBy('d.case_id')
    .limit(f.limit + 1)
    .execute();
}

/** Cases with a running target, soonest due first, as summaries with their due time. */
export async function casesWithDue(
  db: Executor,
  scope: ListScope,
  f: CaseListQuery,
  after: DueCursor | null,
) {
  const page = await dueWalk(db, scope, f, after);
  if (page.length === 0) return [];
  const rows = await caseSummariesByIds(
    db,
    scope.workspaceId,
    page.map((p) => p.id),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return page.flatMap((p) => {
    const row = byId.get(p.id);
    return row ? [{ ...row, due: p.due }] : [];
  });
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
    .where(
      sql<boolean>`not exists (select 1 from case_sla s where s.case_id = c.id
        and s.state in ('on_track', 'at_risk', 'breached') and s.due_at is not null)`,
    );
  if (after && after.due === null) qb = qb.where('c.number', '>', after.number);
  return qb.orderBy('c.workspace_id').orderBy('c.number').limit(limit).execute();
}
