import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type Person, type World } from '../../../test/factories.ts';

// The order of search hits (migration 20261129T0100_search_rank_length): ranks normalised by the
// document's length, equal ranks newest first.
let t: TestContext;
let w: World;
const ids: Record<string, string> = {};
const FILLER = ['tent', 'stove', 'lantern', 'rope', 'compass', 'blanket', 'kettle', 'torch'];

/** A long email (400 words) that names `word` three times, far apart. */
const longEmail = (word: string) =>
  Array.from({ length: 400 }, (_, i) => (i % 130 === 65 ? word : FILLER[i % FILLER.length])).join(' ');

beforeAll(async () => {
  t = await startTestApp();
  w = await makeWorkspace(t);
  const open = async (key: string, subject: string, body: string) => {
    ids[key] = (
      await call(t, w.agent, 'POST', '/api/v1/cases', { subject, body, customer_id: w.alice.id })
    ).body.id;
  };
  // Written first, so that the long email is the newer: only its length can put it second.
  await open('subject', 'Hammock strap frayed', 'It came apart on the first night.');
  await open('long', 'Our trip report', longEmail('hammock'));
  for (const n of [1, 2, 3]) await open(`kayak${n}`, 'Kayak seat loose', 'The seat slides about.');
});
afterAll(() => t.close());

const found = async (who: Person, q: string) =>
  (await call(t, who, 'GET', `/api/v1/search?q=${encodeURIComponent(q)}`)).body.items.map(
    (h: { case: { id: string } }) => h.case.id,
  );

describe('the order of search hits', () => {
  it('puts a subject that names the word above a long email that repeats it', async () => {
    // Counted without the length, the email's three mentions outranked the subject's one.
    expect(await found(w.agent, 'hammock')).toEqual([ids.subject, ids.long]);
    expect(await found(w.alice, 'hammock')).toEqual([ids.subject, ids.long]);
  });

  it('shows equally ranked hits newest first', async () => {
    const newestFirst = [ids.kayak3, ids.kayak2, ids.kayak1];
    expect(await found(w.agent, 'kayak')).toEqual(newestFirst);
    expect(await found(w.alice, 'kayak seat')).toEqual(newestFirst);
  });
});
