import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import type { DB } from '../../infra/db.types.ts';

// The runs of rules and what a run needs to know about its cause.

/** Events of a case that look like the one a job was queued for, oldest first. */
export const matchingEvents = (db: Executor, caseId: string, type: string, data: unknown) =>
  db
    .selectFrom('events')
    .select(['id', 'data'])
    .where('case_id', '=', caseId)
    .where('type', '=', type)
    .where(sql<boolean>`data = ${JSON.stringify(data ?? {})}::jsonb`)
    .orderBy('id')
    .limit(50)
    .execute();

/** The id of the first message.added event of a case: its opening message, not a reply. */
export const openingMessageId = async (db: Executor, caseId: string) =>
  (
    await db
      .selectFrom('events')
      .select(sql<string | null>`data->>'message_id'`.as('message_id'))
      .where('case_id', '=', caseId)
      .where('type', '=', 'message.added')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst()
  )?.message_id ?? null;

export const findMessageAuthor = (db: Executor, caseId: string, messageId: string) =>
  db
    .selectFrom('messages')
    .select(['author_kind', 'visibility'])
    .where('case_id', '=', caseId)
    .where('id', '=', messageId)
    .executeTakeFirst();

/** Causes among `causes` a rule has already run for on a case. */
export async function usedCauses(db: Executor, ruleId: string, caseId: string, causes: string[]) {
  if (causes.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('automation_runs')
    .select('cause')
    .where('rule_id', '=', ruleId)
    .where('case_id', '=', caseId)
    .where('cause', 'in', causes)
    .execute();
  return new Set(rows.map((r) => r.cause));
}

export const countRunsSince = async (db: Executor, ruleId: string, caseId: string, since: Date) =>
  (
    await db
      .selectFrom('automation_runs')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('rule_id', '=', ruleId)
      .where('case_id', '=', caseId)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow()
  ).n;

/** The depth of a rule's latest run on a case (for events a macro wrote without a depth). */
export const latestRunDepth = async (db: Executor, ruleId: string, caseId: string) =>
  (
    await db
      .selectFrom('automation_runs')
      .select('depth')
      .where('rule_id', '=', ruleId)
      .where('case_id', '=', caseId)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst()
  )?.depth;

/** Claims a run; undefined when the rule already ran for this cause (a retried job). */
export const claimRun = (db: Executor, row: Insertable<DB['automation_runs']>) =>
  db
    .insertInto('automation_runs')
    .values(row)
    .onConflict((oc) => oc.columns(['rule_id', 'case_id', 'cause']).doNothing())
    .returning('id')
    .executeTakeFirst();

export const finishRun = (
  db: Executor,
  id: string,
  patch: { done: string; skipped: string; error: string | null },
) =>
  db
    .updateTable('automation_runs')
    .set({ done: sql`${patch.done}::jsonb`, skipped: sql`${patch.skipped}::jsonb`, error: patch.error })
    .where('id', '=', id)
    .execute();

export const listRunsOfCase = (db: Executor, workspaceId: string, caseId: string, limit: number) =>
  db
    .selectFrom('automation_runs as r')
    .innerJoin('automation_rules as ru', 'ru.id', 'r.rule_id')
    .select([
      'r.id',
      'r.rule_id',
      'ru.name as rule_name',
      'r.trigger',
      'r.cause',
      'r.depth',
      'r.done',
      'r.skipped',
      'r.error',
      'r.created_at',
    ])
    .where('r.workspace_id', '=', workspaceId)
    .where('r.case_id', '=', caseId)
    .orderBy('r.created_at', 'desc')
    .limit(limit)
    .execute();
