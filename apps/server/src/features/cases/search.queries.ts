import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';
import { MARK_END, MARK_START } from './cases.rules.ts';

export type SearchScope = { workspaceId: string; customerId?: string };

/**
 * Best match per case across subjects and messages, ranked; headlines are computed only for the
 * returned rows because ts_headline is the expensive part.
 */
export async function searchCases(db: Executor, scope: SearchScope, text: string, limit: number) {
  const customer = scope.customerId ?? null;
  const opts = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2`;
  const result = await sql<{
    case_id: string;
    rank: number;
    matched_in: 'subject' | 'message';
    headline: string;
  }>`
    with query as (select websearch_to_tsquery('english', ${text}) as q),
    hits as (
      select c.id as case_id, ts_rank(c.search, query.q) * 2 as rank, 'subject' as matched_in, null::uuid as message_id
      from cases c, query
      where c.workspace_id = ${scope.workspaceId} and c.search @@ query.q
        and (${customer}::uuid is null or c.customer_id = ${customer}::uuid)
      union all
      select m.case_id, ts_rank(m.search, query.q), 'message', m.id
      from messages m join cases c on c.id = m.case_id, query
      where m.workspace_id = ${scope.workspaceId} and m.search @@ query.q
        and (${customer}::uuid is null or (c.customer_id = ${customer}::uuid and m.visibility = 'public'))
    ),
    best as (
      select distinct on (case_id) case_id, rank, matched_in, message_id from hits order by case_id, rank desc
    ),
    top as (select * from best order by rank desc, case_id limit ${limit})
    select top.case_id, top.rank::float8 as rank, top.matched_in,
      ts_headline('english', coalesce(m.body, c.subject), query.q, ${opts}) as headline
    from top join cases c on c.id = top.case_id left join messages m on m.id = top.message_id, query
    order by top.rank desc, top.case_id`.execute(db);
  return result.rows;
}
