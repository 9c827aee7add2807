import { describe, expect, it } from 'vitest';
import { isoTime, isoTimeOrNull } from './iso-time.ts';

// The fast formatter must write exactly what Date#toISOString writes, for every date.
const same = (d: Date) => expect(isoTime(d), String(d.getTime())).toBe(d.toISOString());

describe('writing a date as ISO 8601', () => {
  it.each([
    0,
    -1,
    1,
    999,
    Date.UTC(2026, 10, 22, 23, 0, 0, 123),
    Date.UTC(2024, 1, 29, 12, 34, 56, 7),
    Date.UTC(2000, 0, 1),
    Date.UTC(1999, 11, 31, 23, 59, 59, 999),
    Date.UTC(1000, 0, 1),
    -62167219200000, // 0000-01-01T00:00:00.000Z, the first year written with four digits
    253402300799999, // 9999-12-31T23:59:59.999Z, the last
  ])('%d as toISOString writes it', (t) => same(new Date(t)));

  it('agrees with toISOString on random dates across four digit years', () => {
    for (let i = 0; i < 20_000; i++) {
      same(new Date(-62167219200000 + Math.floor(Math.random() * (253402300800000 + 62167219200000))));
    }
  });

  it('leaves years outside 0000-9999 to toISOString (sign and six digits)', () => {
    expect(isoTime(new Date(-62167219200001))).toBe('-000001-12-31T23:59:59.999Z');
    expect(isoTime(new Date(253402300800000))).toBe('+010000-01-01T00:00:00.000Z');
  });

  it('throws on an invalid date, as toISOString does', () => {
    expect(() => isoTime(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('gives null for no date', () => {
    expect(isoTimeOrNull(null)).toBeNull();
    expect(isoTimeOrNull(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
  });
});
