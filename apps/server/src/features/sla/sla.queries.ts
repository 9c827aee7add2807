import type { CaseStatus } from '@fairdesk/contract';
import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import type { WeeklyHours } from './business-hours.rules.ts';
import type { SlaPolicy, SlaTarget, TargetRow } from './sla.rules.ts';

/** One recompute of a case at a time; concurrent events for the same case queue up here. */
export const lockCaseSla = (trx: Executor, caseId: string) =>
  sql`select pg_advisory_xact_lock(hashtextextended(${`case_sla:${caseId}`}, 0))`.execute(trx);

export const findCase = (db: Executor, workspaceId: string, caseId: string) =>
  db
    .selectFrom('cases')
    .select(['id', 'workspace_id', 'status', 'priority', 'channel', 'organisation_id', 'team_id', 'tags'])
    .select(['created_at', 'assignee_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', caseId)
    .executeTakeFirst();

/** Status changes from the timeline, oldest first. */
export async function statusChanges(db: Executor, workspaceId: string, caseId: string) {
  const rows = await db
    .selectFrom('events')
    .select(['created_at', sql<[CaseStatus, CaseStatus]>`data->'changes'->'status'`.as('status')])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', caseId)
    .where('type', '=', 'case.updated')
    .where(sql<boolean>`data->'changes' ? 'status'`)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ at: r.created_at, from: r.status[0], to: r.status[1] }));
}

export const publicMessages = (db: Executor, caseId: string) =>
  db
    .selectFrom('messages')
    .select(['created_at', 'author_kind'])
    .where('case_id', '=', caseId)
    .where('visibility', '=', 'public')
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export async function activePolicies(db: Executor, workspaceId: string): Promise<SlaPolicy[]> {
  const rows = await db
    .selectFrom('sla_policies')
    .selectAll()
    // An enum array comes back from pg as text unless cast.
    .select(sql<CaseStatus[]>`pause_statuses::text[]`.as('pause_statuses'))
    .where('workspace_id', '=', workspaceId)
    .where('active', '=', true)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    ...r,
    targets: r.targets as SlaPolicy['targets'],
    pause_statuses: r.pause_statuses as unknown as CaseStatus[],
  }));
}

/** The team's calendar if it has one, else the workspace's. */
export async function findCalendar(db: Executor, workspaceId: string, teamId: string | null) {
  const rows = await db
    .selectFrom('business_calendars')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) =>
      teamId ? eb.or([eb('team_id', 'is', null), eb('team_id', '=', teamId)]) : eb('team_id', 'is', null),
    )
    .execute();
  const row = rows.find((r) => r.team_id !== null) ?? rows[0];
  if (!row) return null;
  return {
    time_zone: row.time_zone,
    weekly: row.weekly as WeeklyHours[],
    holiday_country: row.holiday_country,
    holiday_region: row.holiday_region,
    closures: (row.closures as unknown as (Date | string)[]).map((d) =>
      typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10),
    ),
  };
}

export const caseRows = (db: Executor, caseId: string) =>
  db.selectFrom('case_sla').selectAll().where('case_id', '=', caseId).orderBy('target').execute();

export async function replaceRows(
  trx: Executor,
  workspaceId: string,
  caseId: string,
  rows: TargetRow[],
  at: Date,
) {
  const keep = rows.map((r) => r.target);
  await trx
    .deleteFrom('case_sla')
    .where('case_id', '=', caseId)
    .$if(keep.length > 0, (qb) => qb.where('target', 'not in', keep))
    .execute();
  if (!rows.length) return;
  await trx
    .insertInto('case_sla')
    .values(rows.map((r) => ({ ...r, workspace_id: workspaceId, case_id: caseId, updated_at: at })))
    .onConflict((oc) =>
      oc.columns(['case_id', 'target']).doUpdateSet((eb) => ({
        policy_id: eb.ref('excluded.policy_id'),
        minutes: eb.ref('excluded.minutes'),
        business: eb.ref('excluded.business'),
        started_at: eb.ref('excluded.started_at'),
        due_at: eb.ref('excluded.due_at'),
        warn_at: eb.ref('excluded.warn_at'),
        state: eb.ref('excluded.state'),
        paused_at: eb.ref('excluded.paused_at'),
        met_at: eb.ref('excluded.met_at'),
        warned_at: eb.ref('excluded.warned_at'),
        breached_at: eb.ref('excluded.breached_at'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

export const timerKey = (caseId: string, target: SlaTarget) => `sla:${caseId}:${target}`;

/** One timer job per case and target, moved whenever the deadline moves. */
export async function scheduleTimer(
  trx: Executor,
  p: { workspace_id: string; case_id: string; target: SlaTarget },
  runAt: Date | null,
) {
  const key = timerKey(p.case_id, p.target);
  if (!runAt) {
    await sql`select graphile_worker.remove_job(${key})`.execute(trx);
    return;
  }
  await sql`select graphile_worker.add_job('sla.timer', ${JSON.stringify(p)}::json, run_at => ${runAt},
    job_key => ${key}, job_key_mode => 'replace')`.execute(trx);
}

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
