import type { Executor } from '../../infra/db.ts';

export const insertInvitation = (
  db: Executor,
  row: { token_hash: Buffer; workspace_id: string; staff_id: string; expires_at: Date; created_at: Date },
) => db.insertInto('staff_invitations').values(row).execute();

/** Ends every outstanding link of the person: a new one replaces them, a used one ends them all. */
export const retireInvitations = (db: Executor, staffId: string, now: Date) =>
  db
    .updateTable('staff_invitations')
    .set({ used_at: now })
    .where('staff_id', '=', staffId)
    .where('used_at', 'is', null)
    .execute();

/** Marks the link used and returns it, in one statement, so it works exactly once. */
export const consumeInvitation = (db: Executor, hash: Buffer, now: Date) =>
  db
    .updateTable('staff_invitations')
    .set({ used_at: now })
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['workspace_id', 'staff_id'])
    .executeTakeFirst();

/** What the email needs to say: the workspace's name and who sent the invitation. */
export async function findInvitationContext(db: Executor, workspaceId: string, inviterId: string | null) {
  const ws = await db
    .selectFrom('workspaces')
    .select('name')
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  const inviter = inviterId
    ? await db
        .selectFrom('staff')
        .select('name')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', inviterId)
        .executeTakeFirst()
    : undefined;
  return { workspace: ws.name, inviter: inviter?.name ?? null };
}
