import { type RawBuilder, sql } from 'kysely';
import { type Executor, withGenericPlan } from '../../infra/db.ts';
import { statementByShape } from '../../infra/statement-shapes.ts';
import { baseSummary, type CaseSummaryRow } from './cases.queries.ts';
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
 * cost grows with the posting lists of the words (docs/performance-history.md 2026-11-28). So days that
 * already hold a page of matches are answer enough. A word that names one thing (an order number,
 * an address: migration 20261126T0100_search_identifiers) is the exception: the plain GIN index
 * is asked first, and when it holds at most `older` matches they are all of them.
 */
export const SEARCH_BOUNDS: SearchBounds = { days: 64, keep: 200, older: 300 };
export type SearchBounds = { days: number; keep: number; older: number; enough?: number };

/** A customer searches their own newest cases, at most this many (with all their public messages). */
const CUSTOMER_CASES = 1000;

type HitColumns = { rank: number; matched_in: 'subject' | 'message'; headline: string };
export type SearchHitRow = CaseSummaryRow & HitColumns;

/** What decides the search statement's text (statementByShape: it is compiled once per form). */
type SearchForm = { customer: boolean };
type SearchValues = {
  workspaceId: string;
  customerId: string | null;
  text: string;
  limit: number;
  keep: number;
  enough: number;
  older: number;
  days: number;
};

/**
 * The text search configuration of every vector and query: 'fairdesk' with integers unsigned, so a
 * reference written TH-20007 is found by 20007 too (migration 20261127T0100_search_numbers). The
 * documents' generated vectors use it; a query parsed with another configuration misses numbers.
 */
export const textQuery = (text: string) => sql`websearch_to_tsquery('fairdesk', ${text})`;

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2`;

/**
 * Best match per case across subjects and messages, with each case's summary and a headline, in
 * one statement. Ranks are normalised by the document's length, a subject's count twice, and equal
 * ranks come newest first (migration 20261129T0100_search_rank_length). Headlines are computed
 * only for the returned rows, and of a long document only a window around its first match
 * (search_headline, migration 20261128T0200_search_headline): ts_headline parses its whole text
 * again, 33 ms for a body of 100,000 characters.
 *
 * A staff search's plan is the same whatever its words (the candidates come from a function, the
 * rest joins them by primary key), so it is prepared and planned once per connection: planning it
 * cost ~0.35 ms of database CPU a search, and the summaries in a second statement another ~0.5 ms
 * (docs/performance-history.md, 2026-12-01). A customer's search tests the tsquery inline against their
 * own cases, whose best plan can depend on the words: it stays planned on every call.
 */
const searchStatement = statementByShape((db, form: SearchForm, v: SearchValues) => {
  const q = textQuery(v.text);
  const hits = form.customer
    ? customerHits(v.workspaceId, v.customerId as string, q)
    : sql`select * from search_candidates(${v.workspaceId}, ${q}, ${v.keep}, ${v.enough}, ${v.older}, ${v.days})`;
  const top = sql<{ case_id: string; rank: number; message_id: string | null; at: Date }>`(
    select case_id, rank, message_id, at from (
      select distinct on (case_id) case_id, rank, message_id, at from (${hits}) hits
      order by case_id, rank desc, at desc
    ) best
    order by rank desc, at desc, case_id desc
    limit ${v.limit})`;
  return baseSummary(db)
    .innerJoin(top.as('top'), 'top.case_id', 'c.id')
    .leftJoin('messages as m', 'm.id', 'top.message_id')
    .select([
      sql<number>`top.rank::float8`.as('rank'),
      sql<HitColumns['matched_in']>`case when top.message_id is null then 'subject' else 'message' end`.as(
        'matched_in',
      ),
      sql<string>`search_headline(coalesce(m.body, c.subject), ${q}, ${HEADLINE})`.as('headline'),
    ])
    .where('c.workspace_id', '=', v.workspaceId)
    .orderBy(sql`top.rank`, 'desc')
    .orderBy(sql`top.at`, 'desc')
    .orderBy('c.id', 'desc')
    .$if(!form.customer, (qb) => qb.$call(withGenericPlan));
});

export async function searchCases(
  db: Executor,
  scope: SearchScope,
  text: string,
  limit: number,
  bounds: SearchBounds = SEARCH_BOUNDS,
): Promise<SearchHitRow[]> {
  const statement = searchStatement(
    db,
    { customer: scope.customerId !== undefined },
    {
      workspaceId: scope.workspaceId,
      customerId: scope.customerId ?? null,
      text,
      limit,
      keep: bounds.keep,
      enough: bounds.enough ?? limit,
      older: bounds.older,
      days: bounds.days,
    },
  );
  return (await db.executeQuery(statement)).rows;
}

/** A customer's hits: their own newest cases and those cases' public messages, all of them ranked. */
const customerHits = (workspaceId: string, customerId: string, q: RawBuilder<unknown>) => sql`
  with mine as (
    select c.id, s.search, c.created_at from cases c join case_search s on s.case_id = c.id
    where c.workspace_id = ${workspaceId} and c.customer_id = ${customerId}
    order by c.updated_at desc, c.id desc
    limit ${CUSTOMER_CASES}
  )
  select mine.id as case_id, null::uuid as message_id, ts_rank_cd(mine.search, ${q}, 1) * 2 as rank,
    mine.created_at as at
  from mine where mine.search @@ ${q}
  union all
  select m.case_id, m.id, ts_rank_cd(m.search, ${q}, 1), m.created_at
  from mine join messages m on m.case_id = mine.id
  where m.visibility = 'public' and m.search @@ ${q}`;
