import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import { MARK_END, MARK_START } from './cases.rules.ts';

export type SearchScope = { workspaceId: string; customerId?: string };

/** A source with at most this many matches has them all ranked. */
const SPARSE = 5000;
/** A source with more (a common word) has only its newest this many ranked. */
export const SEARCH_CANDIDATES = 300;

/**
 * Best match per case across subjects and messages, ranked; headlines are computed only for the
 * returned rows because ts_headline is the expensive part. The cost is bounded for common words:
 * a source (subjects, messages) with at most SPARSE matches has them all ranked (ts_rank_cd);
 * one with more yields only its newest SEARCH_CANDIDATES (cases by activity, messages by time,
 * walking an index backwards, which is quick precisely because matches are dense). Staff searches
 * never join messages to cases (only a customer's need the case's owner).
 */
export async function searchCases(db: Executor, scope: SearchScope, text: string, limit: number) {
  const customer = scope.customerId ?? null;
  // The query inline (not from a CTE), so the planner sees how common its words are and picks,
  // per source, a backward walk of the time index (common words) or the GIN index (rare ones).
  const q = sql`websearch_to_tsquery('english', ${text})`;
  const opts = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2`;
  const result = await sql<{
    case_id: string;
    rank: number;
    matched_in: 'subject' | 'message';
    headline: string;
  }>`
    with subject_hits as materialized (
      select c.id as case_id, c.search from cases c
      where c.workspace_id = ${scope.workspaceId} and c.search @@ ${q}
        and (${customer}::uuid is null or c.customer_id = ${customer}::uuid)
      limit ${SPARSE + 1}
    ),
    subjects as (
      select case_id, search from subject_hits where (select count(*) from subject_hits) <= ${SPARSE}
      union all
      (select c.id, c.search from cases c
      where (select count(*) from subject_hits) > ${SPARSE}
        and c.workspace_id = ${scope.workspaceId} and c.search @@ ${q}
        and (${customer}::uuid is null or c.customer_id = ${customer}::uuid)
      order by c.updated_at desc, c.id desc
      limit ${SEARCH_CANDIDATES})
    ),
    body_hits as materialized (
      select m.id, m.case_id, m.search from messages m
      where m.workspace_id = ${scope.workspaceId} and m.search @@ ${q}
        and (${customer}::uuid is null or (m.visibility = 'public' and exists (
          select 1 from cases c where c.id = m.case_id and c.customer_id = ${customer}::uuid)))
      limit ${SPARSE + 1}
    ),
    bodies as (
      select id, case_id, search from body_hits where (select count(*) from body_hits) <= ${SPARSE}
      union all
      (select m.id, m.case_id, m.search from messages m
      where (select count(*) from body_hits) > ${SPARSE}
        and m.workspace_id = ${scope.workspaceId} and m.search @@ ${q}
        and (${customer}::uuid is null or (m.visibility = 'public' and exists (
          select 1 from cases c where c.id = m.case_id and c.customer_id = ${customer}::uuid)))
      order by m.created_at desc, m.id desc
      limit ${SEARCH_CANDIDATES})
    ),
    hits as (
      select s.case_id, ts_rank_cd(s.search, ${q}) * 2 as rank, 'subject' as matched_in, null::uuid as message_id
      from subjects s
      union all
      select b.case_id, ts_rank_cd(b.search, ${q}), 'message', b.id
      from bodies b
    ),
    best as (
      select distinct on (case_id) case_id, rank, matched_in, message_id from hits order by case_id, rank desc
    ),
    top as (select * from best order by rank desc, case_id limit ${limit})
    select top.case_id, top.rank::float8 as rank, top.matched_in,
      ts_headline('english', coalesce(m.body, c.subject), ${q}, ${opts}) as headline
    from top join cases c on c.id = top.case_id left join messages m on m.id = top.message_id
    order by top.rank desc, top.case_id`.execute(db);
  return result.rows;
}
