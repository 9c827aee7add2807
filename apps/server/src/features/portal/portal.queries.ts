import type { Executor } from '../../infra/db.ts';

/** The customers an address belongs to, in one workspace (by slug) or in all of them. */
export const findCustomersByEmail = (db: Executor, email: string, slug: string | undefined) => {
  let qb = db
    .selectFrom('customer_emails as ce')
    .innerJoin('workspaces as w', 'w.id', 'ce.workspace_id')
    .innerJoin('customers as c', 'c.id', 'ce.customer_id')
    .select(['c.id', 'c.workspace_id', 'c.name', 'w.name as workspace_name'])
    .where('ce.email', '=', email);
  if (slug) qb = qb.where('w.slug', '=', slug);
  return qb.limit(20).execute();
};

export const insertMagicLink = (
  db: Executor,
  row: { token_hash: Buffer; workspace_id: string; customer_id: string; expires_at: Date; created_at: Date },
) => db.insertInto('magic_links').values(row).execute();

/** Marks the link used and returns it, in one statement, so a link works exactly once. */
export const consumeMagicLink = (db: Executor, hash: Buffer, now: Date) =>
  db
    .updateTable('magic_links')
    .set({ used_at: now })
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['workspace_id', 'customer_id'])
    .executeTakeFirst();
