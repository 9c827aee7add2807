import type { AutomationTrigger, CaseStatus } from '@fairdesk/contract';
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import type { DB } from '../../infra/db.types.ts';
import { statementOnce } from '../../infra/statement-shapes.ts';

export type RuleRow = Awaited<ReturnType<typeof listRules>>[number];

export const listRules = (db: Executor, workspaceId: string) =>
  db
    .selectFrom('automation_rules')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .orderBy('created_at')
    .limit(500)
    .execute();

export const findRule = (db: Executor, workspaceId: string, id: string) =>
  db
    .selectFrom('automation_rules')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

const activeRulesStatement = statementOnce((db, v: { workspaceId: string; trigger: AutomationTrigger }) =>
  db
    .selectFrom('automation_rules')
    .selectAll()
    .where('workspace_id', '=', v.workspaceId)
    .where('trigger', '=', v.trigger)
    .where('active', '=', true)
    .orderBy('position')
    .orderBy('created_at'),
);

/** The active rules of one trigger, in the order they run (compiled once: it runs for every event). */
export const activeRulesOf = (db: Executor, workspaceId: string, trigger: AutomationTrigger) =>
  activeRulesStatement(db, { workspaceId, trigger });

/** Every active schedule rule, of every workspace (the sweep's list). */
export const activeScheduleRules = (db: Executor, limit: number) =>
  db
    .selectFrom('automation_rules')
    .selectAll()
    .where('trigger', '=', 'schedule')
    .where('active', '=', true)
    .orderBy('id')
    .limit(limit)
    .execute();

export const nextPosition = async (db: Executor, workspaceId: string) =>
  (
    await db
      .selectFrom('automation_rules')
      .select(sql<number>`coalesce(max(position), 0) + 1`.as('p'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow()
  ).p;

export const insertRule = (db: Executor, row: Insertable<DB['automation_rules']>) =>
  db.insertInto('automation_rules').values(row).returningAll().executeTakeFirstOrThrow();

export const updateRule = (
  db: Executor,
  workspaceId: string,
  id: string,
  patch: Updateable<DB['automation_rules']>,
) =>
  db
    .updateTable('automation_rules')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();

export const deleteRule = (db: Executor, workspaceId: string, id: string) =>
  db
    .deleteFrom('automation_rules')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();

/** The workspace's rules locked, so that concurrent reorders apply one after the other. */
export const lockRules = (db: Executor, workspaceId: string) =>
  db
    .selectFrom('automation_rules')
    .select(['id', 'position'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .forUpdate()
    .execute();

export const setPosition = (db: Executor, id: string, position: number, at: Date) =>
  db.updateTable('automation_rules').set({ position, updated_at: at }).where('id', '=', id).execute();

/** Moves a schedule rule's cursor, unless the rule was edited meanwhile (an edit starts it over). */
export const setSweepCursor = (
  db: Executor,
  rule: { id: string; updated_at: Date },
  at: Date,
  caseId: string,
) =>
  db
    .updateTable('automation_rules')
    .set({ sweep_after_at: at, sweep_after_id: caseId })
    .where('id', '=', rule.id)
    .where('updated_at', '=', rule.updated_at)
    .execute();

/** Which of `ids` are staff / teams / macros of the workspace. */
export async function existingIds(
  db: Executor,
  table: 'staff' | 'teams' | 'macros',
  workspaceId: string,
  ids: string[],
) {
  if (ids.length === 0) return new Set<string>();
  const rows =
    table === 'macros'
      ? await db
          .selectFrom('macros')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', ids)
          // The system sends only shared macros: a personal one is its owner's.
          .where('owner_staff_id', 'is', null)
          .execute()
      : await db
          .selectFrom(table)
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', ids)
          .execute();
  return new Set(rows.map((r) => r.id));
}

/** A shared macro whose name contains `word` (the demo's reminder). */
export const findSharedMacroNamed = (db: Executor, workspaceId: string, word: string) =>
  db
    .selectFrom('macros')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('owner_staff_id', 'is', null)
    .where('name', 'ilike', `%${word}%`)
    .orderBy('name')
    .executeTakeFirst();

/** Names of staff, teams and macros of the workspace, for summaries. */
export async function namesOf(db: Executor, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return {};
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .unionAll(
      db
        .selectFrom('teams')
        .select(['id', 'name'])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', ids),
    )
    .unionAll(
      db
        .selectFrom('macros')
        .select(['id', 'name'])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', ids),
    )
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** Cases as conditions see them: the case, its customer's language, and who wrote how much. */
function caseStates(db: Executor) {
  return db
    .selectFrom('cases as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select((eb) => [
      'c.id',
      'c.number',
      'c.subject',
      'c.status',
      'c.priority',
      'c.channel',
      'c.tags',
      'c.team_id',
      'c.assignee_id',
      'c.organisation_id',
      'c.message_count',
      'c.created_at',
      'c.updated_at',
      'c.status_entered_at',
      'cu.language as customer_language',
      eb
        .selectFrom('messages as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.case_id', '=', 'c.id')
        .where('m.author_kind', '=', 'customer')
        .where('m.visibility', '=', 'public')
        .as('customer_messages'),
    ]);
}
export type CaseStateRow = Awaited<ReturnType<typeof findCaseState>> & {};

export const findCaseState = (db: Executor, workspaceId: string, caseId: string) =>
  caseStates(db).where('c.workspace_id', '=', workspaceId).where('c.id', '=', caseId).executeTakeFirst();

/** The workspace's most recently active cases (the dry run's sample). */
export const recentCaseStates = (db: Executor, workspaceId: string, limit: number) =>
  caseStates(db)
    .where('c.workspace_id', '=', workspaceId)
    .orderBy('c.updated_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();

/**
 * Cases a schedule rule is due for: in `status` since at most `cutoff`, after the sweep's cursor,
 * in the order they entered it (an index range on cases_status_entered_idx), bounded.
 */
export function dueCaseStates(
  db: Executor,
  r: {
    workspaceId: string;
    status: CaseStatus;
    cutoff: Date;
    after: { at: Date; id: string } | null;
    limit: number;
  },
) {
  let qb = caseStates(db)
    .where('c.workspace_id', '=', r.workspaceId)
    .where('c.status', '=', r.status)
    .where('c.status_entered_at', '<=', r.cutoff);
  const after = r.after;
  if (after)
    qb = qb.where((eb) =>
      eb.or([
        eb('c.status_entered_at', '>', after.at),
        eb.and([eb('c.status_entered_at', '=', after.at), eb('c.id', '>', after.id)]),
      ]),
    );
  return qb.orderBy('c.status_entered_at').orderBy('c.id').limit(r.limit).execute();
}

/** The case row locked for a rule's run: one run at a time per case. */
export const lockCaseRow = (db: Executor, workspaceId: string, caseId: string) =>
  db
    .selectFrom('cases')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();

export const caseAssignee = async (db: Executor, workspaceId: string, caseId: string) =>
  (
    await db
      .selectFrom('cases')
      .select('assignee_id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', caseId)
      .executeTakeFirst()
  )?.assignee_id ?? null;

export const caseInWorkspace = (db: Executor, workspaceId: string, caseId: string) =>
  db
    .selectFrom('cases')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', caseId)
    .executeTakeFirst();

/** Starts the schedule sweep again at `minutes` from now (one queued sweep at a time). */
export const rescheduleSweep = (db: Executor, seconds: number) =>
  sql`select graphile_worker.add_job('automation.sweep', '{}'::json,
    run_at => now() + make_interval(secs => ${seconds}), job_key => 'automation.sweep', job_key_mode => 'replace')`.execute(
    db,
  );
