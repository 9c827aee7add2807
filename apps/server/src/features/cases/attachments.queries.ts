import type { Executor } from '../../infra/db.ts';

export const insertAttachment = (
  db: Executor,
  row: {
    workspace_id: string;
    filename: string;
    content_type: string;
    size_bytes: number;
    sha256: string;
    storage_key: string;
    uploaded_by_kind: 'staff' | 'customer';
    uploaded_by_id: string;
    created_at: Date;
  },
) => db.insertInto('attachments').values(row).returningAll().executeTakeFirstOrThrow();

export const findAttachment = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('attachments as at')
    .leftJoin('messages as m', 'm.id', 'at.message_id')
    .leftJoin('cases as c', 'c.id', 'at.case_id')
    .selectAll('at')
    .select(['m.visibility', 'c.customer_id'])
    .where('at.workspace_id', '=', workspaceId)
    .where('at.id', '=', id)
    .executeTakeFirst();

/**
 * Links uploads to a message. Only the uploader's own, not-yet-linked files qualify;
 * returns how many were linked so the caller can refuse a partial match.
 */
export const linkAttachments = async (
  db: Executor,
  a: { workspaceId: string; caseId: string; messageId: string; ids: string[]; uploaderId: string },
) => {
  if (a.ids.length === 0) return 0;
  const res = await db
    .updateTable('attachments')
    .set({ case_id: a.caseId, message_id: a.messageId })
    .where('workspace_id', '=', a.workspaceId)
    .where('id', 'in', a.ids)
    .where('uploaded_by_id', '=', a.uploaderId)
    .where('message_id', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
};
