import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  type Calendar,
  isOpen,
  weekdays,
} from './business-hours.rules.ts';

const london: Calendar = {
  time_zone: 'Europe/London',
  weekly: weekdays('08:00', '18:00'),
  holiday_country: 'GB',
  holiday_region: 'ENG',
  closures: [],
};
/** A night desk: Monday to Friday 22:00 to 06:00 the next morning, in New York. */
const nights: Calendar = {
  time_zone: 'America/New_York',
  weekly: weekdays('22:00', '06:00'),
  holiday_country: null,
  holiday_region: null,
  closures: ['2026-07-03'],
};
const everyNight: Calendar = {
  ...nights,
  weekly: ([0, 1, 2, 3, 4, 5, 6] as const).map((day) => ({ day, start: '22:00', end: '06:00' })),
};
const utc: Calendar = { ...london, time_zone: 'UTC', holiday_country: null, holiday_region: null };

describe('addBusinessMinutes', () => {
  it.each([
    ['inside hours', london, '2026-03-10T09:00:00Z', 60, '2026-03-10T10:00:00Z'],
    ['before opening starts at opening', london, '2026-03-10T06:00:00Z', 30, '2026-03-10T08:30:00Z'],
    ['rolls over the evening', london, '2026-03-10T17:30:00Z', 60, '2026-03-11T08:30:00Z'],
    ['ends exactly at closing', london, '2026-03-10T17:00:00Z', 60, '2026-03-10T18:00:00Z'],
    ['skips the weekend', london, '2026-03-13T17:00:00Z', 120, '2026-03-16T09:00:00Z'],
    // Clocks go forward on Sunday 29 March 2026: 08:00 London is 07:00 UTC from Monday 30th.
    ['over the spring DST change', london, '2026-03-27T17:00:00Z', 120, '2026-03-30T08:00:00Z'],
    // Clocks go back on Sunday 25 October 2026: 08:00 London is 08:00 UTC from Monday 26th.
    ['over the autumn DST change', london, '2026-10-23T16:00:00Z', 120, '2026-10-26T09:00:00Z'],
    ['skips Good Friday and Easter Monday', london, '2026-04-02T16:00:00Z', 120, '2026-04-07T08:00:00Z'],
    [
      'over Christmas and the substitute Boxing Day',
      london,
      '2026-12-24T17:00:00Z',
      120,
      '2026-12-29T09:00:00Z',
    ],
    ['over the year end and New Year', london, '2026-12-31T17:00:00Z', 90, '2027-01-04T08:30:00Z'],
    ['zero minutes is now', london, '2026-03-14T12:00:00Z', 0, '2026-03-14T12:00:00Z'],
    ['overnight shift runs past midnight', nights, '2026-03-10T03:00:00Z', 180, '2026-03-10T06:00:00Z'],
    [
      'overnight shift: Friday night into Saturday',
      nights,
      '2026-03-14T10:00:00Z',
      60,
      '2026-03-17T03:00:00Z',
    ],
    // Friday 3 July is closed: after the end of Thursday's night shift, the next is Monday's.
    [
      'overnight shift: custom closure skips that night',
      nights,
      '2026-07-03T09:00:00Z',
      120,
      '2026-07-07T03:00:00Z',
    ],
    [
      'overnight shift: the night before the closure still runs',
      nights,
      '2026-07-03T01:00:00Z',
      120,
      '2026-07-03T04:00:00Z',
    ],
    // New York springs forward on Sunday 8 March 2026 at 02:00: Saturday's night shift is 7 hours.
    [
      'overnight shift over the US DST change',
      everyNight,
      '2026-03-08T03:00:00Z',
      420,
      '2026-03-08T10:00:00Z',
    ],
    ['many days', utc, '2026-03-09T08:00:00Z', 80 * 60, '2026-03-18T18:00:00Z'],
  ])('%s', (_name, cal, from, minutes, expected) => {
    expect(addBusinessMinutes(cal, new Date(from), minutes).toISOString()).toBe(
      new Date(expected).toISOString(),
    );
  });

  it('refuses a calendar that never opens', () => {
    expect(() => addBusinessMinutes({ ...utc, weekly: [] }, new Date('2026-01-01'), 1)).toThrow(
      /no business hours/,
    );
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    ['same window', london, '2026-03-10T09:00:00Z', '2026-03-10T09:45:00Z', 45],
    ['a whole week', london, '2026-03-09T00:00:00Z', '2026-03-16T00:00:00Z', 50 * 60],
    ['a week with two bank holidays', london, '2026-04-03T00:00:00Z', '2026-04-10T00:00:00Z', 30 * 60],
    ['a weekend is nothing', london, '2026-03-14T00:00:00Z', '2026-03-16T00:00:00Z', 0],
    ['reversed is negative', london, '2026-03-10T10:00:00Z', '2026-03-10T09:00:00Z', -60],
    ['the short DST night', everyNight, '2026-03-08T00:00:00Z', '2026-03-08T12:00:00Z', 7 * 60],
    ['the long DST night', everyNight, '2026-11-01T00:00:00Z', '2026-11-01T14:00:00Z', 9 * 60],
  ])('%s', (_name, cal, a, b, expected) => {
    expect(businessMinutesBetween(cal, new Date(a), new Date(b))).toBe(expected);
  });
});

it('isOpen follows the calendar', () => {
  expect(isOpen(london, new Date('2026-03-10T12:00:00Z'))).toBe(true);
  expect(isOpen(london, new Date('2026-03-10T19:00:00Z'))).toBe(false);
  expect(isOpen(london, new Date('2026-12-25T12:00:00Z'))).toBe(false);
});

describe('adding then measuring gives back the minutes', () => {
  const instant = fc.integer({
    min: Date.parse('2025-01-01T00:00:00Z'),
    max: Date.parse('2028-12-31T00:00:00Z'),
  });
  it.each([
    ['London', london],
    ['overnight New York', nights],
  ])('%s', (_name, cal) => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 5000 }), (t, minutes) => {
        const from = new Date(t);
        const due = addBusinessMinutes(cal, from, minutes);
        expect(due.getTime()).toBeGreaterThanOrEqual(t);
        expect(businessMinutesBetween(cal, from, due)).toBeCloseTo(minutes, 6);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the openings kept per calendar and day', () => {
  it('answer the same again, and a calendar changed in place is another calendar', () => {
    const cal: Calendar = { ...utc, weekly: weekdays('09:00', '17:00'), closures: [] };
    const from = new Date('2026-05-04T16:00:00Z'); // a Monday, an hour before closing
    expect(addBusinessMinutes(cal, from, 120).toISOString()).toBe('2026-05-05T10:00:00.000Z');
    expect(addBusinessMinutes(cal, from, 120).toISOString()).toBe('2026-05-05T10:00:00.000Z');
    // Closed on the Tuesday: the same object, edited, must not be answered from its old days.
    cal.closures.push('2026-05-05');
    expect(addBusinessMinutes(cal, from, 120).toISOString()).toBe('2026-05-06T10:00:00.000Z');
    cal.weekly = weekdays('10:00', '17:00');
    expect(addBusinessMinutes(cal, from, 120).toISOString()).toBe('2026-05-06T11:00:00.000Z');
  });
});
