import { CaseListQuery } from '@fairdesk/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attachmentAllowed,
  canTransition,
  caseAbilities,
  decodeCursor,
  encodeCursor,
  headlineToHtml,
  keptListKey,
  MARK_END,
  MARK_START,
  safeFilename,
  statusAfterMessage,
  statusStamps,
} from './cases.rules.ts';

describe('status transitions', () => {
  it.each([
    ['new', 'open', 'staff', true],
    ['new', 'closed', 'staff', false],
    ['open', 'pending', 'staff', true],
    ['pending', 'on_hold', 'staff', true],
    ['solved', 'open', 'staff', true],
    ['solved', 'closed', 'staff', true],
    ['closed', 'open', 'staff', false],
    ['closed', 'solved', 'staff', false],
    ['open', 'open', 'staff', true],
    ['open', 'solved', 'customer', true],
    ['open', 'pending', 'customer', false],
    ['solved', 'closed', 'customer', false],
    ['pending', 'solved', 'customer', true],
  ] as const)('%s -> %s by %s is %s', (from, to, who, ok) => {
    expect(canTransition(from, to, who)).toBe(ok);
  });

  it('stamps solved_at and closed_at, and clears them on reopening', () => {
    const now = new Date('2026-01-01T10:00:00Z');
    expect(statusStamps('open', 'solved', now)).toEqual({ solved_at: now, closed_at: null });
    expect(statusStamps('solved', 'closed', now)).toEqual({ solved_at: undefined, closed_at: now });
    expect(statusStamps('solved', 'open', now)).toEqual({ solved_at: null, closed_at: null });
    expect(statusStamps('open', 'open', now)).toEqual({});
  });
});

describe('status after a message', () => {
  it.each([
    ['new', 'staff', 'public', 'open'],
    ['new', 'staff', 'internal', 'new'],
    ['pending', 'staff', 'public', 'pending'],
    ['pending', 'customer', 'public', 'open'],
    ['solved', 'customer', 'public', 'open'],
    ['on_hold', 'customer', 'public', 'open'],
    ['new', 'customer', 'public', 'new'],
    ['open', 'staff', 'internal', 'open'],
  ] as const)('%s + %s %s message -> %s', (status, author, visibility, expected) => {
    expect(statusAfterMessage(status, { author, visibility })).toBe(expected);
  });
});

describe('abilities', () => {
  it('never lets customers note, assign or close', () => {
    for (const s of ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const) {
      const can = caseAbilities(s, 'customer');
      expect([can.add_internal_note, can.assign, can.close, can.update]).toEqual([
        false,
        false,
        false,
        false,
      ]);
    }
  });
  it('offers staff reopen and close only on solved cases, and nothing but notes on closed ones', () => {
    expect(caseAbilities('solved', 'staff')).toMatchObject({ reopen: true, close: true, solve: false });
    expect(caseAbilities('open', 'staff')).toMatchObject({ reopen: false, close: false, solve: true });
    expect(caseAbilities('closed', 'staff')).toMatchObject({
      reply: false,
      update: false,
      add_internal_note: true,
    });
  });
});

describe('cursors', () => {
  it('round-trips any timestamp and id', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(0), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.uuid(),
        (d, id) => {
          const c = { at: d.toISOString(), id };
          expect(decodeCursor(encodeCursor(c))).toEqual(c);
        },
      ),
    );
  });
  it.each([
    '',
    'not-base64!',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('["2020-01-01T00:00:00Z","x"]').toString('base64url'),
  ])('rejects %j', (raw) => expect(decodeCursor(raw)).toBeNull());
});

describe('the key a staff list page is kept under', () => {
  const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
  const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
  const query = (q: Record<string, string>) => CaseListQuery.parse(q);

  it('is the same for every staff member, but with assignee_id=me', () => {
    const team = query({ team_id: A, status: 'new,open', sort: 'due' });
    expect(keptListKey(A, team)).toBe(keptListKey(B, team));
    const mine = query({ assignee_id: 'me' });
    expect(keptListKey(A, mine)).not.toBe(keptListKey(B, mine));
    expect(keptListKey(A, query({ assignee_id: A }))).toBe(keptListKey(B, query({ assignee_id: A })));
  });

  it('tells every filter, page and order apart, whatever order the query gave them in', () => {
    const base = { team_id: A, status: 'new,open' };
    const keys = [
      base,
      { ...base, status: 'open' },
      { ...base, team_id: B },
      { ...base, sort: 'due' },
      { ...base, limit: '10' },
      { ...base, cursor: 'abc' },
      { ...base, tag: 'vip' },
      { ...base, priority: 'high' },
      { ...base, customer_id: B },
      { ...base, organisation_id: B },
      { ...base, assignee_id: 'none' },
    ].map((q) => keptListKey(A, query(q)));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keptListKey(A, query({ status: 'open', team_id: A }))).toBe(keys[1]);
  });

  it('keeps no page of a text query', () => {
    expect(keptListKey(A, query({ q: 'stove' }))).toBeNull();
  });
});

describe('headlines', () => {
  it('escapes HTML and marks only the matches', () => {
    expect(headlineToHtml(`<b>tent</b> ${MARK_START}pole${MARK_END} & more`)).toBe(
      '&lt;b&gt;tent&lt;/b&gt; <mark>pole</mark> &amp; more',
    );
  });

  it('leaves a number’s sign outside its mark', () => {
    const m = (s: string) => `${MARK_START}${s}${MARK_END}`;
    expect(headlineToHtml(`order TH${m('-20007')} and ${m('TH')}${m('-20007')}`)).toBe(
      'order TH-<mark>20007</mark> and <mark>TH</mark>-<mark>20007</mark>',
    );
    expect(headlineToHtml(`a ${m('-refund')} stays`)).toBe('a <mark>-refund</mark> stays');
  });
});

describe('attachments', () => {
  it.each([
    ['image/png', 'photo.png', true],
    ['application/pdf', 'receipt.pdf', true],
    ['text/plain', 'notes.txt', true],
    ['application/x-msdownload', 'setup.exe', false],
    ['image/png', 'trick.png.exe', false],
    ['text/html', 'page.html', false],
    ['application/javascript', 'x.js', false],
  ])('%s named %s allowed: %s', (type, name, ok) => {
    expect(attachmentAllowed(type, name)).toBe(ok);
  });
  it('strips paths and control characters from file names', () => {
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\Users\\me\\photo "1".png')).toBe('photo 1.png');
    expect(safeFilename('')).toBe('attachment');
  });
});
