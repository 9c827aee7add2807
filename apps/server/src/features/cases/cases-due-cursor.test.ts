import { describe, expect, it } from 'vitest';
import { decodeDueCursor, encodeCursor, encodeDueCursor } from './cases.rules.ts';

const ID = '0b9a4c1e-7d2f-4f35-9c1a-3c1f2a8e5d10';
const raw = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('due cursors', () => {
  it.each([
    { due: '2026-03-10T08:00:00.000Z', id: ID, number: 7 },
    { due: null, id: ID, number: 12 },
  ])('round-trips %j', (c) => expect(decodeDueCursor(encodeDueCursor(c))).toEqual(c));

  it.each([
    ['another order’s cursor', encodeCursor({ at: '2026-03-10T08:00:00.000Z', id: ID })],
    ['no tag', raw([null, ID, 1])],
    ['a due time that is no date', raw(['due', 'soon', ID, 1])],
    ['an id that is no uuid', raw(['due', null, 'x', 1])],
    ['a number that is no integer', raw(['due', null, ID, 1.5])],
    ['not JSON', 'bm90IGpzb24'],
  ])('refuses %s', (_, cursor) => expect(decodeDueCursor(cursor)).toBeNull());
});
