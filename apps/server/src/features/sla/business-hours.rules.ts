import { createRequire } from 'node:module';
import { TZDate } from '@date-fns/tz';
// Deep imports: the date-fns barrel loads every function (hundreds of MB of RSS in Node).
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import type Holidays from 'date-holidays';

// date-holidays carries every country's rules (~40 MB in memory): loaded on first use, so a
// process that never computes business time (the web role) does not pay for it.
const requireLib = createRequire(import.meta.url);
let holidaysLib: typeof Holidays | undefined;
export const HolidaysLib = (): typeof Holidays =>
  (holidaysLib ??= requireLib('date-holidays') as typeof Holidays);

/** One opening of a weekday, local wall time "HH:MM"; an end at or before the start runs past midnight. */
export type WeeklyHours = { day: 0 | 1 | 2 | 3 | 4 | 5 | 6; start: string; end: string };

export type Calendar = {
  time_zone: string;
  weekly: WeeklyHours[];
  /** Public holidays of this country (ISO 3166) and optional region, e.g. GB + ENG. */
  holiday_country: string | null;
  holiday_region: string | null;
  /** Extra local dates ("YYYY-MM-DD") when the desk is closed. */
  closures: string[];
};

type Window = { start: number; end: number };

const MINUTE = 60_000;
/** How far ahead we look for an opening before deciding the calendar never opens. */
const MAX_DAYS = 3 * 366;

const holidayCache = new Map<string, Set<string>>();

/** The public and bank holidays of a year, as local dates with their names, in date order. */
export function publicHolidays(country: string, region: string | null, year: number) {
  const Lib = HolidaysLib();
  const hd = region ? new Lib(country, region) : new Lib(country);
  return (hd.getHolidays(year) || [])
    .filter((h) => h.type === 'public' || h.type === 'bank')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
}

/** Local dates of public and bank holidays; a closure on a holiday's day applies to shifts that start then. */
export function holidayDates(country: string, region: string | null, year: number): Set<string> {
  const key = `${country}:${region ?? ''}:${year}`;
  const cached = holidayCache.get(key);
  if (cached) return cached;
  const dates = new Set(publicHolidays(country, region, year).map((h) => h.date));
  holidayCache.set(key, dates);
  return dates;
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

function isClosed(cal: Calendar, date: string, closures: Set<string>): boolean {
  if (closures.has(date)) return true;
  if (!cal.holiday_country) return false;
  return holidayDates(cal.holiday_country, cal.holiday_region, Number(date.slice(0, 4))).has(date);
}

/** A local wall time on a local date, as an instant; times in a spring-forward gap move forward. */
function instant(tz: string, day: Date, minutes: number): number {
  return TZDate.tz(tz, day.getFullYear(), day.getMonth(), day.getDate(), 0, minutes).getTime();
}

/** A local day's openings as instants, in order (none when the desk is closed that day). */
function openingsOf(cal: Calendar, day: Date, closures: Set<string>): Window[] {
  const date = format(day, 'yyyy-MM-dd');
  if (isClosed(cal, date, closures)) return [];
  return cal.weekly
    .filter((w) => w.day === day.getDay())
    .map((w) => {
      const s = minutesOf(w.start);
      const e = minutesOf(w.end);
      return {
        start: instant(cal.time_zone, day, s),
        end: instant(cal.time_zone, day, e > s ? e : e + 1440),
      };
    })
    .sort((a, b) => a.start - b.start);
}

// A day's openings depend only on the calendar and the day, and time-zone arithmetic is most of a
// recompute's CPU: they are kept per calendar (its whole definition is the key) and local day.
// Bounded: a cache that outgrows its limit starts again.
const MAX_CALENDARS = 50;
const MAX_DAYS_KEPT = 2_000;
const openingsCache = new Map<string, Map<number, Window[]>>();
const calendarKey = (cal: Calendar) =>
  JSON.stringify([cal.time_zone, cal.weekly, cal.holiday_country, cal.holiday_region, cal.closures]);

function openingsCacheOf(cal: Calendar): Map<number, Window[]> {
  const key = calendarKey(cal);
  let days = openingsCache.get(key);
  if (!days || days.size > MAX_DAYS_KEPT) {
    if (!days && openingsCache.size >= MAX_CALENDARS) openingsCache.clear();
    days = new Map();
    openingsCache.set(key, days);
  }
  return days;
}

/** The calendar's openings as instants, in order, starting with the local day before `from`. */
function* windows(cal: Calendar, from: number): Generator<Window> {
  const local = new TZDate(from, cal.time_zone);
  let day = addDays(new Date(local.getFullYear(), local.getMonth(), local.getDate()), -1);
  const closures = new Set(cal.closures);
  const cache = openingsCacheOf(cal);
  let pending: Window | null = null;
  for (let i = 0; i < MAX_DAYS; i++, day = addDays(day, 1)) {
    let today = cache.get(day.getTime());
    if (!today) {
      today = openingsOf(cal, day, closures);
      cache.set(day.getTime(), today);
    }
    for (const w of today) {
      if (w.end <= from) continue;
      // Merge touching or overlapping openings (an overnight shift running into the morning one).
      if (pending && w.start <= pending.end)
        pending = { start: pending.start, end: Math.max(pending.end, w.end) };
      else {
        if (pending) yield pending;
        pending = w;
      }
    }
  }
  if (pending) yield pending;
}

/** The instant `minutes` business minutes after `from`. Throws if the calendar never opens. */
export function addBusinessMinutes(cal: Calendar, from: Date, minutes: number): Date {
  if (minutes <= 0) return new Date(from);
  let left = minutes * MINUTE;
  const t = from.getTime();
  for (const w of windows(cal, t)) {
    const start = Math.max(w.start, t);
    const span = w.end - start;
    if (left <= span) return new Date(start + left);
    left -= span;
  }
  throw new Error('The calendar has no business hours within three years');
}

/** Business minutes from `a` to `b` (negative when b is before a), fractional to the millisecond. */
export function businessMinutesBetween(cal: Calendar, a: Date, b: Date): number {
  if (b < a) return -businessMinutesBetween(cal, b, a);
  const from = a.getTime();
  const to = b.getTime();
  let total = 0;
  for (const w of windows(cal, from)) {
    if (w.start >= to) break;
    total += Math.min(w.end, to) - Math.max(w.start, from);
  }
  return total / MINUTE;
}

/** Whether the desk is open at `at`. */
export function isOpen(cal: Calendar, at: Date): boolean {
  const t = at.getTime();
  const first = windows(cal, t).next();
  return !first.done && first.value.start <= t;
}

/** Monday to Friday, the same hours each day. */
export const weekdays = (start: string, end: string): WeeklyHours[] =>
  ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start, end }));
