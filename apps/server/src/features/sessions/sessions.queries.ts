import type { Executor } from '../../infra/db.ts';

export const findStaffByEmail = (db: Executor, email: string) =>
  db
    .selectFrom('staff')
    .innerJoin('workspaces', 'workspaces.id', 'staff.workspace_id')
    .select([
      'staff.id',
      'staff.workspace_id',
      'staff.password_hash',
      'staff.active',
      'staff.name',
      'staff.email',
      'staff.role',
      'workspaces.slug as workspace_slug',
      'workspaces.name as workspace_name',
    ])
    .where('staff.email', '=', email)
    .execute();

export const findCustomersByEmail = (db: Executor, email: string) =>
  db
    .selectFrom('customer_emails as ce')
    .innerJoin('customers', 'customers.id', 'ce.customer_id')
    .innerJoin('workspaces', 'workspaces.id', 'ce.workspace_id')
    .select([
      'customers.id',
      'customers.workspace_id',
      'customers.password_hash',
      'customers.name',
      'customers.email',
      'workspaces.slug as workspace_slug',
      'workspaces.name as workspace_name',
      'workspaces.is_demo',
    ])
    .where('ce.email', '=', email)
    .execute();

export const insertSession = (
  db: Executor,
  row: {
    token_hash: Buffer;
    workspace_id: string;
    kind: 'browser' | 'token';
    staff_id: string | null;
    customer_id: string | null;
    user_agent: string | null;
    created_at: Date;
    expires_at: Date;
  },
) => db.insertInto('sessions').values(row).returning('id').executeTakeFirstOrThrow();

/** The one query every authenticated request makes: indexed on token_hash. */
export const findSessionByTokenHash = (db: Executor, hash: Buffer) =>
  db
    .selectFrom('sessions as s')
    .leftJoin('staff', 'staff.id', 's.staff_id')
    .select([
      's.id',
      's.workspace_id',
      's.staff_id',
      's.customer_id',
      's.expires_at',
      'staff.role',
      'staff.active as staff_active',
    ])
    .where('s.token_hash', '=', hash)
    .executeTakeFirst();

/** What a request's token resolves to (kept for a moment by sessions.cache.ts). */
export type SessionLookup = NonNullable<Awaited<ReturnType<typeof findSessionByTokenHash>>>;

export const deleteSession = (db: Executor, id: string) =>
  db.deleteFrom('sessions').where('id', '=', id).execute();

export const deleteSessionsOfStaff = (db: Executor, staffId: string) =>
  db.deleteFrom('sessions').where('staff_id', '=', staffId).execute();

export const findStaffUser = (db: Executor, staffId: string) =>
  db
    .selectFrom('staff')
    .innerJoin('workspaces', 'workspaces.id', 'staff.workspace_id')
    .select([
      'staff.id',
      'staff.workspace_id',
      'staff.name',
      'staff.email',
      'staff.role',
      'workspaces.name as workspace_name',
    ])
    .where('staff.id', '=', staffId)
    .executeTakeFirstOrThrow();

export const findCustomerUser = (db: Executor, customerId: string) =>
  db
    .selectFrom('customers')
    .innerJoin('workspaces', 'workspaces.id', 'customers.workspace_id')
    .select([
      'customers.id',
      'customers.workspace_id',
      'customers.name',
      'customers.email',
      'workspaces.name as workspace_name',
    ])
    .where('customers.id', '=', customerId)
    .executeTakeFirstOrThrow();
