import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import type { Rejection } from './customer-imports.rules.ts';

const IMPORT_COLUMNS = [
  'id',
  'workspace_id',
  'created_by',
  'filename',
  'storage_key',
  'status',
  'total',
  'processed',
  'created',
  'updated',
  'rejected',
  'rejected_count',
  'failure_reason',
  'created_at',
  'updated_at',
  'finished_at',
] as const;

export type ImportRowDb = NonNullable<Awaited<ReturnType<typeof findImport>>>;

export const insertImport = (
  db: Executor,
  row: { workspace_id: string; created_by: string; filename: string; storage_key: string; created_at: Date },
) =>
  db
    .insertInto('customer_imports')
    .values({ ...row, updated_at: row.created_at })
    .returning(IMPORT_COLUMNS)
    .executeTakeFirstOrThrow();

export const findImport = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('customer_imports')
    .select(IMPORT_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/** The row a batch is about to advance, held until the batch commits. */
export const lockImport = (db: Executor, id: string) =>
  db
    .selectFrom('customer_imports')
    .select(['status', 'processed', 'rejected_count'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();

export const markRunning = (db: Executor, id: string, total: number, at: Date) =>
  db
    .updateTable('customer_imports')
    .set({ status: 'running', total, updated_at: at })
    .where('id', '=', id)
    .execute();

export const recordBatch = (
  db: Executor,
  id: string,
  b: {
    rows: number;
    created: number;
    updated: number;
    rejected: Rejection[];
    rejectedKept: Rejection[];
    at: Date;
  },
) =>
  db
    .updateTable('customer_imports')
    .set((eb) => ({
      processed: eb('processed', '+', b.rows),
      created: eb('created', '+', b.created),
      updated: eb('updated', '+', b.updated),
      rejected_count: eb('rejected_count', '+', b.rejected.length),
      rejected: sql`rejected || ${JSON.stringify(b.rejectedKept)}::jsonb`,
      updated_at: b.at,
    }))
    .where('id', '=', id)
    .returning(['processed', 'total', 'status'])
    .executeTakeFirstOrThrow();

export const finishImport = (
  db: Executor,
  id: string,
  end: { status: 'done' | 'failed'; failure_reason: string | null; at: Date },
) =>
  db
    .updateTable('customer_imports')
    .set({ status: end.status, failure_reason: end.failure_reason, finished_at: end.at, updated_at: end.at })
    .where('id', '=', id)
    .returning(IMPORT_COLUMNS)
    .executeTakeFirstOrThrow();

/** One job per import (job_key), a few attempts: the handler resumes where the last one stopped. */
export const enqueueImportJob = (db: Executor, payload: { workspace_id: string; import_id: string }) =>
  sql`select graphile_worker.add_job('customers.import', ${JSON.stringify(payload)}::json,
    max_attempts => 5, job_key => ${`customers.import:${payload.import_id}`})`.execute(db);

export const findOrganisationIdByName = async (db: Executor, workspaceId: string, name: string) =>
  (
    await db
      .selectFrom('organisations')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where(sql`lower(name)`, '=', name.toLowerCase())
      .executeTakeFirst()
  )?.id ?? null;
