import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';

export const insertWorkspace = (
  db: Executor,
  row: {
    slug: string;
    name: string;
    time_zone: string;
    languages: string[];
    is_demo: boolean;
    created_at: Date;
  },
) =>
  db
    .insertInto('workspaces')
    .values({ ...row, updated_at: row.created_at })
    .returningAll()
    .executeTakeFirstOrThrow();

export const findWorkspace = (db: Executor, id: string) =>
  db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

export const findWorkspaceBySlug = (db: Executor, slug: string) =>
  db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();

export const findDemoWorkspace = (db: Executor) =>
  db.selectFrom('workspaces').select(['id', 'slug']).where('is_demo', '=', true).executeTakeFirst();

export const updateWorkspace = (
  db: Executor,
  id: string,
  patch: { name?: string; time_zone?: string; languages?: string[]; updated_at: Date },
) => db.updateTable('workspaces').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/**
 * Takes the next case number from the workspace's own sequence: no lock is held until commit, so
 * cases of one workspace are created concurrently; a rolled-back transaction leaves a gap.
 */
export const takeCaseNumber = (db: Executor, id: string) =>
  sql<{ n: number }>`select take_case_number(${id}::uuid) as n`.execute(db).then((r) => r.rows[0]!.n);

export const setDemo = (db: Executor, id: string) =>
  db.updateTable('workspaces').set({ is_demo: true }).where('id', '=', id).execute();
