import type { StreamEvent } from '@fairdesk/contract';

/** Event types a customer may ever hear about, and only for their own cases. */
const CUSTOMER_TYPES = new Set(['case.created', 'case.updated', 'message.added']);

/**
 * Whether an event could concern a customer at all, before asking whose case it is: never internal
 * notes, staff-only changes (assignee, team, tags, priority), presence or workspace housekeeping.
 */
export function customerMayHear(e: StreamEvent): boolean {
  if (!e.case_id || !CUSTOMER_TYPES.has(e.type)) return false;
  if (e.type === 'message.added') return e.data.visibility === 'public';
  if (e.type === 'case.updated') return (e.data.changes ?? []).includes('status');
  return true;
}

/** The event as a customer sees it: their own case only, and of changes only the status. */
export function forCustomer(
  e: StreamEvent,
  caseOwnerId: string | null,
  customerId: string,
): StreamEvent | null {
  if (!customerMayHear(e) || caseOwnerId !== customerId) return null;
  if (e.type !== 'case.updated') return { ...e, data: pick(e.data, ['visibility', 'message_id']) };
  return { ...e, data: { changes: ['status'] } };
}

function pick(data: StreamEvent['data'], keys: readonly string[]): StreamEvent['data'] {
  return Object.fromEntries(Object.entries(data).filter(([k]) => keys.includes(k)));
}

/**
 * Whether a staff member hears an event: every event of their workspace, except personal
 * notification signals (`notification.*`), which only their recipient hears.
 */
export const staffMayHear = (e: StreamEvent, staffId: string): boolean =>
  !e.type.startsWith('notification.') || e.data.recipient_id === staffId;

/** One server-sent event. JSON has no raw newlines, so a single data line carries it whole. */
export const sseEvent = (type: string, data: unknown): string =>
  `event: ${type.replace(/[\r\n]/g, '')}\ndata: ${JSON.stringify(data)}\n\n`;

/** A comment line: ignored by EventSource, it keeps proxies from closing a quiet stream. */
export const sseComment = (text: string): string => `: ${text.replace(/[\r\n]/g, ' ')}\n\n`;
