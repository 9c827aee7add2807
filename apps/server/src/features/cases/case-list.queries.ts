import type { CaseListQuery, CasePriority, CaseStatus } from '@fairdesk/contract';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { DB, Executor } from '../../infra/db.ts';
import { statementByShape } from '../../infra/statement-shapes.ts';
import { baseSummary } from './cases.queries.ts';
import type { Cursor } from './cases.rules.ts';
import { textQuery } from './search.queries.ts';

export type ListScope = { workspaceId: string; customerId?: string; staffId?: string };

/**
 * What of a list's scope and filters decides its statement's text. The lists are compiled once per
 * form (statementByShape); everything else is a value (ListValues) passed as a parameter, lists of
 * statuses and priorities as one array each, so that their length does not change the text.
 */
export type ListForm = {
  /** A customer's own cases. */
  own: boolean;
  status: boolean;
  priority: boolean;
  assignee: 'none' | 'me' | 'one' | null;
  team: 'none' | 'one' | null;
  tag: boolean;
  customer: boolean;
  organisation: boolean;
  text: boolean;
};

export type ListValues = {
  workspaceId: string;
  ownerId: string | null;
  staffId: string | null;
  status: CaseStatus[] | null;
  priority: CasePriority[] | null;
  assigneeId: string | null;
  teamId: string | null;
  tag: string | null;
  customerId: string | null;
  organisationId: string | null;
  q: string | null;
};

/** A list request as the form of its statement and the values it passes. */
export function listShape(scope: ListScope, f: CaseListQuery): { form: ListForm; values: ListValues } {
  const assignee = f.assignee_id;
  return {
    form: {
      own: Boolean(scope.customerId),
      status: Boolean(f.status?.length),
      priority: Boolean(f.priority?.length),
      assignee: assignee === 'none' || assignee === 'me' ? assignee : assignee ? 'one' : null,
      team: f.team_id === 'none' ? 'none' : f.team_id ? 'one' : null,
      tag: Boolean(f.tag),
      customer: Boolean(f.customer_id),
      organisation: Boolean(f.organisation_id),
      text: Boolean(f.q),
    },
    values: {
      workspaceId: scope.workspaceId,
      ownerId: scope.customerId ?? null,
      staffId: scope.staffId ?? null,
      status: f.status?.length ? f.status : null,
      priority: f.priority?.length ? f.priority : null,
      assigneeId: assignee && assignee !== 'none' && assignee !== 'me' ? assignee : null,
      teamId: f.team_id && f.team_id !== 'none' ? f.team_id : null,
      tag: f.tag ?? null,
      customerId: f.customer_id ?? null,
      organisationId: f.organisation_id ?? null,
      q: f.q ?? null,
    },
  };
}

/** Subject or any visible message matches the words (customers never match internal notes). */
function textMatch(q: string, publicOnly: boolean) {
  return (eb: ExpressionBuilder<DB & { c: DB['cases'] }, 'c'>) => {
    const query = textQuery(q);
    let messages = eb
      .selectFrom('messages as m')
      .select(sql`1`.as('one'))
      .whereRef('m.case_id', '=', 'c.id')
      .where(sql<boolean>`m.search @@ ${query}`);
    if (publicOnly) messages = messages.where('m.visibility', '=', 'public');
    const subject = eb
      .selectFrom('case_search as s')
      .select(sql`1`.as('one'))
      .whereRef('s.case_id', '=', 'c.id')
      .where(sql<boolean>`s.search @@ ${query}`);
    return eb.or([eb.exists(subject), eb.exists(messages)]);
  };
}

/** The list's filters as one condition on `cases as c`; the form decides which, the values fill them. */
const caseFilters =
  (form: ListForm, v: ListValues) => (eb: ExpressionBuilder<DB & { c: DB['cases'] }, 'c'>) => {
    const all: Expression<SqlBool>[] = [eb('c.workspace_id', '=', v.workspaceId)];
    if (form.own) all.push(eb('c.customer_id', '=', v.ownerId as string));
    if (form.status) all.push(sql<boolean>`c.status = any(${v.status}::case_status[])`);
    if (form.priority) all.push(sql<boolean>`c.priority = any(${v.priority}::case_priority[])`);
    if (form.assignee === 'none') all.push(eb('c.assignee_id', 'is', null));
    else if (form.assignee === 'me') all.push(eb('c.assignee_id', '=', v.staffId));
    else if (form.assignee === 'one') all.push(eb('c.assignee_id', '=', v.assigneeId));
    if (form.team === 'none') all.push(eb('c.team_id', 'is', null));
    else if (form.team === 'one') all.push(eb('c.team_id', '=', v.teamId));
    if (form.tag) all.push(eb('c.tags', '@>', sql<string[]>`array[${v.tag}]::text[]`));
    if (form.customer) all.push(eb('c.customer_id', '=', v.customerId as string));
    if (form.organisation) all.push(eb('c.organisation_id', '=', v.organisationId));
    if (form.text) all.push(textMatch(v.q as string, form.own)(eb));
    return eb.and(all);
  };

/** The cases in scope that pass the list's filters, as summaries (unordered). */
export const filteredCases = (db: Executor, form: ListForm, v: ListValues) =>
  baseSummary(db).where(caseFilters(form, v));

type PageForm = ListForm & { sort: CaseListQuery['sort']; after: boolean };
type PageValues = ListValues & { at: Date | null; id: string | null; limit: number };

const pageStatement = statementByShape((db, form: PageForm, v: PageValues) => {
  let qb = filteredCases(db, form, v);
  const col = form.sort === 'updated_desc' ? 'c.updated_at' : 'c.created_at';
  const desc = form.sort !== 'created_asc';
  if (form.after) {
    qb = qb.where((eb) =>
      eb(eb.refTuple(col, 'c.id'), desc ? '<' : '>', eb.tuple(v.at as Date, v.id as string)),
    );
  }
  return qb
    .orderBy(col, desc ? 'desc' : 'asc')
    .orderBy('c.id', desc ? 'desc' : 'asc')
    .limit(v.limit);
});

/** One keyset page of cases, filtered; fetches limit + 1 rows to know whether more follow. */
export async function listCases(db: Executor, scope: ListScope, f: CaseListQuery, cursor: Cursor | null) {
  const { form, values } = listShape(scope, f);
  const statement = pageStatement(
    db,
    { ...form, sort: f.sort, after: cursor !== null },
    { ...values, at: cursor ? new Date(cursor.at) : null, id: cursor?.id ?? null, limit: f.limit + 1 },
  );
  return (await db.executeQuery(statement)).rows;
}
