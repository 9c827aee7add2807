import type { PresenceState } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import type { Actor, StaffActor } from '../../infra/actor.ts';
import { notFound } from '../../infra/errors.ts';
import { isoTime } from '../../infra/iso-time.ts';
import { notify } from '../../infra/realtime.ts';
import * as q from './presence.queries.ts';

/** Someone not seen for this long has left (the browser beats every ~15 s). */
export const PRESENCE_FRESH_MS = 30_000;

const announce = (deps: Deps, actor: StaffActor, caseId: string, state: PresenceState | null, name: string) =>
  // Presence is not history: announced to the open consoles, never written to the event log.
  notify(deps.db, [
    {
      workspace_id: actor.workspaceId,
      type: 'presence.changed',
      case_id: caseId,
      actor: { kind: 'staff', id: actor.staffId },
      data: { state, name },
    },
  ]);

/** The other staff on the case now, for the case view; customers see nobody. */
export async function caseViewers(deps: Deps, actor: Actor, caseId: string) {
  if (actor.kind !== 'staff') return [];
  const since = new Date(deps.clock.now().getTime() - PRESENCE_FRESH_MS);
  const rows = await q.listViewers(deps.db, actor.workspaceId, caseId, actor.staffId, since);
  return rows.map((r) => ({ id: r.id, name: r.name, state: r.state, seen_at: isoTime(r.seen_at) }));
}

/**
 * The browser's heartbeat: "I am viewing (or replying to) this case". Announced only when it is
 * news (arrived, came back after going stale, or switched state); answers who else is there.
 */
export async function markPresence(deps: Deps, actor: StaffActor, caseId: string, state: PresenceState) {
  const at = deps.clock.now();
  const stale = new Date(at.getTime() - PRESENCE_FRESH_MS);
  const before = await q.upsertPresence(deps.db, {
    workspaceId: actor.workspaceId,
    caseId,
    staffId: actor.staffId,
    state,
    at,
  });
  if (!before) throw notFound('Case');
  const news = before.previous_state !== state || !before.previous_seen_at || before.previous_seen_at < stale;
  if (news) await announce(deps, actor, caseId, state, before.name);
  await q.pruneStalePresence(deps.db, actor.staffId, stale);
  return caseViewers(deps, actor, caseId);
}

/** The person left the case (closed it, navigated away). Saying so twice is harmless. */
export async function clearPresence(deps: Deps, actor: StaffActor, caseId: string) {
  const gone = await q.deletePresence(deps.db, actor.workspaceId, caseId, actor.staffId);
  if (gone) await announce(deps, actor, caseId, null, gone.name ?? '');
}
