import type { StreamEvent } from '@fairdesk/contract';
import { describe, expect, it } from 'vitest';
import { customerMayHear, forCustomer, sseComment, sseEvent, staffMayHear } from './realtime.rules.ts';

const ME = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const CASE = '00000000-0000-4000-8000-0000000000c1';

const event = (type: string, data: StreamEvent['data'], case_id: string | null = CASE): StreamEvent => ({
  workspace_id: '00000000-0000-4000-8000-0000000000aa',
  type,
  case_id,
  actor: { kind: 'staff', id: OTHER },
  data,
});

describe('what a customer hears', () => {
  it.each([
    ['case.created', {}, true],
    ['message.added', { visibility: 'public', message_id: OTHER }, true],
    ['message.added', { visibility: 'internal', message_id: OTHER }, false],
    ['case.updated', { changes: ['status'] }, true],
    ['case.updated', { changes: ['status', 'assignee_id'] }, true],
    ['case.updated', { changes: ['assignee_id', 'tags'] }, false],
    ['case.updated', {}, false],
    ['presence.changed', { state: 'viewing' }, false],
    ['attachment.added', {}, false],
    ['request.decided', {}, false],
  ] as const)('%s %j -> %s', (type, data, expected) => {
    expect(customerMayHear(event(type, data as StreamEvent['data']))).toBe(expected);
  });

  it('hears nothing without a case', () => {
    expect(customerMayHear(event('customer.updated', {}, null))).toBe(false);
  });

  it('hears only of their own cases, and of changes only the status', () => {
    const mixed = event('case.updated', { changes: ['status', 'priority', 'tags'] });
    expect(forCustomer(mixed, ME, ME)?.data).toEqual({ changes: ['status'] });
    expect(forCustomer(mixed, OTHER, ME)).toBeNull();
    expect(forCustomer(mixed, null, ME)).toBeNull();
    const reply = event('message.added', { visibility: 'public', message_id: OTHER, customer_id: OTHER });
    expect(forCustomer(reply, ME, ME)?.data).toEqual({ visibility: 'public', message_id: OTHER });
  });
});

describe('what a staff member hears', () => {
  it.each([
    ['case.updated', { changes: ['priority'] }, true],
    ['presence.changed', { state: 'viewing' }, true],
    ['notification.created', { recipient_id: ME }, true],
    ['notification.read', { recipient_id: ME }, true],
    ['notification.created', { recipient_id: OTHER }, false],
    ['notification.read', { recipient_id: OTHER }, false],
    ['notification.created', {}, false],
  ] as const)('%s %j -> %s', (type, data, expected) => {
    expect(staffMayHear(event(type, data as StreamEvent['data'], null), ME)).toBe(expected);
  });

  it('customers never hear notification signals, not even of their own cases', () => {
    expect(customerMayHear(event('notification.created', { recipient_id: ME }))).toBe(false);
  });
});

describe('server-sent event framing', () => {
  it('writes one event per frame, on a single data line', () => {
    expect(sseEvent('case.created', { a: 'x\ny' })).toBe('event: case.created\ndata: {"a":"x\\ny"}\n\n');
    expect(sseEvent('bad\ntype', {})).toBe('event: badtype\ndata: {}\n\n');
    expect(sseComment('heart\nbeat')).toBe(': heart beat\n\n');
  });
});
