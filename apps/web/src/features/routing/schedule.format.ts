import type { RoutingOverview } from '../../lib/types.ts';

export type ShiftSchedule = NonNullable<RoutingOverview['agents'][number]['schedule']>;
export type ShiftHours = ShiftSchedule['weekly'][number];
export type SkillRule = RoutingOverview['teams'][number]['skill_rules'][number];

/** Weekdays in the order a week is read, Monday first (0 is Sunday, as the server counts). */
export const WEEK = [
  { day: 1, short: 'Mon', long: 'Monday' },
  { day: 2, short: 'Tue', long: 'Tuesday' },
  { day: 3, short: 'Wed', long: 'Wednesday' },
  { day: 4, short: 'Thu', long: 'Thursday' },
  { day: 5, short: 'Fri', long: 'Friday' },
  { day: 6, short: 'Sat', long: 'Saturday' },
  { day: 0, short: 'Sun', long: 'Sunday' },
] as const;

const hoursOf = (weekly: ShiftHours[], day: number) =>
  weekly
    .filter((h) => h.day === day)
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((h) => `${h.start}–${h.end}`)
    .join(', ');

/** "Mon–Fri 08:00–16:00; Sat 10:00–14:00": runs of days with the same hours, Monday first. */
export function describeSchedule(s: ShiftSchedule | null): string {
  if (!s) return 'No schedule: on shift whenever online';
  const runs: { from: string; to: string; hours: string }[] = [];
  for (const d of WEEK) {
    const hours = hoursOf(s.weekly, d.day);
    const last = runs.at(-1);
    if (
      hours &&
      last &&
      last.hours === hours &&
      last.to === WEEK[WEEK.findIndex((w) => w.day === d.day) - 1]?.short
    )
      last.to = d.short;
    else if (hours) runs.push({ from: d.short, to: d.short, hours });
  }
  if (runs.length === 0) return 'No shifts';
  return runs.map((r) => `${r.from === r.to ? r.from : `${r.from}–${r.to}`} ${r.hours}`).join('; ');
}

/** "language es → spanish". */
export const describeRule = (r: SkillRule) =>
  `${r.when === 'language' ? 'customer language' : 'tag'} ${r.value} → ${r.skill}`;
