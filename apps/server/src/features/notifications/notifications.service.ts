import type { Deps } from '../../deps.ts';
import type { StaffActor } from '../../infra/actor.ts';
import type { Executor } from '../../infra/db.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import { notify, type RealtimeMessage } from '../../infra/realtime.ts';
import * as q from './notifications.queries.ts';
import {
  type Colleague,
  chooseRecipients,
  decodeCursor,
  notificationText,
  recipientIds,
  toPage,
} from './notifications.rules.ts';

export type NotificationInput = {
  workspaceId: string;
  staffIds: string[];
  caseId?: string | null;
  kind: string;
  title: string;
  body?: string;
  data?: Record<string, unknown>;
};

/**
 * The realtime signal of a person's notifications. Its type starts with `notification.`, which the
 * stream gives only to `recipient_id`; it carries no content, the console refetches its own list.
 */
const signal = (workspaceId: string, staffId: string, type: 'created' | 'read'): RealtimeMessage => ({
  workspace_id: workspaceId,
  type: `notification.${type}`,
  case_id: null,
  actor: { kind: 'system', id: null },
  data: { recipient_id: staffId },
});

/**
 * Notifies staff, in the caller's transaction: one row per distinct active staff member of the
 * workspace among `staffIds` (other ids are ignored), and a live signal to each recipient's open
 * consoles, sent at commit. Returns how many were notified.
 */
export async function notifyStaffIn(trx: Executor, n: NotificationInput): Promise<number> {
  return (await notifyAndName(trx, n)).length;
}

/** As notifyStaffIn, returning the ids of those notified (for the record of who was told). */
export async function notifyAndName(trx: Executor, n: NotificationInput): Promise<string[]> {
  const text = notificationText(n.title, n.body);
  if (!text)
    throw new AppError('invalid', 'A notification needs a title', { reason: 'notification_untitled' });
  const caseId = n.caseId ?? null;
  if (caseId && !(await q.caseExists(trx, n.workspaceId, caseId))) {
    throw new AppError('invalid', 'The case is not one of this workspace', { reason: 'unknown_case' });
  }
  const rows = await q.insertNotifications(trx, {
    workspaceId: n.workspaceId,
    staffIds: recipientIds(n.staffIds),
    caseId,
    kind: n.kind,
    ...text,
    data: n.data ?? {},
  });
  await notify(
    trx,
    rows.map((r) => signal(n.workspaceId, r.staff_id, 'created')),
  );
  return rows.map((r) => r.staff_id);
}

/**
 * Who to tell about a case: its assignee and the supervisors of its team (the workspace's when the
 * team has none or there is no team), distinct and active; see chooseRecipients. Empty for a case
 * that is not the workspace's.
 */
export async function whoToTell(
  db: Executor,
  workspaceId: string,
  caseId: string,
  scope: 'assignee' | 'assignee_and_supervisors' = 'assignee_and_supervisors',
): Promise<Colleague[]> {
  const c = await q.findCaseHolder(db, workspaceId, caseId);
  if (!c) return [];
  const [assignee, members, supervisors] = await Promise.all([
    c.assignee_id ? q.findColleague(db, workspaceId, c.assignee_id) : undefined,
    c.team_id ? q.teamMembers(db, workspaceId, c.team_id) : [],
    q.workspaceSupervisors(db, workspaceId),
  ]);
  return chooseRecipients(
    { assignee: assignee ?? null, teamMembers: members, workspaceSupervisors: supervisors },
    scope,
  );
}

function readCursor(raw: string | undefined) {
  if (raw === undefined) return null;
  const cursor = decodeCursor(raw);
  if (!cursor)
    throw new AppError('invalid', 'This cursor is not one we issued', { reason: 'invalid_cursor' });
  return cursor;
}

/** The signed-in person's own notifications, newest first, with their unread count. */
export async function listMyNotifications(
  deps: Deps,
  actor: StaffActor,
  query: { unread: boolean; cursor?: string; limit: number },
) {
  const after = readCursor(query.cursor);
  const [rows, unread] = await Promise.all([
    q.listNotifications(deps.db, actor.workspaceId, actor.staffId, { ...query, after }),
    q.countUnread(deps.db, actor.workspaceId, actor.staffId),
  ]);
  return { ...toPage(rows, query.limit), unread };
}

/** Marks one of the person's own notifications read (again is fine); another's is a 404. */
export async function readNotification(deps: Deps, actor: StaffActor, id: string) {
  return deps.db.transaction().execute(async (trx) => {
    const found = await q.findNotification(trx, actor.workspaceId, actor.staffId, id);
    if (!found) throw notFound('Notification');
    return markAndCount(deps, trx, actor, id);
  });
}

/** Marks all of the person's notifications read. */
export const readAllNotifications = (deps: Deps, actor: StaffActor) =>
  deps.db.transaction().execute((trx) => markAndCount(deps, trx, actor));

async function markAndCount(deps: Deps, trx: Executor, actor: StaffActor, id?: string) {
  const { workspaceId, staffId } = actor;
  const marked = await q.markRead(trx, { workspaceId, staffId, at: deps.clock.now(), ...(id ? { id } : {}) });
  // The person's other consoles (tabs, devices) update their badge.
  if (marked > 0) await notify(trx, [signal(workspaceId, staffId, 'read')]);
  return { marked, unread: await q.countUnread(trx, workspaceId, staffId) };
}

/** Marks a workspace's unread notifications of these kinds read, for everyone (a seeded history). */
export const markKindsRead = (db: Executor, workspaceId: string, kinds: string[], at: Date) =>
  q.markKindsRead(db, { workspaceId, kinds, at });
