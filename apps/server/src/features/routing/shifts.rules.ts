import type { ShiftSchedule } from '@fairdesk/contract';
import { type Calendar, isOpen, type WeeklyHours } from '../sla/index.ts';

/** A schedule as a business calendar without holidays: a shift is an opening of the week. */
const asCalendar = (s: ShiftSchedule): Calendar => ({
  time_zone: s.time_zone,
  weekly: s.weekly as WeeklyHours[],
  holiday_country: null,
  holiday_region: null,
  closures: [],
});

/** Whether an agent with this schedule is on shift at `at`; without a schedule, always. */
export function onShift(schedule: ShiftSchedule | null, at: Date): boolean {
  if (!schedule) return true;
  return isOpen(asCalendar(schedule), at);
}

/** The schedule stored with an agent (two columns), or null when there is none. */
export function scheduleOf(row: { schedule: unknown; shift_time_zone: string | null }): ShiftSchedule | null {
  if (!row.schedule || !row.shift_time_zone) return null;
  return { time_zone: row.shift_time_zone, weekly: row.schedule as ShiftSchedule['weekly'] };
}
