import type { Executor } from '../../infra/db.ts';

export const findCustomerInWorkspaceBySlug = (db: Executor, slug: string, email: string) =>
  db
    .selectFrom('customer_emails as ce')
    .innerJoin('workspaces as w', 'w.id', 'ce.workspace_id')
    .innerJoin('customers as c', 'c.id', 'ce.customer_id')
    .select(['c.id', 'c.workspace_id', 'c.name', 'w.name as workspace_name'])
    .where('w.slug', '=', slug)
    .where('ce.email', '=', email)
    .executeTakeFirst();

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
