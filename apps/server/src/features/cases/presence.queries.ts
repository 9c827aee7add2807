import type { PresenceState } from '@fairdesk/contract';
import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';

/**
 * Records that a staff member has the case open, in one statement that also says what was there
 * before (so only real changes are announced). No row comes back when the case is not the
 * workspace's.
 */
export const upsertPresence = async (
  db: Executor,
  p: { workspaceId: string; caseId: string; staffId: string; state: PresenceState; at: Date },
) =>
  (
    await sql<{ previous_state: PresenceState | null; previous_seen_at: Date | null; name: string }>`
      with target as (
        select id from cases where id = ${p.caseId} and workspace_id = ${p.workspaceId}
      ), prev as (
        select state, seen_at from case_presence where case_id = ${p.caseId} and staff_id = ${p.staffId}
      )
      insert into case_presence (workspace_id, case_id, staff_id, state, seen_at)
      select ${p.workspaceId}, target.id, ${p.staffId}, ${p.state}::presence_state, ${p.at} from target
      on conflict (case_id, staff_id) do update set state = excluded.state, seen_at = excluded.seen_at
      returning (select state from prev) as previous_state, (select seen_at from prev) as previous_seen_at,
        (select name from staff where id = ${p.staffId}) as name`.execute(db)
  ).rows[0];

export const deletePresence = (db: Executor, workspaceId: string, caseId: string, staffId: string) =>
  db
    .deleteFrom('case_presence')
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', caseId)
    .where('staff_id', '=', staffId)
    .returning((eb) =>
      eb
        .selectFrom('staff')
        .select('staff.name')
        .whereRef('staff.id', '=', 'case_presence.staff_id')
        .as('name'),
    )
    .executeTakeFirst();

/** A person's rows for cases they left without saying so (a closed tab): keeps the table small. */
export const pruneStalePresence = (db: Executor, staffId: string, before: Date) =>
  db.deleteFrom('case_presence').where('staff_id', '=', staffId).where('seen_at', '<', before).execute();

export const listViewers = (
  db: Executor,
  workspaceId: string,
  caseId: string,
  exceptStaffId: string,
  since: Date,
) =>
  db
    .selectFrom('case_presence as p')
    .innerJoin('staff as s', 's.id', 'p.staff_id')
    .select(['s.id', 's.name', 'p.state', 'p.seen_at'])
    .where('p.workspace_id', '=', workspaceId)
    .where('p.case_id', '=', caseId)
    .where('p.staff_id', '<>', exceptStaffId)
    .where('p.seen_at', '>', since)
    .where('s.active', '=', true)
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(50)
    .execute();
