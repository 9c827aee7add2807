import type { Executor } from '../../infra/db.ts';

/** Locks the customers in id order, so two merges of the same pair queue instead of deadlocking. */
export const lockCustomers = (db: Executor, workspaceId: string, ids: string[]) =>
  db
    .selectFrom('customers')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();

/** Gives every address of one customer to another; returns the addresses moved. */
export const moveAddresses = async (db: Executor, fromId: string, toId: string) =>
  (
    await db
      .updateTable('customer_emails')
      .set({ customer_id: toId })
      .where('customer_id', '=', fromId)
      .returning('email')
      .execute()
  ).map((r) => r.email);

/** Sessions and sign-in links of the customer go with it (on delete cascade). */
export const deleteCustomer = (db: Executor, id: string) =>
  db.deleteFrom('customers').where('id', '=', id).execute();
