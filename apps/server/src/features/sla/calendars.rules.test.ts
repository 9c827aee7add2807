import { describe, expect, it } from 'vitest';
import type { Calendar } from './business-hours.rules.ts';
import {
  calendarProblems,
  canonicalTimeZone,
  comingDays,
  holidayRegions,
  overlappingDay,
  span,
  upcomingClosures,
} from './calendars.rules.ts';

const cal = (over: Partial<Calendar> = {}): Calendar => ({
  time_zone: 'Europe/London',
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, start: '09:00', end: '17:00' })),
  holiday_country: null,
  holiday_region: null,
  closures: [],
  ...over,
});

describe('canonicalTimeZone', () => {
  it.each([
    ['Europe/London', 'Europe/London'],
    ['europe/london', 'Europe/London'],
    ['UTC', 'UTC'],
    ['Mars/Olympus', null],
    ['', null],
  ])('%s -> %s', (tz, expected) => expect(canonicalTimeZone(tz)).toBe(expected));
});

describe('span and overlaps', () => {
  it.each([
    [
      { start: '09:00', end: '17:00' },
      { start: 540, end: 1020 },
    ],
    [
      { start: '22:00', end: '06:00' },
      { start: 1320, end: 1800 },
    ],
    [
      { start: '00:00', end: '00:00' },
      { start: 0, end: 1440 },
    ],
  ])('%j spans %j', (w, expected) => expect(span(w)).toEqual(expected));

  it.each([
    [[], null],
    [
      [
        { day: 1, start: '08:00', end: '12:00' },
        { day: 1, start: '12:00', end: '16:00' },
      ],
      null,
    ],
    [
      [
        { day: 1, start: '08:00', end: '12:00' },
        { day: 2, start: '11:00', end: '16:00' },
      ],
      null,
    ],
    [
      [
        { day: 1, start: '08:00', end: '12:00' },
        { day: 1, start: '11:59', end: '16:00' },
      ],
      1,
    ],
    [
      [
        { day: 4, start: '23:00', end: '02:00' },
        { day: 4, start: '23:30', end: '23:45' },
      ],
      4,
    ],
    // An overnight opening may run into the next day's morning: the clock merges them.
    [
      [
        { day: 5, start: '22:00', end: '09:00' },
        { day: 6, start: '08:00', end: '12:00' },
      ],
      null,
    ],
  ] as const)('%j overlaps on %s', (weekly, day) =>
    expect(overlappingDay(weekly as unknown as Calendar['weekly'])).toBe(day),
  );
});

describe('calendarProblems', () => {
  it.each([
    [cal(), []],
    [cal({ holiday_country: 'GB', holiday_region: 'ENG' }), []],
    [cal({ holiday_country: 'DE' }), []],
    [cal({ time_zone: 'Nowhere/Land' }), ['invalid_time_zone']],
    [cal({ weekly: [] }), ['calendar_never_open']],
    [cal({ holiday_country: 'QQ' }), ['unknown_holiday_country']],
    [cal({ holiday_country: 'GB', holiday_region: 'BY' }), ['unknown_holiday_region']],
    [cal({ holiday_region: 'ENG' }), ['unknown_holiday_region']],
    [cal({ time_zone: 'x', weekly: [] }), ['invalid_time_zone', 'calendar_never_open']],
  ])('%#: %j', (c, reasons) => expect(calendarProblems(c).map((p) => p.reason)).toEqual(reasons));

  it('knows regions by country, and no regions of an unknown country', () => {
    expect(holidayRegions('DE')?.map((r) => r.code)).toContain('BY');
    expect(holidayRegions('QQ')).toBeNull();
  });
});

describe('preview', () => {
  const london = cal({
    holiday_country: 'GB',
    holiday_region: 'ENG',
    closures: ['2026-12-24', '2026-12-28'],
  });

  it('lists closures and holidays in date order, one per date, from today', () => {
    expect(upcomingClosures(london, '2026-12-20', 4)).toEqual([
      { date: '2026-12-24', kind: 'closure', name: 'Closed' },
      { date: '2026-12-25', kind: 'holiday', name: 'Christmas Day' },
      { date: '2026-12-26', kind: 'holiday', name: 'Boxing Day' },
      // A closure and a holiday on one date: listed once, as the closure.
      { date: '2026-12-28', kind: 'closure', name: 'Closed' },
    ]);
  });

  it('shows the coming local days, starting on the local date (not UTC’s)', () => {
    // 23:30 UTC on Sunday 20 Dec is already Monday in Tokyo.
    const days = comingDays({ ...london, time_zone: 'Asia/Tokyo' }, new Date('2026-12-20T23:30:00Z'), 6);
    expect(days.map((d) => [d.date, d.weekday, d.closed, d.hours.length])).toEqual([
      ['2026-12-21', 1, null, 1],
      ['2026-12-22', 2, null, 1],
      ['2026-12-23', 3, null, 1],
      ['2026-12-24', 4, 'closure', 0],
      ['2026-12-25', 5, 'holiday', 0],
      ['2026-12-26', 6, 'holiday', 0],
    ]);
    expect(days[4]?.holiday_name).toBe('Christmas Day');
  });
});
