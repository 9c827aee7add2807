import type { CaseViewRow } from './case-view.queries.ts';
import type { CaseSummaryRow } from './cases.queries.ts';

/**
 * What the statement that opens a case answers (case-open.queries.ts): the case as summaries show
 * it, and what the view needs that only the database knows: the names of the workspace and of the
 * actor, and the ids `record_events` gave the events.
 */
export type OpenedCaseRow = CaseSummaryRow & {
  workspace_name: string;
  actor_name: string | null;
  event_ids: number[];
};

/** An event as `record_events` got it (infra/emit.ts EventItem; the fields the timeline shows). */
type SentEvent = {
  type: string;
  actor_kind: 'staff' | 'customer' | 'system';
  actor_id: string | null;
  data: Record<string, unknown>;
};

/** What the writer sent: the first message and the events, as `record_events` got them. */
export type OpenedCaseSent = { message: { id: string; body: string }; items: SentEvent[] };

/**
 * A new case as its view would show it right after the write, made from the write's answer and
 * what was sent, so the statement does not build it. Building it there (the message's and the
 * timeline's JSON, with a join for each name) cost the database 0.05–0.1 ms of the ~1.4 ms a new
 * case costs it (docs/decisions.md, 2026-12-16).
 *
 * Nobody has the case open yet and its service levels are computed after the commit, so there are
 * no viewers and no targets; uploads are linked after this statement, and such a case is read back
 * instead. The first message is the customer's request, also when staff open the case for them.
 * `case.created` carries the number the statement took, as the stored event does.
 */
export function openedCaseView(row: OpenedCaseRow, sent: OpenedCaseSent): CaseViewRow {
  const { workspace_name, actor_name, event_ids, ...summary } = row;
  const at = summary.created_at.toISOString();
  if (event_ids.length !== sent.items.length) {
    throw new Error(`record_events gave ${event_ids.length} ids for ${sent.items.length} events`);
  }
  return {
    ...summary,
    messages: [
      {
        id: sent.message.id,
        visibility: 'public',
        author_kind: 'customer',
        author_staff_id: null,
        author_customer_id: summary.customer_id,
        staff_name: null,
        customer_name: summary.customer_name,
        workspace_name,
        body: sent.message.body,
        created_at: at,
      },
    ],
    timeline: sent.items.map((e, i) => ({
      seq: event_ids[i]!,
      type: e.type,
      actor_kind: e.actor_kind,
      actor_id: e.actor_id,
      staff_name: e.actor_kind === 'staff' ? actor_name : null,
      customer_name: e.actor_kind === 'customer' ? actor_name : null,
      data: e.type === 'case.created' ? { ...e.data, number: summary.number } : e.data,
      created_at: at,
    })),
    attachments: [],
    viewers: [],
    sla: [],
  };
}
