import { describe, expect, it } from 'vitest';
import { onShift, scheduleOf } from './shifts.rules.ts';

const days = (from: number, to: number, start: string, end: string) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ day: from + i, start, end }));

/** Monday to Friday 09:00–17:00 in London. */
const office = { time_zone: 'Europe/London', weekly: days(1, 5, '09:00', '17:00') };
/** Nights in New York: Monday to Friday 22:00 to 06:00 the next morning. */
const nights = { time_zone: 'America/New_York', weekly: days(1, 5, '22:00', '06:00') };
/** Saturday only, a split shift in Berlin. */
const split = {
  time_zone: 'Europe/Berlin',
  weekly: [
    { day: 6, start: '08:00', end: '12:00' },
    { day: 6, start: '14:00', end: '18:00' },
  ],
};

describe('onShift', () => {
  it.each([
    ['no schedule: always on shift', null, '2026-03-15T03:00:00Z', true],
    ['inside a weekday shift', office, '2026-03-10T10:00:00Z', true],
    ['before the shift starts', office, '2026-03-10T08:59:00Z', false],
    ['the start is on shift', office, '2026-03-10T09:00:00Z', true],
    ['the end is off shift', office, '2026-03-10T17:00:00Z', false],
    ['the weekend is off', office, '2026-03-14T12:00:00Z', false],
    // London goes to summer time on Sunday 29 March 2026: 09:00 local is 08:00 UTC from Monday.
    ['after the spring DST change, 08:30 UTC is 09:30 local', office, '2026-03-30T08:30:00Z', true],
    ['before the spring DST change, 08:30 UTC is 08:30 local', office, '2026-03-27T08:30:00Z', false],
    ['after the spring DST change, 16:30 UTC is 17:30 local', office, '2026-03-30T16:30:00Z', false],
    // Back to GMT on Sunday 25 October 2026.
    ['after the autumn DST change, 16:30 UTC is 16:30 local', office, '2026-10-26T16:30:00Z', true],
    ['overnight: Monday 23:00 New York', nights, '2026-03-10T04:00:00Z', true],
    ['overnight: Tuesday 05:00 New York, the tail of Monday night', nights, '2026-03-10T09:00:00Z', true],
    ['overnight: Tuesday 06:00 New York, the end, off', nights, '2026-03-10T10:00:00Z', false],
    ['overnight: Saturday 05:00, the tail of Friday night', nights, '2026-03-14T09:00:00Z', true],
    ['overnight: Sunday 23:00, no Sunday night shift', nights, '2026-03-16T04:00:00Z', false],
    // New York springs forward on Sunday 8 March 2026 at 02:00; Monday night starts at 22:00 EDT.
    ['overnight over the US DST change: 22:30 EDT', nights, '2026-03-10T02:30:00Z', true],
    ['overnight over the US DST change: 21:30 EDT', nights, '2026-03-10T01:30:00Z', false],
    ['a split shift: the morning', split, '2026-03-14T08:00:00Z', true],
    ['a split shift: the break', split, '2026-03-14T12:30:00Z', false],
    ['a split shift: the afternoon', split, '2026-03-14T13:00:00Z', true],
  ])('%s', (_name, schedule, at, want) => expect(onShift(schedule, new Date(at))).toBe(want));
});

describe('scheduleOf', () => {
  it.each([
    [{ schedule: null, shift_time_zone: null }, null],
    [{ schedule: office.weekly, shift_time_zone: null }, null],
    [{ schedule: office.weekly, shift_time_zone: 'Europe/London' }, office],
  ])('%j', (row, want) => expect(scheduleOf(row)).toEqual(want));
});
