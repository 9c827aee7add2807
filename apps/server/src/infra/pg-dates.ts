import pg from 'pg';

// PostgreSQL sends a timestamptz as text, "2026-11-22 23:00:00.123456+00". pg's default parser
// (postgres-date) reads it with a regular expression and string slicing; a queue page of 50 cases
// carries ~350 of them, and parsing them was 7% of the app's CPU on that route
// (docs/performance-history.md, 2026-11-25). This reads the usual shape by character position and
// hands anything else (BC dates, infinity, years outside 1000-9999, odd offsets) to the default
// parser.

/** pg's own parser, taken before db.ts puts parseTimestamptz in its place (the tests compare the two). */
export const defaultParser = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ, 'text') as (
  s: string,
) => Date;

const DASH = 45;
const SPACE = 32;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const MINUS = 45;

const digitAt = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
};
const twoDigits = (s: string, i: number) => digitAt(s, i) * 10 + digitAt(s, i + 1);

/** A timestamptz as PostgreSQL writes it in text, as the same Date the default parser makes. */
export function parseTimestamptz(s: string): Date {
  if (
    s.length < 22 ||
    s.charCodeAt(4) !== DASH ||
    s.charCodeAt(7) !== DASH ||
    s.charCodeAt(10) !== SPACE ||
    s.charCodeAt(13) !== COLON ||
    s.charCodeAt(16) !== COLON
  ) {
    return defaultParser(s);
  }
  const year = digitAt(s, 0) * 1000 + digitAt(s, 1) * 100 + twoDigits(s, 2);
  // Date.UTC reads years 0-99 as 1900-1999; leave those (and anything odd) to the default parser.
  if (!(year >= 1000)) return defaultParser(s);
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === DOT) {
    // Milliseconds from the first three digits of the fraction; the rest is dropped, as Date does.
    let digits = 0;
    i++;
    while (i < s.length && !Number.isNaN(digitAt(s, i))) {
      if (digits < 3) ms = ms * 10 + digitAt(s, i);
      digits++;
      i++;
    }
    if (digits === 0) return defaultParser(s);
    for (let d = digits; d < 3; d++) ms *= 10;
  }
  const sign = s.charCodeAt(i) === PLUS ? 1 : s.charCodeAt(i) === MINUS ? -1 : 0;
  const rest = s.length - i - 1;
  // The offset: +HH, +HH:MM or +HH:MM:SS, and nothing after it (" BC" goes to the default parser).
  if (sign === 0 || (rest !== 2 && rest !== 5 && rest !== 8)) return defaultParser(s);
  if ((rest >= 5 && s.charCodeAt(i + 3) !== COLON) || (rest === 8 && s.charCodeAt(i + 6) !== COLON)) {
    return defaultParser(s);
  }
  const offsetSeconds =
    twoDigits(s, i + 1) * 3600 +
    (rest >= 5 ? twoDigits(s, i + 4) * 60 : 0) +
    (rest === 8 ? twoDigits(s, i + 7) : 0);
  const t = Date.UTC(
    year,
    twoDigits(s, 5) - 1,
    twoDigits(s, 8),
    twoDigits(s, 11),
    twoDigits(s, 14),
    twoDigits(s, 17),
    ms,
  );
  if (Number.isNaN(t) || Number.isNaN(offsetSeconds)) return defaultParser(s);
  return new Date(t - sign * offsetSeconds * 1000);
}
