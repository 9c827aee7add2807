import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import type { Cursor } from './customers.rules.ts';

/** A customer with its organisation's name and every address, primary first. */
const customerRows = (db: Executor) =>
  db
    .selectFrom('customers as c')
    .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select([
      'c.id',
      'c.workspace_id',
      'c.name',
      'c.email',
      'c.phone',
      'c.language',
      'c.notes',
      'c.organisation_id',
      'o.name as organisation_name',
      'c.created_at',
      'c.updated_at',
      sql<string>`lower(c.name)`.as('sort_name'),
      sql<string[]>`array(select ce.email from customer_emails ce where ce.customer_id = c.id
        order by ce.email = c.email desc, ce.email)`.as('emails'),
    ]);
export type CustomerRow = NonNullable<Awaited<ReturnType<typeof findCustomer>>>;

export const findCustomer = (db: Executor, workspaceId: string, id: string) =>
  customerRows(db).where('c.workspace_id', '=', workspaceId).where('c.id', '=', id).executeTakeFirst();

export const findCustomerRef = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('customers')
    .select(['id', 'name', 'email', 'organisation_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Holds the customer row until commit, so two edits of one address set cannot interleave. */
export const lockCustomer = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('customers')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export type CustomerFilter = {
  address?: string;
  pattern?: string;
  organisationId?: string;
  after: Cursor | null;
  limit: number;
};

/**
 * A page of customers in (lower(name), id) order. The order and the workspace filter match
 * customers_name_idx, so PostgreSQL walks that index and stops after limit+1 matching rows.
 */
export function listCustomers(db: Executor, workspaceId: string, f: CustomerFilter) {
  const { address, pattern, organisationId, after } = f;
  return customerRows(db)
    .where('c.workspace_id', '=', workspaceId)
    .$if(address !== undefined, (qb) =>
      qb.where('c.id', 'in', (eb) =>
        eb
          .selectFrom('customer_emails')
          .select('customer_id')
          .where('workspace_id', '=', workspaceId)
          .where('email', '=', address!),
      ),
    )
    .$if(pattern !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb(sql`lower(c.name)`, 'like', pattern!),
          eb.exists(
            eb
              .selectFrom('customer_emails as ce')
              .select(sql`1`.as('one'))
              .whereRef('ce.customer_id', '=', 'c.id')
              // PostgreSQL may hash this subquery once; the workspace bound keeps that to one
              // workspace's addresses (a range of the primary key) rather than every tenant's.
              .where('ce.workspace_id', '=', workspaceId)
              .where('ce.email', 'like', pattern!),
          ),
        ]),
      ),
    )
    .$if(organisationId !== undefined, (qb) => qb.where('c.organisation_id', '=', organisationId!))
    .$if(after !== null, (qb) =>
      qb.where(sql<boolean>`(lower(c.name), c.id) > (${after!.key}, ${after!.id}::uuid)`),
    )
    .orderBy(sql`lower(c.name)`)
    .orderBy('c.id')
    .limit(f.limit + 1)
    .execute();
}

export const insertCustomer = (
  db: Executor,
  row: {
    workspace_id: string;
    organisation_id: string | null;
    name: string;
    email: string;
    phone: string | null;
    language: string;
    notes: string;
    password_hash: string | null;
    created_at: Date;
  },
) =>
  db
    .insertInto('customers')
    .values({ ...row, updated_at: row.created_at })
    .returning(['id', 'name', 'email', 'organisation_id'])
    .executeTakeFirstOrThrow();

export const updateCustomer = (
  db: Executor,
  id: string,
  patch: {
    name?: string;
    email?: string;
    phone?: string | null;
    language?: string;
    notes?: string;
    organisation_id?: string | null;
    updated_at: Date;
  },
) => db.updateTable('customers').set(patch).where('id', '=', id).execute();

/** Only for undoing our own uncommitted insert after losing a race for its address. */
export const deleteUncommittedCustomer = (db: Executor, id: string) =>
  db.deleteFrom('customers').where('id', '=', id).execute();

export const findCustomerByAddress = (db: Executor, workspaceId: string, email: string) =>
  db
    .selectFrom('customer_emails as ce')
    .innerJoin('customers as c', 'c.id', 'ce.customer_id')
    .select(['c.id', 'c.name', 'c.email', 'c.organisation_id'])
    .where('ce.workspace_id', '=', workspaceId)
    .where('ce.email', '=', email)
    .executeTakeFirst();

/**
 * Claims addresses for a customer. An address another customer holds is skipped, not an error,
 * and waits for a concurrent claimant to finish; callers compare what came back with what they
 * asked for.
 */
export async function claimAddresses(
  db: Executor,
  workspaceId: string,
  customerId: string,
  emails: readonly string[],
  at: Date,
): Promise<string[]> {
  if (emails.length === 0) return [];
  const rows = await db
    .insertInto('customer_emails')
    .values(
      emails.map((email) => ({ workspace_id: workspaceId, customer_id: customerId, email, created_at: at })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning('email')
    .execute();
  return rows.map((r) => r.email);
}

export const releaseAddresses = (db: Executor, customerId: string, emails: readonly string[]) =>
  emails.length === 0
    ? Promise.resolve()
    : db
        .deleteFrom('customer_emails')
        .where('customer_id', '=', customerId)
        .where('email', 'in', emails)
        .execute();

/**
 * A customer's cases, most recently active first, in the order of cases_customer_idx. The sort
 * key travels in the cursor as whole microseconds: a JS Date would drop them and skip rows.
 */
export function listCustomerCases(
  db: Executor,
  workspaceId: string,
  customerId: string,
  f: { after: Cursor | null; limit: number },
) {
  const { after } = f;
  return db
    .selectFrom('cases')
    .select([
      'id',
      'number',
      'subject',
      'status',
      'priority',
      'channel',
      'created_at',
      'updated_at',
      sql<number>`(extract(epoch from updated_at) * 1000000)::int8`.as('sort_us'),
    ])
    .where('customer_id', '=', customerId)
    .where('workspace_id', '=', workspaceId)
    .$if(after !== null, (qb) =>
      qb.where(
        sql<boolean>`(updated_at, id) < (timestamptz 'epoch' + ${after!.key}::int8 * interval '1 microsecond', ${after!.id}::uuid)`,
      ),
    )
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}
