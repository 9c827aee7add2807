import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type Person, type World } from '../../../test/factories.ts';

let t: TestContext;
let w: World;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  w = await makeWorkspace(t);
  const open = async (key: string, subject: string, body: string) => {
    ids[key] = (
      await call(t, w.agent, 'POST', '/api/v1/cases', { subject, body, customer_id: w.alice.id })
    ).body.id;
  };
  await open('subject', 'Sleeping bag zip stuck', 'The zip will not move at all.');
  await open(
    'body',
    'Question about an order',
    'My new sleeping bag smells of smoke <script>alert(1)</script>.',
  );
  await open('other', 'Boots too small', 'I need a bigger size.');
  await open('parcel', 'Parcel TH-20007 never arrived', 'Tracking number 400123456789 says delivered.');
  await open('invoice', 'Refund please', 'I was charged twice on invoice INV-55501.');
});

const found = async (who: Person, q: string) =>
  (await call(t, who, 'GET', `/api/v1/search?q=${encodeURIComponent(q)}`)).body.items.map(
    (h: { case: { id: string } }) => h.case.id,
  );
afterAll(() => t.close());

describe('full-text search', () => {
  it('finds words in subjects and message bodies, with stemming, best first', async () => {
    const res = await call(t, w.agent, 'GET', '/api/v1/search?q=sleeping%20bags');
    expect(res.status).toBe(200);
    const found = res.body.items.map((h: { case: { id: string } }) => h.case.id);
    expect(found).toHaveLength(2);
    expect(found[0]).toBe(ids.subject);
    expect(found).toContain(ids.body);
    expect(found).not.toContain(ids.other);
    const inBody = res.body.items.find((h: { case: { id: string } }) => h.case.id === ids.body);
    expect(inBody.matched_in).toBe('message');
    expect(inBody.headline).toContain('<mark>sleeping</mark>');
    expect(inBody.headline).not.toContain('<script>');
    expect(inBody.headline).toContain('smells of smoke');
  });

  it('finds internal notes for staff', async () => {
    await call(t, w.agent, 'POST', `/api/v1/cases/${ids.other}/messages`, {
      body: 'Warehouse has size 11 in stock',
      visibility: 'internal',
    });
    const res = await call(t, w.agent, 'GET', '/api/v1/search?q=warehouse');
    expect(res.body.items.map((h: { case: { id: string } }) => h.case.id)).toEqual([ids.other]);
    expect((await call(t, w.alice, 'GET', '/api/v1/search?q=warehouse')).body.items).toEqual([]);
  });

  it('finds a reference by its number, whatever joins the number to its prefix', async () => {
    // PostgreSQL's parser reads TH-20007 as 'th' and the signed '-20007': before migration
    // 20261127T0100_search_numbers the number alone found nothing.
    expect(await found(w.agent, '20007')).toEqual([ids.parcel]);
    expect(await found(w.agent, 'TH-20007')).toEqual([ids.parcel]);
    expect(await found(w.agent, '"TH-20007"')).toEqual([ids.parcel]);
    expect(await found(w.agent, '55501')).toEqual([ids.invoice]);
    expect(await found(w.agent, 'inv-55501')).toEqual([ids.invoice]);
    expect(await found(w.alice, '20007')).toEqual([ids.parcel]);
    const res = await call(t, w.agent, 'GET', '/api/v1/search?q=55501');
    expect(res.body.items[0].matched_in).toBe('message');
    expect(res.body.items[0].headline).toContain('INV-<mark>55501</mark>');
    const listed = await call(t, w.agent, 'GET', '/api/v1/cases?q=55501');
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([ids.invoice]);
  });

  it('keeps long numbers whole', async () => {
    // dict_int's default cuts a number to its first six digits, so these two would be one word.
    expect(await found(w.agent, '400123456789')).toEqual([ids.parcel]);
    expect(await found(w.agent, '400123456780')).toEqual([]);
  });

  it('needs a query', async () => {
    const res = await call(t, w.agent, 'GET', '/api/v1/search?q=');
    expect(res.status).toBe(400);
  });

  it('keeps the searched tables vacuumed within 500 changes, at any table size', async () => {
    // Vacuum merges the plain GIN indexes' pending lists, which a search's older step reads in full,
    // and keeps the walk over the newest cases index-only (migration 20261124T0100_search_walk_visible);
    // PostgreSQL's default waits for 20% of a table.
    const { rows } = await t.deps.pool.query<{ relname: string; reloptions: string[] }>(
      `select relname, reloptions from pg_class
       where relname in ('messages', 'cases', 'case_search') and relnamespace = 'public'::regnamespace
       order by relname`,
    );
    expect(rows.map((r) => r.relname)).toEqual(['case_search', 'cases', 'messages']);
    for (const r of rows) {
      const opts = Object.fromEntries(r.reloptions.map((o) => o.split('=')));
      expect(opts).toMatchObject({
        autovacuum_vacuum_insert_scale_factor: '0',
        autovacuum_vacuum_scale_factor: '0',
      });
      expect(Number(opts.autovacuum_vacuum_insert_threshold)).toBeLessThanOrEqual(500);
      expect(Number(opts.autovacuum_vacuum_threshold)).toBeLessThanOrEqual(500);
    }
  });

  it('keeps a pending list of 64 kB on the indexes by day and of 256 kB on the plain indexes', async () => {
    // Every scan reads an index's whole pending list. Migration 20261125T0100_search_by_day: after a
    // burst of writes, searches by day took seconds with the default 4 MB list, so they had none;
    // 20261126T0200_search_pending_lists: an order number's search cost up to ten times as much with
    // the plain indexes' 4 MB. 20261204T0100_search_day_pending_lists: without a list, each new row
    // rewrote the inline lists of its words' keys, 9-17 kB of WAL a message.
    const { rows } = await t.deps.pool.query<{ relname: string; reloptions: string[] | null }>(
      `select relname, reloptions from pg_class
       where relname in ('case_search_day_idx', 'messages_search_day_part_idx', 'case_search_idx',
         'messages_search_idx', 'messages_search_day_idx') order by relname`,
    );
    expect(rows.map((r) => [r.relname, r.reloptions])).toEqual([
      ['case_search_day_idx', ['fastupdate=on', 'gin_pending_list_limit=64']],
      ['case_search_idx', ['gin_pending_list_limit=256']],
      ['messages_search_day_part_idx', ['fastupdate=on', 'gin_pending_list_limit=64']],
      ['messages_search_idx', ['gin_pending_list_limit=256']],
    ]);
  });

  it('keys each row of the indexes by day as the SQL function before it did, so the built indexes stay valid', async () => {
    // 20261130T0100_search_day_terms_plpgsql rewrote search_day_terms in PL/pgSQL, in place.
    const { rows } = await t.deps.pool.query<{ keys: string[] | null }>(
      `select search_day_terms('2026-11-24T23:30:00Z', to_tsvector('fairdesk', 'Sleeping bags, zip stuck')) as keys
       union all select search_day_terms('2026-11-24T23:30:00Z', ''::tsvector)
       union all select search_day_terms(null, to_tsvector('fairdesk', 'bag'))`,
    );
    expect(rows.map((r) => r.keys)).toEqual([
      ['20781 bag', '20781 sleep', '20781 stuck', '20781 zip'],
      null,
      null,
    ]);
    // Every message of this test's cases, against the body it had before (20261125T0100_search_by_day).
    const { rows: diff } = await t.deps.pool.query<{ n: number; differ: number }>(
      `select count(*)::int as n, count(*) filter (where search_day_terms(created_at, search) is distinct from (
         select string_to_array(d || ' ' || nullif(array_to_string(tsvector_to_array(search), E'\\x1e' || d || ' '), ''), E'\\x1e')
         from (select ((created_at at time zone 'UTC')::date - date '1970-01-01')::text as d) day))::int as differ
       from messages where workspace_id = $1`,
      [w.ws.id],
    );
    expect(diff[0]?.n).toBeGreaterThanOrEqual(5);
    expect(diff[0]?.differ).toBe(0);
  });

  it("keys a message by its day's part, the low bits of its id's last byte (20261204T0200_search_day_parts)", async () => {
    const { rows } = await t.deps.pool.query<{ keys: string[] | null }>(
      `select search_day_part_terms('2026-11-24T23:30:00Z', id, to_tsvector('fairdesk', 'Sleeping bags')) as keys
       from (values ('0190a7c2-0000-7000-8000-0000000000fc'::uuid), ('0190a7c2-0000-7000-8000-0000000000ff'::uuid),
         ('0190a7c2-0000-7000-8000-000000000001'::uuid)) v(id)
       union all select search_day_part_terms('2026-11-24T23:30:00Z', gen_random_uuid(), ''::tsvector)`,
    );
    expect(rows.map((r) => r.keys)).toEqual([
      ['20781:0 bag', '20781:0 sleep'],
      ['20781:3 bag', '20781:3 sleep'],
      ['20781:1 bag', '20781:1 sleep'],
      null,
    ]);
    const { rows: keys } = await t.deps.pool.query<{ k: string[] }>(
      `select search_day_part_keys(array['bag', 'zip'], 20780, 20781, 1, 2) as k`,
    );
    expect([...keys[0]!.k].sort()).toEqual([
      '20780:1 bag',
      '20780:1 zip',
      '20780:2 bag',
      '20780:2 zip',
      '20781:1 bag',
      '20781:1 zip',
      '20781:2 bag',
      '20781:2 zip',
    ]);
  });
});
