import type { CaseListQuery } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../infra/actor.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import { caseSla } from '../sla/index.ts';
import { listCaseAttachments } from './attachments.queries.ts';
import {
  presentAttachment,
  presentCaseSummary,
  presentEvent,
  presentMessage,
  visibleToCustomer,
} from './cases.present.ts';
import * as q from './cases.queries.ts';
import { decodeCursor, encodeCursor } from './cases.rules.ts';
import { listCasesByDue } from './cases-due.service.ts';
import { caseViewers } from './presence.service.ts';

/**
 * A case with its conversation, attachments and timeline, as this actor may see it. `justOpened`
 * is for the answer to the request that opened it: nobody can have it open yet and its service
 * levels are computed after commit, so those reads (and the attachments', when none were sent)
 * would only find nothing.
 */
export async function getCase(
  deps: Deps,
  actor: Actor,
  id: string,
  opts: { justOpened?: { withAttachments: boolean } } = {},
) {
  const row = await q.findCaseSummary(deps.db, actor.workspaceId, id);
  if (!row || (actor.kind === 'customer' && row.customer_id !== actor.customerId)) throw notFound('Case');
  const isCustomer = actor.kind === 'customer';
  const fresh = opts.justOpened;
  const nothing = Promise.resolve([]);
  const [messages, attachments, events, viewers, sla] = await Promise.all([
    q.listMessages(deps.db, id, isCustomer),
    fresh && !fresh.withAttachments ? nothing : listCaseAttachments(deps.db, id),
    q.listTimeline(deps.db, actor.workspaceId, id),
    fresh ? nothing : caseViewers(deps, actor, id),
    isCustomer || fresh ? nothing : caseSla(deps, id),
  ]);
  const visibleAttachments = attachments.filter((a) => !isCustomer || a.visibility === 'public');
  return {
    ...presentCaseSummary(row, actor.kind),
    messages: messages.map((m) => presentMessage(m, visibleAttachments)),
    attachments: visibleAttachments.map(presentAttachment),
    timeline: events
      .filter((e) => !isCustomer || visibleToCustomer(e))
      .map((e) => presentEvent(e, actor.kind)),
    viewers,
    sla,
  };
}

export async function listCases(deps: Deps, actor: Actor, filters: CaseListQuery) {
  if (filters.sort === 'due') {
    // Customers never see service levels, so they cannot sort by them either.
    if (actor.kind === 'customer')
      throw new AppError('invalid', 'sort=due is for staff', { reason: 'invalid_sort' });
    return listCasesByDue(deps, actor, filters);
  }
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
  if (filters.cursor && !cursor)
    throw new AppError('invalid', 'The cursor is not one we gave out', { reason: 'invalid_cursor' });
  if (actor.kind === 'customer' && filters.assignee_id === 'me') {
    throw new AppError('invalid', 'assignee_id=me is for staff', { reason: 'invalid_filter' });
  }
  const scope =
    actor.kind === 'customer'
      ? { workspaceId: actor.workspaceId, customerId: actor.customerId }
      : { workspaceId: actor.workspaceId, staffId: actor.staffId };
  const rows = await q.listCases(deps.db, scope, filters, cursor);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  const sortAt = (r: (typeof page)[number]) =>
    filters.sort === 'updated_desc' ? r.updated_at : r.created_at;
  return {
    items: page.map((r) => presentCaseSummary(r, actor.kind)),
    next_cursor:
      rows.length > filters.limit && last
        ? encodeCursor({ at: sortAt(last).toISOString(), id: last.id })
        : null,
  };
}

/** One message as just written, with its attachments. */
export async function getMessage(deps: Deps, caseId: string, messageId: string) {
  const [m, attachments] = await Promise.all([
    q.findMessage(deps.db, caseId, messageId),
    q.listMessageAttachments(deps.db, messageId),
  ]);
  return presentMessage(m, attachments);
}
