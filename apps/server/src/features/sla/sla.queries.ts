import type { CaseStatus } from '@fairdesk/contract';
import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import type { Calendar, WeeklyHours } from './business-hours.rules.ts';
import type { SlaPolicy, SlaTarget, TargetRow } from './sla.rules.ts';

/** One recompute of a case at a time; concurrent events for the same case queue up here. */
export const lockCaseSla = (trx: Executor, caseId: string) =>
  sql`select pg_advisory_xact_lock(hashtextextended(${`case_sla:${caseId}`}, 0))`.execute(trx);

/** A stored target as JSON writes it: its times as ISO 8601 text. */
type StoredTargetJson = Omit<TargetRow, StoredTime | 'policy_id'> & {
  policy_id: string | null;
} & Record<StoredTime, string | null>;
type StoredTime = 'started_at' | 'due_at' | 'warn_at' | 'paused_at' | 'met_at' | 'warned_at' | 'breached_at';

const time = (s: string | null) => (s === null ? null : new Date(s));
/** JSON's timestamps carry microseconds; a Date keeps milliseconds, as pg's own parser does. */
const storedTarget = (j: StoredTargetJson) => ({
  ...j,
  started_at: new Date(j.started_at as string),
  due_at: time(j.due_at),
  warn_at: time(j.warn_at),
  paused_at: time(j.paused_at),
  met_at: time(j.met_at),
  warned_at: time(j.warned_at),
  breached_at: time(j.breached_at),
});

/**
 * Everything a recompute decides on, in one statement (it was six round trips): the case, the
 * workspace's active policies in order, the calendar (the team's if it has one, else the
 * workspace's), the case's history (each status change from the timeline and each public
 * message, oldest first) and its stored targets. Undefined when the case is not the workspace's.
 * Run it after lockCaseSla, in a later statement, so it sees what the recompute before it committed.
 */
export async function recomputeInputs(db: Executor, workspaceId: string, caseId: string) {
  const { rows } = await sql<{
    id: string;
    workspace_id: string;
    status: CaseStatus;
    priority: string;
    channel: string;
    organisation_id: string | null;
    team_id: string | null;
    tags: string[];
    created_at: Date;
    assignee_id: string | null;
    policies: SlaPolicy[];
    calendar: Calendar | null;
    status_at: Date[];
    status_change: [CaseStatus, CaseStatus][];
    message_at: Date[];
    message_author: ('customer' | 'staff' | 'system')[];
    targets: StoredTargetJson[];
  }>`
    select c.id, c.workspace_id, c.status, c.priority, c.channel, c.organisation_id, c.team_id, c.tags,
      c.created_at, c.assignee_id,
      coalesce((
        select json_agg(json_build_object('id', p.id, 'conditions', p.conditions, 'targets', p.targets,
            'pause_statuses', p.pause_statuses::text[], 'warn_before_minutes', p.warn_before_minutes,
            'raise_priority_on_breach', p.raise_priority_on_breach) order by p.position, p.created_at)
        from sla_policies p where p.workspace_id = c.workspace_id and p.active
      ), '[]'::json) as policies,
      (
        select json_build_object('time_zone', b.time_zone, 'weekly', b.weekly,
          'holiday_country', b.holiday_country, 'holiday_region', b.holiday_region,
          -- JSON writes dates as YYYY-MM-DD whatever the session's DateStyle.
          'closures', b.closures)
        from business_calendars b
        where b.workspace_id = c.workspace_id and (b.team_id is null or b.team_id = c.team_id)
        order by b.team_id is null limit 1
      ) as calendar,
      coalesce(s.status_at, '{}') as status_at, coalesce(s.status_change, '{}') as status_change,
      coalesce(m.message_at, '{}') as message_at, coalesce(m.message_author, '{}') as message_author,
      coalesce((
        select json_agg(json_build_object('target', s.target, 'policy_id', s.policy_id, 'minutes', s.minutes,
            'business', s.business, 'started_at', s.started_at, 'due_at', s.due_at, 'warn_at', s.warn_at,
            'state', s.state, 'paused_at', s.paused_at, 'met_at', s.met_at, 'warned_at', s.warned_at,
            'breached_at', s.breached_at) order by s.target)
        from case_sla s where s.case_id = c.id
      ), '[]'::json) as targets
    from cases c
    left join lateral (
      select array_agg(e.created_at order by e.id) as status_at,
        array_agg(e.data->'changes'->'status' order by e.id) as status_change
      from events e
      where e.workspace_id = c.workspace_id and e.case_id = c.id and e.type = 'case.updated'
        and e.data->'changes' ? 'status'
    ) s on true
    left join lateral (
      select array_agg(pm.created_at order by pm.created_at, pm.id) as message_at,
        array_agg(pm.author_kind::text order by pm.created_at, pm.id) as message_author
      from messages pm where pm.case_id = c.id and pm.visibility = 'public'
    ) m on true
    where c.workspace_id = ${workspaceId} and c.id = ${caseId}`.execute(db);
  const c = rows[0];
  return c && { ...c, targets: c.targets.map(storedTarget) };
}

/**
 * A recompute's writes in one statement (they were four to six): deletes the targets that no longer
 * apply, upserts the rest, and moves each target's timer job to `timers` (removed at null). The
 * triggers on case_sla then keep the case's next due time; they run after the whole statement.
 */
