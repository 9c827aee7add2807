import { isoTime, isoTimeOrNull } from '../../infra/iso-time.ts';
import type { CaseSummaryRow } from './cases.queries.ts';
import type { Audience } from './cases.rules.ts';
import { caseAbilities } from './cases.rules.ts';

const ref = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

export function presentCaseSummary(r: CaseSummaryRow, who: Audience) {
  return {
    id: r.id,
    number: r.number,
    subject: r.subject,
    status: r.status,
    priority: r.priority,
    channel: r.channel,
    customer: { id: r.customer_id, name: r.customer_name, email: r.customer_email },
    organisation: ref(r.organisation_id, r.organisation_name),
    team: who === 'staff' ? ref(r.team_id, r.team_name) : null,
    assignee: ref(r.assignee_id, r.assignee_name),
    tags: who === 'staff' ? r.tags : [],
    version: r.version,
    message_count: r.message_count,
    last_message_at: isoTimeOrNull(r.last_message_at),
    first_response_at: isoTimeOrNull(r.first_response_at),
    solved_at: isoTimeOrNull(r.solved_at),
    closed_at: isoTimeOrNull(r.closed_at),
    created_at: isoTime(r.created_at),
    updated_at: isoTime(r.updated_at),
    sla_next:
      who === 'staff' && r.sla_next
        ? { ...r.sla_next, due_at: r.sla_next.due_at && isoTime(new Date(r.sla_next.due_at)) }
        : null,
    can: caseAbilities(r.status, who),
  };
}

type AttachmentRow = {
  id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  message_id: string | null;
  created_at: Date;
};

export const presentAttachment = (a: AttachmentRow) => ({
  id: a.id,
  filename: a.filename,
  content_type: a.content_type,
  size_bytes: a.size_bytes,
  message_id: a.message_id,
  created_at: isoTime(a.created_at),
  url: `/api/v1/attachments/${a.id}`,
});

export type MessageRow = {
  id: string;
  visibility: 'public' | 'internal';
  author_kind: 'staff' | 'customer' | 'system';
  author_staff_id: string | null;
  author_customer_id: string | null;
  staff_name: string | null;
  customer_name: string | null;
  workspace_name: string;
  body: string;
  created_at: Date;
};

export const presentMessage = (m: MessageRow, attachments: AttachmentRow[]) => ({
  id: m.id,
  visibility: m.visibility,
  author: {
    kind: m.author_kind,
    id: m.author_staff_id ?? m.author_customer_id,
    name: m.author_kind === 'system' ? `${m.workspace_name} (automatic)` : (m.staff_name ?? m.customer_name),
  },
  body: m.body,
  created_at: isoTime(m.created_at),
  attachments: attachments.filter((a) => a.message_id === m.id).map(presentAttachment),
});

export type EventRow = {
  seq: number;
  type: string;
  actor_kind: 'staff' | 'customer' | 'system';
  actor_id: string | null;
  staff_name: string | null;
  customer_name: string | null;
  data: unknown;
  created_at: Date;
};

/** What of the timeline a customer may see: the case opening, public messages and status changes. */
export function visibleToCustomer(e: EventRow): boolean {
  const data = (e.data ?? {}) as { visibility?: string; changes?: Record<string, unknown> };
  if (e.type === 'case.created') return true;
  if (e.type === 'message.added') return data.visibility === 'public';
  if (e.type === 'case.updated') return Boolean(data.changes && 'status' in data.changes);
  return false;
}

export function presentEvent(e: EventRow, who: Audience) {
  const data = (e.data ?? {}) as Record<string, unknown>;
  const changes = data.changes as Record<string, unknown> | undefined;
  const shown = who === 'customer' && changes ? { ...data, changes: { status: changes.status } } : data;
  return {
    seq: e.seq,
    type: e.type,
    actor: { kind: e.actor_kind, id: e.actor_id, name: e.staff_name ?? e.customer_name },
    data: shown,
    created_at: isoTime(e.created_at),
  };
}
