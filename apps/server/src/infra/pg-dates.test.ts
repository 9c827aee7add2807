import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/app.ts';
import { parseTimestamptz, defaultParser as reference } from './pg-dates.ts';

// The fast parser must give exactly the Date of pg's default one, for every text PostgreSQL writes.
const same = (s: string) => expect(parseTimestamptz(s).getTime(), s).toEqual(reference(s).getTime());

describe('reading a timestamptz', () => {
  it('is what the app pool uses, and is not pg\u2019s own parser', () => {
    expect(pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ, 'text')).toBe(parseTimestamptz);
    expect(reference).not.toBe(parseTimestamptz);
  });

  it.each([
    '2026-11-22 23:00:00+00',
    '2026-11-22 23:00:00.1+00',
    '2026-11-22 23:00:00.12+00',
    '2026-11-22 23:00:00.123+00',
    '2026-11-22 23:00:00.123456+00',
    '2026-11-22 23:00:00.999999+00',
    '2026-03-10 09:00:00+05:30',
    '2026-03-10 09:00:00.5-08',
    '2026-03-10 09:00:00-03:30',
    '1883-11-18 12:00:00+00:53:28',
    '9999-12-31 23:59:59.999999+00',
    '1000-01-01 00:00:00+00',
    '2024-02-29 12:34:56.000001+14',
  ])('%s as the default parser reads it', (s) => same(s));

  it('agrees with the default parser on thousands of instants, fractions and offsets', () => {
    const offsets = ['+00', '+01', '-05', '+05:30', '-09:30', '+05:45', '+14', '-12'];
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 5000; n++) {
      const at = new Date(Date.UTC(1000, 0, 1) + next() * (Date.UTC(9999, 11, 31) - Date.UTC(1000, 0, 1)));
      const iso = at.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
      const micro = String(Math.floor(next() * 1e6))
        .padStart(6, '0')
        .slice(0, 1 + Math.floor(next() * 6));
      const fraction = next() < 0.2 ? '' : `.${micro}`;
      same(`${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction}${offsets[n % offsets.length]}`);
    }
  });

  it('leaves what it does not read to the default parser', () => {
    for (const s of ['infinity', '-infinity', '2026-11-22 23:00:00+00 BC', '0099-01-01 00:00:00+00']) {
      // infinity comes back as the number Infinity, as pg has always given it.
      expect(Number(parseTimestamptz(s)), s).toEqual(Number(reference(s)));
    }
  });
});

describe('timestamps read through the app pool', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('are the same instants whatever the session time zone', async () => {
    for (const zone of ['UTC', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham', 'Europe/Berlin']) {
      const rows = await t.deps.db.connection().execute(async (db) => {
        await sql`select set_config('TimeZone', ${zone}, false)`.execute(db);
        const r = await sql<{
          at: Date;
          ms: string;
        }>`select x as at, (extract(epoch from x) * 1000)::bigint::text as ms
          from unnest(array['2026-11-22 23:00:00.123456Z', '1901-06-01 10:00:00Z', '2026-03-29 01:30:00Z']::timestamptz[]) x`.execute(
          db,
        );
        await sql`select set_config('TimeZone', 'UTC', false)`.execute(db);
        return r.rows;
      });
      for (const r of rows) expect(r.at.getTime(), zone).toBe(Number(r.ms));
    }
  });
});
