import type { CasePriority, CaseStatus } from './types.ts';

export const STATUS_LABEL: Record<CaseStatus, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  on_hold: 'On hold',
  solved: 'Solved',
  closed: 'Closed',
};

/** How the portal says each status to a customer, in plain words. */
export const STATUS_FOR_CUSTOMER: Record<CaseStatus, string> = {
  new: 'Received — we will answer soon',
  open: 'We are working on it',
  pending: 'Waiting for your reply',
  on_hold: 'Waiting on a third party',
  solved: 'Solved',
  closed: 'Closed',
};

// Filled status badges with automatic text contrast, and dark outline shades for priorities:
// chosen to stay above WCAG AA (4.5:1) on white and on the grey of a hovered row.
export const STATUS_COLOR: Record<CaseStatus, string> = {
  new: 'yellow.5',
  open: 'red.9',
  pending: 'blue.9',
  on_hold: 'gray.5',
  solved: 'teal.9',
  closed: 'dark.6',
};

export const PRIORITY_COLOR: Record<CasePriority, string> = {
  low: 'gray.7',
  normal: 'blue.9',
  high: 'red.9',
  urgent: 'red.9',
};

const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "5 minutes ago", "yesterday", or a date for anything older than a week. */
export function ago(iso: string | null, now = Date.now()): string {
  if (!iso) return '—';
  const diff = (new Date(iso).getTime() - now) / 1000;
  const abs = Math.abs(diff);
  if (abs < 60) return 'just now';
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(diff / 3600), 'hour');
  if (abs < 7 * 86400) return rtf.format(Math.round(diff / 86400), 'day');
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

export const fullDate = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
