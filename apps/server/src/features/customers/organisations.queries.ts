import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';

/** PostgreSQL's unique_violation: the one database error a service turns into a 409. */
export const isUniqueViolation = (err: unknown): boolean => (err as { code?: unknown })?.code === '23505';

/** An organisation with how many customers it has (served by customers_org_idx). */
const organisationRows = (db: Executor) =>
  db
    .selectFrom('organisations as o')
    .select([
      'o.id',
      'o.workspace_id',
      'o.name',
      'o.domain',
      'o.notes',
      'o.created_at',
      'o.updated_at',
      sql<string>`lower(o.name)`.as('sort_name'),
      sql<number>`(select count(*) from customers c where c.organisation_id = o.id)::int`.as(
        'customer_count',
      ),
    ]);
export type OrganisationRow = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;

export const findOrganisation = (db: Executor, workspaceId: string, id: string) =>
  organisationRows(db).where('o.workspace_id', '=', workspaceId).where('o.id', '=', id).executeTakeFirst();

/**
 * A page in lower(name) order. Names are unique case-insensitively per workspace
 * (organisations_name_key), so the name alone is a total order and the index serves the keyset.
 */
export const listOrganisations = (
  db: Executor,
  workspaceId: string,
  f: { pattern?: string; afterName: string | null; limit: number },
) =>
  organisationRows(db)
    .where('o.workspace_id', '=', workspaceId)
    .$if(f.pattern !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([eb(sql`lower(o.name)`, 'like', f.pattern!), eb('o.domain', 'like', f.pattern!)]),
      ),
    )
    .$if(f.afterName !== null, (qb) => qb.where(sql<boolean>`lower(o.name) > ${f.afterName}`))
    .orderBy(sql`lower(o.name)`)
    .limit(f.limit + 1)
    .execute();

/** Organisations claiming a mail domain; two are enough to know a match is ambiguous. */
export const findOrganisationsByDomain = (db: Executor, workspaceId: string, domain: string) =>
  db
    .selectFrom('organisations')
    .select(['id', 'name', 'domain'])
    .where('workspace_id', '=', workspaceId)
    .where('domain', '=', domain)
    .orderBy('created_at')
    .limit(2)
    .execute();

export const findOrganisationRef = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Undefined when the name is taken: the transaction stays usable, unlike after a raised error. */
export const insertOrganisation = (
  db: Executor,
  row: { workspace_id: string; name: string; domain: string | null; notes: string; created_at: Date },
) =>
  db
    .insertInto('organisations')
    .values({ ...row, updated_at: row.created_at })
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'name'])
    .executeTakeFirst();

export const updateOrganisation = (
  db: Executor,
  id: string,
  patch: { name?: string; domain?: string | null; notes?: string; updated_at: Date },
) => db.updateTable('organisations').set(patch).where('id', '=', id).execute();

/** Customers and cases keep existing: their organisation_id is set null by the foreign keys. */
export const deleteOrganisation = (db: Executor, id: string) =>
  db.deleteFrom('organisations').where('id', '=', id).execute();
