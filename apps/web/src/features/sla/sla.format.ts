import type { SlaItem, SlaState } from '../../lib/types.ts';

export const SLA_TARGET_LABEL: Record<SlaItem['target'], string> = {
  first_response: 'First reply',
  next_response: 'Next reply',
  resolution: 'Resolution',
};

export const SLA_STATE_LABEL: Record<SlaState, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  breached: 'Breached',
  met: 'Met',
  paused: 'Paused',
};

/** Dark fills with white text, and a light yellow with dark text: all at WCAG AA. */
export const SLA_STATE_COLOR: Record<SlaState, string> = {
  on_track: 'teal.9',
  at_risk: 'yellow.4',
  breached: 'red.9',
  met: 'gray.7',
  paused: 'blue.9',
};

/** A running target whose due time has passed is breached now, whatever was last stored. */
export function liveState(s: SlaItem, now: number): SlaState {
  if ((s.state === 'on_track' || s.state === 'at_risk') && s.due_at && Date.parse(s.due_at) <= now)
    return 'breached';
  return s.state;
}

/** "2h 5m", "3d 4h", "12m". */
export function span(ms: number): string {
  const mins = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  const d = Math.floor(mins / 1440);
  const h = Math.floor((mins % 1440) / 60);
  const m = mins % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  return `${m}m`;
}

/** What the badge says after the state: time left, or how late. */
export function countdown(s: SlaItem, now: number): string {
  const state = liveState(s, now);
  if (!s.due_at || state === 'met' || state === 'paused') return '';
  const left = Date.parse(s.due_at) - now;
  return left >= 0 ? `${span(left)} left` : `${span(left)} over`;
}
