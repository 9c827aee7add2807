import type { SlaTargets } from './types.ts';

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** The week as people read it at a desk: Monday first. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

export const TARGETS = [
  { key: 'first_response', label: 'First reply', hint: 'From the case opening to the first public reply' },
  { key: 'next_response', label: 'Next reply', hint: 'From a customer’s message to the reply after it' },
  { key: 'resolution', label: 'Resolution', hint: 'From the case opening until it is solved' },
] as const satisfies { key: keyof SlaTargets; label: string; hint: string }[];

export const PAUSE_STATUSES = [
  { value: 'new', label: 'New' },
  { value: 'open', label: 'Open' },
  { value: 'pending', label: 'Pending (waiting on the customer)' },
  { value: 'on_hold', label: 'On hold' },
];

/** "1 h 30 min", "8 h", "45 min", "2 d 4 h" for calendar days of 24 h. */
export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}
