// The SQL the app itself sends for a query function, captured by running that function against a
// Kysely whose driver executes nothing. The ceiling and the EXPLAIN output then use the app's exact
// statement, so they cannot drift from the code they measure.
import { CaseListQuery } from '@fairdesk/contract';
import {
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import { casesWithDue } from '../apps/server/src/features/cases/cases-due.queries.ts';
import { searchCases } from '../apps/server/src/features/cases/search.queries.ts';
import type { DB, Executor } from '../apps/server/src/infra/db.ts';

export type Statement = { sql: string; parameters: readonly unknown[] };

export async function captureSql(run: (db: Executor) => Promise<unknown>): Promise<Statement> {
  let captured: CompiledQuery | undefined;
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (e) => {
      captured ??= e.query;
    },
  });
  await run(db).catch(() => {}); // a dummy result may not satisfy the function; the SQL is what we want
  if (!captured) throw new Error('the query function sent no SQL');
  return { sql: captured.sql, parameters: captured.parameters };
}

/**
 * The first page of a team's open cases by due time, as GET
 * /api/v1/cases?team_id=&status=new,open&sort=due&limit=50 runs it: one walk of the cases by their
 * next due time, with the summaries (since 2026-11-25; a walk of case_sla for the ids, then the
 * summaries by id, before).
 */
export type QueuePage = { page: Statement };

export async function queuePageSql(workspaceId: string, staffId: string, teamId: string): Promise<QueuePage> {
  const filters = CaseListQuery.parse({ team_id: teamId, status: 'new,open', sort: 'due', limit: '50' });
  return { page: await captureSql((db) => casesWithDue(db, { workspaceId, staffId }, filters, null)) };
}

/** The ranking query of GET /api/v1/search (staff scope, the default limit). */
export const searchSql = (workspaceId: string, q: string) =>
  captureSql((db) => searchCases(db, { workspaceId }, q, 20));
