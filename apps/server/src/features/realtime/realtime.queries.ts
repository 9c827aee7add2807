import type { Executor } from '../../infra/db.ts';

/** Whose case it is: the one fact the stream needs to decide what a customer may hear. */
export const findCaseOwner = async (db: Executor, workspaceId: string, caseId: string) =>
  (
    await db
      .selectFrom('cases')
      .select('customer_id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', caseId)
      .executeTakeFirst()
  )?.customer_id ?? null;