export async function writeTargets(
  trx: Executor,
  workspaceId: string,
  caseId: string,
  rows: TargetRow[],
  timers: TimerMove[],
  at: Date,
) {
  await sql`with gone as (
      delete from case_sla where case_id = ${caseId} and target <> all(${rows.map((r) => r.target)}::sla_target[])
      returning 1
    ), put as (
      insert into case_sla (workspace_id, case_id, target, policy_id, minutes, business, started_at, due_at,
        warn_at, state, paused_at, met_at, warned_at, breached_at, updated_at)
      select ${workspaceId}::uuid, ${caseId}::uuid, r.target, r.policy_id, r.minutes, r.business, r.started_at,
        r.due_at, r.warn_at, r.state, r.paused_at, r.met_at, r.warned_at, r.breached_at, ${at}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(target sla_target, policy_id uuid,
        minutes integer, business boolean, started_at timestamptz, due_at timestamptz, warn_at timestamptz,
        state sla_state, paused_at timestamptz, met_at timestamptz, warned_at timestamptz, breached_at timestamptz)
      on conflict (case_id, target) do update set policy_id = excluded.policy_id, minutes = excluded.minutes,
        business = excluded.business, started_at = excluded.started_at, due_at = excluded.due_at,
        warn_at = excluded.warn_at, state = excluded.state, paused_at = excluded.paused_at,
        met_at = excluded.met_at, warned_at = excluded.warned_at, breached_at = excluded.breached_at,
        updated_at = excluded.updated_at
      returning 1
    ), moved as (${timerMoves(workspaceId, caseId, timers)})
    select (select count(*) from gone) as gone, (select count(*) from put) as put,
      (select count(*) from moved) as moved`.execute(trx);
}

export const timerKey = (caseId: string, target: SlaTarget) => `sla:${caseId}:${target}`;

export type TimerMove = { target: SlaTarget; runAt: Date | null };

/**
 * One timer job per case and target, moved whenever the deadline moves: each target's job is
 * replaced to run at `runAt`, or removed at null. A select, to run on its own (moveTimers) or in a
 * write's statement (writeTargets).
 */
const timerMoves = (workspaceId: string, caseId: string, timers: TimerMove[]) =>
  sql`select case when t.run_at is null then graphile_worker.remove_job(t.key) is not null
      else graphile_worker.add_job('sla.timer',
        json_build_object('workspace_id', ${workspaceId}::uuid, 'case_id', ${caseId}::uuid, 'target', t.target),
        run_at => t.run_at, job_key => t.key, job_key_mode => 'replace') is not null end as moved
    from unnest(${timers.map((t) => t.target)}::text[], ${timers.map((t) => timerKey(caseId, t.target))}::text[],
      ${timers.map((t) => t.runAt)}::timestamptz[]) as t(target, key, run_at)`;

export const moveTimers = (trx: Executor, workspaceId: string, caseId: string, timers: TimerMove[]) =>
  timerMoves(workspaceId, caseId, timers).execute(trx);

/** Cases with a warning or breach that is due and not yet recorded: what the sweep catches up on. */
export const overdueCases = (db: Executor, now: Date, limit: number, workspaceId?: string) =>
  db
    .selectFrom('case_sla')
    .select(['workspace_id', 'case_id'])
    .distinct()
    .$if(workspaceId !== undefined, (qb) => qb.where('workspace_id', '=', workspaceId!))
    .where('state', 'in', ['on_track', 'at_risk', 'breached'])
    .where((eb) =>
      eb.or([
        eb.and([eb('due_at', '<=', now), eb('breached_at', 'is', null)]),
        eb.and([eb('warn_at', '<=', now), eb('warned_at', 'is', null), eb('due_at', '>', now)]),
      ]),
    )
    .limit(limit)
    .execute();

export const rescheduleSweep = (db: Executor, minutes: number) =>
  sql`select graphile_worker.add_job('sla.sweep', '{}'::json,
    run_at => now() + make_interval(mins => ${minutes}), job_key => 'sla.sweep', job_key_mode => 'replace')`.execute(
    db,
  );

export const markFired = (
  trx: Executor,
  caseId: string,
  target: SlaTarget,
  patch: { warned_at?: Date; breached_at?: Date },
) =>
  trx.updateTable('case_sla').set(patch).where('case_id', '=', caseId).where('target', '=', target).execute();

export async function insertCalendar(
  trx: Executor,
  v: {
    workspace_id: string;
    team_id: string | null;
    name: string;
    time_zone: string;
    weekly: WeeklyHours[];
    holiday_country: string | null;
    holiday_region: string | null;
    closures: string[];
  },
) {
  return trx
    .insertInto('business_calendars')
    .values({ ...v, weekly: JSON.stringify(v.weekly) })
    .onConflict((oc) => oc.columns(['workspace_id', 'team_id']).doNothing())
    .execute();
}

export const insertPolicy = (
  trx: Executor,
  v: Omit<SlaPolicy, 'id'> & { workspace_id: string; name: string; position: number },
) =>
  trx
    .insertInto('sla_policies')
    .values({
      ...v,
      conditions: JSON.stringify(v.conditions),
      targets: JSON.stringify(v.targets),
      pause_statuses: v.pause_statuses,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const caseIdsOf = (db: Executor, workspaceId: string) =>
  db.selectFrom('cases').select('id').where('workspace_id', '=', workspaceId).execute();
