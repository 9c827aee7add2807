import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { type Calendar, HolidaysLib, publicHolidays, type WeeklyHours } from './business-hours.rules.ts';

export type CalendarProblem = { reason: string; message: string };

/** The zone's canonical IANA name (as Intl spells it), or null when Intl does not know it. */
export function canonicalTimeZone(tz: string): string | null {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** An opening as minutes from the day's midnight; an end at or before the start runs past midnight. */
export function span(w: Pick<WeeklyHours, 'start' | 'end'>): { start: number; end: number } {
  const start = minutesOf(w.start);
  const end = minutesOf(w.end);
  return { start, end: end > start ? end : end + 1440 };
}

/** The first pair of openings on the same weekday that overlap, if any. */
export function overlappingDay(weekly: WeeklyHours[]): number | null {
  for (let day = 0; day < 7; day++) {
    const spans = weekly
      .filter((w) => w.day === day)
      .map(span)
      .sort((a, b) => a.start - b.start);
    for (let i = 1; i < spans.length; i++)
      if ((spans[i] as { start: number }).start < (spans[i - 1] as { end: number }).end) return day;
  }
  return null;
}

export const holidayCountries = (): { code: string; name: string }[] =>
  Object.entries(new (HolidaysLib())().getCountries('en'))
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name));

/** The regions (date-holidays "states") of a country; null when the country is unknown. */
export function holidayRegions(country: string): { code: string; name: string }[] | null {
  const lib = new (HolidaysLib())();
  if (!lib.getCountries('en')[country]) return null;
  return Object.entries(lib.getStates(country, 'en') ?? {})
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Everything wrong with a calendar, first problem first; empty when it is sound. */
export function calendarProblems(cal: Calendar): CalendarProblem[] {
  const out: CalendarProblem[] = [];
  if (!canonicalTimeZone(cal.time_zone))
    out.push({ reason: 'invalid_time_zone', message: `${cal.time_zone} is not a time zone we know` });
  if (cal.weekly.length === 0)
    out.push({ reason: 'calendar_never_open', message: 'Open the desk on at least one day of the week' });
  const day = overlappingDay(cal.weekly);
  if (day !== null)
    out.push({ reason: 'overlapping_hours', message: `The opening hours on ${DAY_NAMES[day]} overlap` });
  if (cal.holiday_region && !cal.holiday_country)
    out.push({ reason: 'unknown_holiday_region', message: 'A holiday region needs its country' });
  if (cal.holiday_country) {
    const regions = holidayRegions(cal.holiday_country);
    if (!regions)
      out.push({
        reason: 'unknown_holiday_country',
        message: `We have no holidays for the country ${cal.holiday_country}`,
      });
    else if (cal.holiday_region && !regions.some((r) => r.code === cal.holiday_region))
      out.push({
        reason: 'unknown_holiday_region',
        message: `${cal.holiday_region} is not a region of ${cal.holiday_country}`,
      });
  }
  return out;
}

type Upcoming = { date: string; kind: 'holiday' | 'closure'; name: string };

/** The next `limit` public holidays and closures from the local date `today` (inclusive). */
export function upcomingClosures(cal: Calendar, today: string, limit: number): Upcoming[] {
  const year = Number(today.slice(0, 4));
  const holidays = cal.holiday_country
    ? [year, year + 1].flatMap((y) =>
        publicHolidays(cal.holiday_country as string, cal.holiday_region, y).map(
          (h): Upcoming => ({ ...h, kind: 'holiday' }),
        ),
      )
    : [];
  const closures = cal.closures.map((date): Upcoming => ({ date, kind: 'closure', name: 'Closed' }));
  const seen = new Set<string>();
  return [...closures, ...holidays]
    .filter((u) => u.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date))
    .filter((u) => !seen.has(u.date) && seen.add(u.date))
    .slice(0, limit);
}

/** The coming local days from `now` in the calendar's zone, each with its hours or why it is closed. */
export function comingDays(cal: Calendar, now: Date, days: number) {
  const local = new TZDate(now.getTime(), cal.time_zone);
  const first = new Date(local.getFullYear(), local.getMonth(), local.getDate());
  const today = format(first, 'yyyy-MM-dd');
  const closedOn = new Map(upcomingClosures(cal, today, 1000).map((u) => [u.date, u]));
  return Array.from({ length: days }, (_, i) => {
    const day = addDays(first, i);
    const date = format(day, 'yyyy-MM-dd');
    const closed = closedOn.get(date);
    const hours = cal.weekly
      .filter((w) => w.day === day.getDay())
      .sort((a, b) => minutesOf(a.start) - minutesOf(b.start))
      .map((w) => ({ start: w.start, end: w.end }));
    return {
      date,
      weekday: day.getDay(),
      closed: closed?.kind ?? null,
      holiday_name: closed?.kind === 'holiday' ? closed.name : null,
      hours: closed ? [] : hours,
    };
  });
}
