import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import type { Colleague, Cursor } from './notifications.rules.ts';

export type NewNotification = {
  workspaceId: string;
  staffIds: string[];
  caseId: string | null;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
};

/**
 * One row per listed staff member who is active in the workspace, in one statement: ids of other
 * workspaces or of inactive colleagues simply match nothing. Returns who was notified.
 */
export async function insertNotifications(db: Executor, n: NewNotification) {
  if (n.staffIds.length === 0) return [];
  const rows = await db
    .insertInto('staff_notifications')
    .columns(['workspace_id', 'staff_id', 'case_id', 'kind', 'title', 'body', 'data'])
    .expression((eb) =>
      eb
        .selectFrom('staff')
        .select([
          'workspace_id',
          'id',
          sql<string | null>`${n.caseId}::uuid`.as('case_id'),
          sql<string>`${n.kind}`.as('kind'),
          sql<string>`${n.title}`.as('title'),
          sql<string>`${n.body}`.as('body'),
          sql<string>`${JSON.stringify(n.data)}::jsonb`.as('data'),
        ])
        .where('workspace_id', '=', n.workspaceId)
        .where('active', '=', true)
        .where('id', '=', sql<string>`any(${n.staffIds}::uuid[])`),
    )
    .returning(['id', 'staff_id'])
    .execute();
  return rows;
}

/** Whether the case is one of the workspace's (a notification must not point elsewhere). */
export const caseExists = async (db: Executor, workspaceId: string, caseId: string) =>
  !!(await db
    .selectFrom('cases')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', caseId)
    .executeTakeFirst());

/** A person's notifications, newest first, in the order of staff_notifications_mine_idx. */
export function listNotifications(
  db: Executor,
  workspaceId: string,
  staffId: string,
  f: { unread: boolean; after: Cursor | null; limit: number },
) {
  const { after } = f;
  return db
    .selectFrom('staff_notifications as n')
    .leftJoin('cases as c', 'c.id', 'n.case_id')
    .select(['n.id', 'n.kind', 'n.title', 'n.body', 'n.data', 'n.created_at', 'n.read_at', 'n.case_id'])
    .select(['c.number as case_number', 'c.subject as case_subject'])
    .select(sql<number>`(extract(epoch from n.created_at) * 1000000)::int8`.as('sort_us'))
    .where('n.workspace_id', '=', workspaceId)
    .where('n.staff_id', '=', staffId)
    .$if(f.unread, (qb) => qb.where('n.read_at', 'is', null))
    .$if(after !== null, (qb) =>
      qb.where(
        sql<boolean>`(n.created_at, n.id) < (timestamptz 'epoch' + ${after!.us}::int8 * interval '1 microsecond', ${after!.id}::uuid)`,
      ),
    )
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** Served from the partial index of unread rows. */
export async function countUnread(db: Executor, workspaceId: string, staffId: string) {
  const row = await db
    .selectFrom('staff_notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('staff_id', '=', staffId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const findNotification = (db: Executor, workspaceId: string, staffId: string, id: string) =>
  db
    .selectFrom('staff_notifications')
    .select(['id', 'read_at'])
    .where('workspace_id', '=', workspaceId)
    .where('staff_id', '=', staffId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Marks one (when `id` is given) or all of a person's unread notifications read; returns how many. */
export async function markRead(
  db: Executor,
  f: { workspaceId: string; staffId: string; id?: string; at: Date },
) {
  const res = await db
    .updateTable('staff_notifications')
    .set({ read_at: f.at })
    .where('workspace_id', '=', f.workspaceId)
    .where('staff_id', '=', f.staffId)
    .where('read_at', 'is', null)
    .$if(f.id !== undefined, (qb) => qb.where('id', '=', f.id!))
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Marks a workspace's unread notifications of these kinds read, for everyone; returns how many. */
export async function markKindsRead(db: Executor, f: { workspaceId: string; kinds: string[]; at: Date }) {
  const res = await db
    .updateTable('staff_notifications')
    .set({ read_at: f.at })
    .where('workspace_id', '=', f.workspaceId)
    .where('kind', 'in', f.kinds)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

const colleague = ['s.id', 's.name', 's.role', 's.active'] as const;

/** The case's assignee and team, for choosing recipients; undefined when it is not the workspace's. */
export const findCaseHolder = (db: Executor, workspaceId: string, caseId: string) =>
  db
    .selectFrom('cases')
    .select(['assignee_id', 'team_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', caseId)
    .executeTakeFirst();

export const findColleague = (
  db: Executor,
  workspaceId: string,
  staffId: string,
): Promise<Colleague | undefined> =>
  db
    .selectFrom('staff as s')
    .select(colleague)
    .where('s.workspace_id', '=', workspaceId)
    .where('s.id', '=', staffId)
    .executeTakeFirst();

export const teamMembers = (db: Executor, workspaceId: string, teamId: string): Promise<Colleague[]> =>
  db
    .selectFrom('team_members as m')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .select(colleague)
    .where('m.workspace_id', '=', workspaceId)
    .where('m.team_id', '=', teamId)
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();

export const workspaceSupervisors = (db: Executor, workspaceId: string): Promise<Colleague[]> =>
  db
    .selectFrom('staff as s')
    .select(colleague)
    .where('s.workspace_id', '=', workspaceId)
    .where('s.role', '=', 'supervisor')
    .where('s.active', '=', true)
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(50)
    .execute();
