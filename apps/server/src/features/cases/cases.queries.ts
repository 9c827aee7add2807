import type { CasePriority, SlaState, SlaTarget } from '@fairdesk/contract';
import { sql, type Updateable } from 'kysely';
import type { DB, Executor } from '../../infra/db.ts';
import type { CaseChannel } from '../../infra/db.types.ts';

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

/** A case as lists, searches and the case view summarise it (baseSummary's columns). */
export type CaseSummaryRow = Awaited<ReturnType<ReturnType<typeof baseSummary>['execute']>>[number];

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
