import { describe, expect, it } from 'vitest';
import { type OpenedCaseRow, type OpenedCaseSent, openedCaseView } from './case-open.rules.ts';

type Kind = OpenedCaseSent['items'][number]['actor_kind'];

const at = new Date('2026-12-16T09:30:00.123Z');
const row = (over: Partial<OpenedCaseRow> = {}): OpenedCaseRow => ({
  id: 'case-1',
  number: 42,
  subject: 'The zip is stuck',
  status: 'new',
  priority: 'normal',
  channel: 'api',
  customer_id: 'cust-1',
  customer_name: 'Bob',
  customer_email: 'bob@example.com',
  organisation_id: null,
  organisation_name: null,
  team_id: null,
  team_name: null,
  assignee_id: null,
  assignee_name: null,
  tags: [],
  version: 1,
  message_count: 1,
  last_message_at: at,
  first_response_at: null,
  solved_at: null,
  closed_at: null,
  created_at: at,
  updated_at: at,
  sla_next: null,
  workspace_name: 'Acme',
  actor_name: 'Ann',
  event_ids: [7, 8],
  ...over,
});
const items = (kind: Kind, id: string | null): OpenedCaseSent['items'] => [
  { type: 'case.created', actor_kind: kind, actor_id: id, data: { subject: 'The zip' } },
  {
    type: 'message.added',
    actor_kind: kind,
    actor_id: id,
    data: { message_id: 'msg-1', visibility: 'public', opening: true },
  },
];
const sent = (kind: Kind = 'staff', id: string | null = 'staff-1') => ({
  message: { id: 'msg-1', body: 'Hello' },
  items: items(kind, id),
});

describe('openedCaseView', () => {
  it('keeps the summary and adds the first message as the customer’s, at the case’s time', () => {
    const v = openedCaseView(row(), sent());
    expect(v).toMatchObject({ id: 'case-1', number: 42, customer_name: 'Bob', created_at: at });
    expect(v.messages).toEqual([
      {
        id: 'msg-1',
        visibility: 'public',
        author_kind: 'customer',
        author_staff_id: null,
        author_customer_id: 'cust-1',
        staff_name: null,
        customer_name: 'Bob',
        workspace_name: 'Acme',
        body: 'Hello',
        created_at: '2026-12-16T09:30:00.123Z',
      },
    ]);
    expect(v).not.toHaveProperty('workspace_name');
    expect(v).not.toHaveProperty('event_ids');
    expect(v.attachments).toEqual([]);
    expect(v.viewers).toEqual([]);
    expect(v.sla).toEqual([]);
  });

  it('gives each event its id in order, and the number to case.created only', () => {
    const v = openedCaseView(row(), sent());
    expect(v.timeline.map((e) => [e.seq, e.type])).toEqual([
      [7, 'case.created'],
      [8, 'message.added'],
    ]);
    expect(v.timeline[0]!.data).toEqual({ subject: 'The zip', number: 42 });
    expect(v.timeline[1]!.data).toEqual({ message_id: 'msg-1', visibility: 'public', opening: true });
    expect(v.timeline.every((e) => e.created_at === '2026-12-16T09:30:00.123Z')).toBe(true);
  });

  it('names the actor as staff, as a customer, or not at all for the system', () => {
    const names = (kind: Kind, name: string | null) =>
      openedCaseView(row({ actor_name: name }), sent(kind, kind === 'system' ? null : 'x')).timeline.map(
        (e) => [e.actor_kind, e.staff_name, e.customer_name],
      )[0];
    expect(names('staff', 'Ann')).toEqual(['staff', 'Ann', null]);
    expect(names('customer', 'Bob')).toEqual(['customer', null, 'Bob']);
    expect(names('system', null)).toEqual(['system', null, null]);
  });

  it('refuses an answer whose event ids do not match the events sent', () => {
    expect(() => openedCaseView(row({ event_ids: [7] }), sent())).toThrow(/1 ids for 2 events/);
  });
});
