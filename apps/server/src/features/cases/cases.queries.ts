import type { CaseListQuery, CasePriority, SlaState, SlaTarget } from '@fairdesk/contract';
import { type ExpressionBuilder, sql, type Updateable } from 'kysely';
import type { DB, Executor } from '../../infra/db.ts';
import type { CaseChannel } from '../../infra/db.types.ts';
import type { Cursor } from './cases.rules.ts';

/** Inserts a case; without a number it takes the workspace's next one in the same statement. */
export const insertCase = (
  db: Executor,
  row: {
    workspace_id: string;
    number?: number;
    subject: string;
    priority: CasePriority;
    channel: CaseChannel;
    customer_id: string;
    organisation_id: string | null;
    team_id: string | null;
    assignee_id: string | null;
    tags: string[];
    message_count: number;
    last_message_at: Date;
    created_at: Date;
  },
) =>
  db
    .insertInto('cases')
    .values({
      ...row,
      number: row.number ?? sql<number>`take_case_number(${row.workspace_id}::uuid)`,
      updated_at: row.created_at,
      status: 'new',
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();

/** A message as it is written (its id made by the database or the writer). */
export type NewMessage = {
  workspace_id: string;
  case_id: string;
  visibility: 'public' | 'internal';
  author_kind: 'staff' | 'customer' | 'system';
  author_staff_id: string | null;
  author_customer_id: string | null;
  body: string;
  created_at: Date;
};

export const insertMessage = (db: Executor, row: NewMessage) =>
  db.insertInto('messages').values(row).returning('id').executeTakeFirstOrThrow();

/** The case row, locked for the rest of the transaction: writers of one case go one at a time. */
export const lockCase = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('cases')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const updateCaseRow = (db: Executor, id: string, patch: Updateable<DB['cases']>) =>
  db
    .updateTable('cases')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();

/** A case with the names a person reads beside its ids. */
export const baseSummary = (db: Executor) =>
  db
    .selectFrom('cases as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .leftJoin('teams as t', 't.id', 'c.team_id')
    .leftJoin('staff as a', 'a.id', 'c.assignee_id')
    .select([
      'c.id',
      'c.number',
      'c.subject',
      'c.status',
      'c.priority',
      'c.channel',
      'c.customer_id',
      'cu.name as customer_name',
      'cu.email as customer_email',
      'c.organisation_id',
      'o.name as organisation_name',
      'c.team_id',
      't.name as team_name',
      'c.assignee_id',
      'a.name as assignee_name',
      'c.tags',
      'c.version',
      'c.message_count',
      'c.last_message_at',
      'c.first_response_at',
      'c.solved_at',
      'c.closed_at',
      'c.created_at',
      'c.updated_at',
      // The next target due (running first, then paused), for queue badges: kept on the case by
      // the triggers on case_sla (migration 20261123T2000_case_sla_next).
      sql<{ target: SlaTarget; due_at: string | null; state: SlaState } | null>`c.sla_next`.as('sla_next'),
    ]);

export type CaseSummaryRow = Awaited<ReturnType<typeof caseSummariesByIds>>[number];

export type ListScope = { workspaceId: string; customerId?: string; staffId?: string };

/** The list's filters as one condition on `cases as c` (any query that has it). */
export const caseFilters =
  (scope: ListScope, f: CaseListQuery) => (eb: ExpressionBuilder<DB & { c: DB['cases'] }, 'c'>) => {
    const all = [eb('c.workspace_id', '=', scope.workspaceId)];
    if (scope.customerId) all.push(eb('c.customer_id', '=', scope.customerId));
    if (f.status?.length) all.push(eb('c.status', 'in', f.status));
    if (f.priority?.length) all.push(eb('c.priority', 'in', f.priority));
    if (f.assignee_id === 'none') all.push(eb('c.assignee_id', 'is', null));
    else if (f.assignee_id === 'me') all.push(eb('c.assignee_id', '=', scope.staffId ?? null));
    else if (f.assignee_id) all.push(eb('c.assignee_id', '=', f.assignee_id));
    if (f.team_id === 'none') all.push(eb('c.team_id', 'is', null));
    else if (f.team_id) all.push(eb('c.team_id', '=', f.team_id));
    if (f.tag) all.push(eb('c.tags', '@>', sql<string[]>`array[${f.tag}]::text[]`));
    if (f.customer_id) all.push(eb('c.customer_id', '=', f.customer_id));
    if (f.organisation_id) all.push(eb('c.organisation_id', '=', f.organisation_id));
    if (f.q) all.push(textMatch(f.q, scope.customerId !== undefined)(eb));
    return eb.and(all);
  };

/** The cases in scope that pass the list's filters, as summaries (unordered). */
export const filteredCases = (db: Executor, scope: ListScope, f: CaseListQuery) =>
  baseSummary(db).where(caseFilters(scope, f));

/** Summaries of the given cases of a workspace, in no particular order (one statement for any count). */
export const caseSummariesByIds = (db: Executor, workspaceId: string, ids: string[]) =>
  baseSummary(db)
    .where('c.workspace_id', '=', workspaceId)
    .where(sql<boolean>`c.id = any(${ids}::uuid[])`)
    .execute();

/** One keyset page of cases, filtered; fetches limit + 1 rows to know whether more follow. */
export function listCases(db: Executor, scope: ListScope, f: CaseListQuery, cursor: Cursor | null) {
  let qb = filteredCases(db, scope, f);
  const col = f.sort === 'updated_desc' ? 'c.updated_at' : 'c.created_at';
  const desc = f.sort !== 'created_asc';
  if (cursor) {
    const at = new Date(cursor.at);
    qb = qb.where((eb) => eb(eb.refTuple(col, 'c.id'), desc ? '<' : '>', eb.tuple(at, cursor.id)));
  }
  return qb
    .orderBy(col, desc ? 'desc' : 'asc')
    .orderBy('c.id', desc ? 'desc' : 'asc')
    .limit(f.limit + 1)
    .execute();
}

/** Subject or any visible message matches the words (customers never match internal notes). */
function textMatch(q: string, publicOnly: boolean) {
  return (eb: ExpressionBuilder<DB & { c: DB['cases'] }, 'c'>) => {
    const query = sql`websearch_to_tsquery('english', ${q})`;
    let messages = eb
      .selectFrom('messages as m')
      .select(sql`1`.as('one'))
      .whereRef('m.case_id', '=', 'c.id')
      .where(sql<boolean>`m.search @@ ${query}`);
    if (publicOnly) messages = messages.where('m.visibility', '=', 'public');
    return eb.or([sql<boolean>`c.search @@ ${query}`, eb.exists(messages)]);
  };
}

export const findCaseSummaries = (db: Executor, workspaceId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : baseSummary(db).where('c.workspace_id', '=', workspaceId).where('c.id', 'in', ids).execute();

/** A customer's cases, locked in id order (the order every bulk writer of cases takes). */
export const lockCasesOfCustomer = (db: Executor, workspaceId: string, customerId: string) =>
  db
    .selectFrom('cases')
    .select(['id', 'organisation_id'])
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', customerId)
    .orderBy('id')
    .forUpdate()
    .execute();

export const findCustomerOrganisation = async (db: Executor, workspaceId: string, customerId: string) =>
  db
    .selectFrom('customers')
    .select(['id', 'organisation_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', customerId)
    .executeTakeFirst();

export const reassignCases = (
  db: Executor,
  workspaceId: string,
  fromId: string,
  to: { customer_id: string; organisation_id: string | null; updated_at: Date },
) =>
  db
    .updateTable('cases')
    .set((eb) => ({ ...to, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', fromId)
    .execute();

/** What a customer wrote and uploaded stays theirs under the id they are merged into. */
export async function reattributeCustomerWork(
  db: Executor,
  workspaceId: string,
  fromId: string,
  toId: string,
) {
  await db
    .updateTable('messages')
    .set({ author_customer_id: toId })
    .where('workspace_id', '=', workspaceId)
    .where('author_customer_id', '=', fromId)
    .execute();
  await db
    .updateTable('attachments')
    .set({ uploaded_by_id: toId })
    .where('workspace_id', '=', workspaceId)
    .where('uploaded_by_kind', '=', 'customer')
    .where('uploaded_by_id', '=', fromId)
    .execute();
}
