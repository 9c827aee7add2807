import type { Insertable } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import type { DB } from '../../infra/db.types.ts';
import type { NotificationKind } from './templates.rules.ts';

// Notification templates: the workspace's own texts and switches, and what a notification is about.

export const workspaceForTemplates = (db: Executor, workspaceId: string) =>
  db
    .selectFrom('workspaces')
    .select(['id', 'name', 'languages'])
    .where('id', '=', workspaceId)
    .executeTakeFirst();

export const templatesOf = (db: Executor, workspaceId: string, kind?: NotificationKind) => {
  let q = db
    .selectFrom('notification_templates')
    .select(['kind', 'language', 'subject', 'body', 'enabled', 'updated_at'])
    .where('workspace_id', '=', workspaceId);
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('kind').orderBy('language').limit(500).execute();
};

export type TemplateRow = Awaited<ReturnType<typeof templatesOf>>[number];

export const upsertTemplate = (db: Executor, row: Insertable<DB['notification_templates']>) =>
  db
    .insertInto('notification_templates')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'kind', 'language']).doUpdateSet((eb) => ({
        subject: eb.ref('excluded.subject'),
        body: eb.ref('excluded.body'),
        enabled: eb.ref('excluded.enabled'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .returning(['kind', 'language', 'subject', 'body', 'enabled', 'updated_at'])
    .executeTakeFirstOrThrow();

/** Drops the workspace's text; a row that still switches the notification off stays. */
export const clearTemplateText = (
  db: Executor,
  workspaceId: string,
  kind: NotificationKind,
  language: string,
  at: Date,
) =>
  db
    .updateTable('notification_templates')
    .set({ subject: null, body: null, updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .where('language', '=', language)
    .execute();

export const deleteEnabledDefaultRow = (
  db: Executor,
  workspaceId: string,
  kind: NotificationKind,
  language: string,
) =>
  db
    .deleteFrom('notification_templates')
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .where('language', '=', language)
    .where('subject', 'is', null)
    .where('enabled', '=', true)
    .execute();

/** The case and customer a notification is about. */
export const caseForNotice = (db: Executor, workspaceId: string, caseId: string) =>
  db
    .selectFrom('cases as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .innerJoin('workspaces as w', 'w.id', 'c.workspace_id')
    .select([
      'c.id',
      'c.number',
      'c.subject',
      'c.channel',
      'cu.name as customer_name',
      'cu.email as customer_email',
      'cu.language as customer_language',
      'w.name as workspace_name',
      'w.languages as workspace_languages',
    ])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', '=', caseId)
    .executeTakeFirst();

/** Who opened the case: the actor of its `case.created` event. */
export const caseOpener = async (db: Executor, workspaceId: string, caseId: string) =>
  (
    await db
      .selectFrom('events')
      .select('actor_kind')
      .where('workspace_id', '=', workspaceId)
      .where('case_id', '=', caseId)
      .where('type', '=', 'case.created')
      .limit(1)
      .executeTakeFirst()
  )?.actor_kind;

/** A message with its author's name (staff). */
export const messageForNotice = (db: Executor, workspaceId: string, messageId: string) =>
  db
    .selectFrom('messages as m')
    .leftJoin('staff as s', 's.id', 'm.author_staff_id')
    .select(['m.id', 'm.case_id', 'm.body', 'm.visibility', 'm.author_kind', 's.name as author_name'])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.id', '=', messageId)
    .executeTakeFirst();

/** A communicated decision: what the customer was told (its message) and who sent it. */
export const communicationForNotice = (db: Executor, workspaceId: string, communicationId: string) =>
  db
    .selectFrom('communications as co')
    .leftJoin('messages as m', 'm.id', 'co.message_id')
    .leftJoin('staff as s', 's.id', 'co.sent_by')
    .select([
      'co.id',
      'co.case_id',
      'co.message_id',
      'co.outcome',
      'm.body as message_body',
      's.name as sender_name',
    ])
    .where('co.workspace_id', '=', workspaceId)
    .where('co.id', '=', communicationId)
    .executeTakeFirst();

export const outgoingOfCause = (db: Executor, causeKey: string) =>
  db.selectFrom('outgoing_emails').select('id').where('cause_key', '=', causeKey).executeTakeFirst();
