import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import { MARK_END, MARK_START } from './cases.rules.ts';

export type SearchScope = { workspaceId: string; customerId?: string };

/**
 * How much a staff search reads, whatever its words (migration 20261125T0100_search_by_day.sql):
 * per source (subjects, message bodies) it probes the newest `days` day by day, newest first, out
 * of an index keyed by day and word, and keeps at most `keep` matches; it stops probing once it
 * holds `enough` (by default a page: the caller's limit). Only when those days hold fewer does it
 * add up to `older` matches from before them, out of the plain GIN index. A common word is
 * answered from today's rows, a rare one from its whole history; a probe reads one day's posting
 * lists, never a word's whole history, unless the word is rare enough for the older step.
 *
 * The older step is the dear one: the GIN index yields every match before any is kept, and its
 * cost grows with the posting lists of the words (docs/performance.md 2026-11-28). So days that
 * already hold a page of matches are answer enough.
 */
export const SEARCH_BOUNDS: SearchBounds = { days: 64, keep: 200, older: 300 };
export type SearchBounds = { days: number; keep: number; older: number; enough?: number };

/** A customer searches their own newest cases, at most this many (with all their public messages). */
const CUSTOMER_CASES = 1000;

type Hit = { case_id: string; rank: number; matched_in: 'subject' | 'message'; headline: string };

/**
 * Best match per case across subjects and messages, ranked; headlines are computed only for the
 * returned rows because ts_headline is the expensive part.
 */
export async function searchCases(
  db: Executor,
  scope: SearchScope,
  text: string,
  limit: number,
  bounds: SearchBounds = SEARCH_BOUNDS,
) {
  const q = sql`websearch_to_tsquery('english', ${text})`;
  const opts = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2`;
  const hits = scope.customerId
    ? customerHits(scope.workspaceId, scope.customerId, q)
    : sql`select * from search_candidates(${scope.workspaceId}, ${q}, ${bounds.keep},
        ${bounds.enough ?? limit}, ${bounds.older}, ${bounds.days})`;
  const result = await sql<Hit>`
    with hits as (${hits}),
    best as (
      select distinct on (case_id) case_id, rank, message_id from hits order by case_id, rank desc
    ),
    top as (select * from best order by rank desc, case_id limit ${limit})
    select top.case_id, top.rank::float8 as rank,
      case when top.message_id is null then 'subject' else 'message' end as matched_in,
      ts_headline('english', coalesce(m.body, c.subject), ${q}, ${opts}) as headline
    from top join cases c on c.id = top.case_id left join messages m on m.id = top.message_id
    order by top.rank desc, top.case_id`.execute(db);
  return result.rows;
}

/** A customer's hits: their own newest cases and those cases' public messages, all of them ranked. */
const customerHits = (workspaceId: string, customerId: string, q: ReturnType<typeof sql>) => sql`
  with mine as (
    select c.id, c.search from cases c
    where c.workspace_id = ${workspaceId} and c.customer_id = ${customerId}
    order by c.updated_at desc, c.id desc
    limit ${CUSTOMER_CASES}
  )
  select mine.id as case_id, null::uuid as message_id, ts_rank_cd(mine.search, ${q}) * 2 as rank
  from mine where mine.search @@ ${q}
  union all
  select m.case_id, m.id, ts_rank_cd(m.search, ${q})
  from mine join messages m on m.case_id = mine.id
  where m.visibility = 'public' and m.search @@ ${q}`;
