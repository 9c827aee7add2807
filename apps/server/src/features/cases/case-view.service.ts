import type { Deps } from '../../deps.ts';
import type { Actor } from '../../infra/actor.ts';
import { notFound } from '../../infra/errors.ts';
import { isoTime } from '../../infra/iso-time.ts';
import { slaView } from '../sla/index.ts';
import * as view from './case-view.queries.ts';
import {
  presentAttachment,
  presentCaseSummary,
  presentEvent,
  presentMessage,
  visibleToCustomer,
} from './cases.present.ts';
import { PRESENCE_FRESH_MS } from './presence.service.ts';

const date = (iso: string) => new Date(iso);
const dateOrNull = (iso: string | null) => (iso === null ? null : new Date(iso));

/**
 * A case with its conversation, attachments and timeline, as this actor may see it, read in one
 * statement. `justOpened` is for the answer to the request that opened it: nobody can have it open
 * yet and its service levels are computed after commit, so those reads (and the attachments', when
 * none were sent) would only find nothing.
 */
export async function getCase(
  deps: Deps,
  actor: Actor,
  id: string,
  opts: { justOpened?: { withAttachments: boolean } } = {},
) {
  const isCustomer = actor.kind === 'customer';
  const fresh = opts.justOpened;
  const now = deps.clock.now();
  const row = await view.findCaseView(deps.db, {
    workspaceId: actor.workspaceId,
    caseId: id,
    customerId: isCustomer ? actor.customerId : null,
    withAttachments: !fresh || fresh.withAttachments,
    // Customers see nobody; the others on the case are those seen lately, never oneself.
    viewers:
      !isCustomer && !fresh
        ? { staffId: actor.staffId, since: new Date(now.getTime() - PRESENCE_FRESH_MS) }
        : null,
    withSla: !isCustomer && !fresh,
  });
  if (!row) throw notFound('Case');
  return presentCaseView(row, actor, now);
}

/** A case view's row (findCaseView's, or a new case's own answer) as this actor may see it. */
export function presentCaseView(row: view.CaseViewRow, actor: Actor, now: Date) {
  const isCustomer = actor.kind === 'customer';
  const { messages, attachments, timeline, viewers, sla, ...summary } = row;
  const visibleAttachments = attachments
    .filter((a) => !isCustomer || a.visibility === 'public')
    .map((a) => ({ ...a, created_at: date(a.created_at) }));
  return {
    ...presentCaseSummary(summary, actor.kind),
    messages: messages.map((m) =>
      presentMessage({ ...m, created_at: date(m.created_at) }, visibleAttachments),
    ),
    attachments: visibleAttachments.map(presentAttachment),
    timeline: timeline
      .map((e) => ({ ...e, created_at: date(e.created_at) }))
      .filter((e) => !isCustomer || visibleToCustomer(e))
      .map((e) => presentEvent(e, actor.kind)),
    viewers: viewers.map((v) => ({ ...v, seen_at: isoTime(date(v.seen_at)) })),
    sla: slaView(
      sla.map((r) => ({
        target: r.target,
        due_at: dateOrNull(r.due_at),
        warn_at: dateOrNull(r.warn_at),
        met_at: dateOrNull(r.met_at),
      })),
      now,
    ),
  };
}

/** One message as just written, with its attachments, read in one statement. */
export async function getMessage(deps: Deps, caseId: string, messageId: string) {
  const m = await view.findMessageWithAttachments(deps.db, caseId, messageId);
  if (!m) throw notFound('Message');
  const attachments = m.attachments.map((a) => ({ ...a, created_at: date(a.created_at) }));
  return presentMessage(m, attachments);
}
