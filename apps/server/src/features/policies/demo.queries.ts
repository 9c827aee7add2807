import type { Executor } from '../../infra/db.ts';

/** The first active staff member of each role, for the demo's actors. */
export const staffByRole = (db: Executor, workspaceId: string) =>
  db
    .selectFrom('staff')
    .select(['id', 'role', 'email'])
    .where('workspace_id', '=', workspaceId)
    .where('active', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .limit(500)
    .execute();

/** A customer's cases that can still take a message, opened before `before`, oldest first. */
export const openCasesOf = (db: Executor, workspaceId: string, email: string, before: Date) =>
  db
    .selectFrom('cases as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select(['c.id', 'c.number', 'c.created_at'])
    .where('c.workspace_id', '=', workspaceId)
    .where('cu.email', '=', email)
    .where('c.status', '<>', 'closed')
    .where('c.created_at', '<', before)
    .orderBy('c.number')
    .limit(50)
    .execute();
