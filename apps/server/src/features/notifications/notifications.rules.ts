/** A staff member as the recipient rules see them. */
export type Colleague = { id: string; name: string; role: string; active: boolean };

/** What is known about a case when deciding whom to tell. */
export type CaseContacts = {
  assignee: Colleague | null;
  /** Members of the case's team; empty when the case has no team. */
  teamMembers: Colleague[];
  /** Every supervisor of the workspace, the fallback when the team has none. */
  workspaceSupervisors: Colleague[];
};

/**
 * Who to tell about a case: `assignee` tells only the assignee (or, when nobody active holds the
 * case, the supervisors, so that a warning about an unassigned case still reaches someone who can
 * act); `assignee_and_supervisors` tells the assignee and the team's supervisors. The team's
 * supervisors are its active members with the supervisor role; a case without a team, or a team
 * without one, falls back to the workspace's supervisors. Distinct, active only, assignee first.
 */
export function chooseRecipients(
  contacts: CaseContacts,
  scope: 'assignee' | 'assignee_and_supervisors',
): Colleague[] {
  const assignee = contacts.assignee?.active ? contacts.assignee : null;
  const teamSupervisors = contacts.teamMembers.filter((m) => m.active && m.role === 'supervisor');
  const supervisors =
    teamSupervisors.length > 0 ? teamSupervisors : contacts.workspaceSupervisors.filter((s) => s.active);
  const chosen =
    scope === 'assignee' && assignee ? [assignee] : [...(assignee ? [assignee] : []), ...supervisors];
  return distinctById(chosen);
}

function distinctById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.id) && seen.add(i.id));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The distinct well-formed ids of a recipient list; anything else could never be a colleague. */
export const recipientIds = (ids: readonly string[]): string[] => [
  ...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase())),
];

const TITLE_MAX = 200;
const BODY_MAX = 2000;

/** Title and body as stored: trimmed and cut to fit; null when there is no title to show. */
export function notificationText(title: string, body = ''): { title: string; body: string } | null {
  const t = title.trim().slice(0, TITLE_MAX).trim();
  return t ? { title: t, body: body.trim().slice(0, BODY_MAX) } : null;
}

/** A keyset position: the row's created_at in whole microseconds since the epoch, and its id. */
export type Cursor = { us: number; id: string };

/** Opaque to clients (base64url JSON), so the order can change without breaking them. */
export const encodeCursor = (c: Cursor): string =>
  Buffer.from(JSON.stringify([c.us, c.id])).toString('base64url');

/** The position a cursor names, or null when it was not made by encodeCursor. */
export function decodeCursor(raw: string): Cursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [us, id] = v as unknown[];
    if (typeof us !== 'number' || !Number.isSafeInteger(us) || us < 0) return null;
    return typeof id === 'string' && UUID.test(id) ? { us, id } : null;
  } catch {
    return null;
  }
}

/** limit+1 rows -> a page: the extra row only proves there is more. */
export function toPage<T extends { sort_us: number; id: string }>(rows: readonly T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const next_cursor = rows.length > limit && last ? encodeCursor({ us: last.sort_us, id: last.id }) : null;
  return { items, next_cursor };
}
