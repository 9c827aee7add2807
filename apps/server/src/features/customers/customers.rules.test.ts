import { describe, expect, it } from 'vitest';
import {
  addressDiff,
  addressesAfterUpdate,
  addressSet,
  decodeCursor,
  emailDomain,
  encodeCursor,
  likeContains,
  nameFromAddress,
  organisationForDomain,
  searchPlan,
  toPage,
} from './customers.rules.ts';

const ID = '0b6f7d8e-1a2b-4c3d-8e9f-001122334455';

describe('addressSet', () => {
  it.each([
    ['a@x.io', [], ['a@x.io']],
    [' A@X.io ', ['b@x.io'], ['a@x.io', 'b@x.io']],
    ['a@x.io', ['A@x.io', 'b@x.io', 'B@X.IO'], ['a@x.io', 'b@x.io']],
    ['a@x.io', ['', '  '], ['a@x.io']],
  ])('%s + %j -> %j', (primary, extras, want) => {
    expect(addressSet(primary, extras)).toEqual(want);
  });
});

describe('addressesAfterUpdate and addressDiff', () => {
  const current = { email: 'a@x.io', emails: ['a@x.io', 'b@x.io'] };
  it.each([
    ['a new primary keeps the old addresses', { email: 'C@x.io' }, 'c@x.io', ['c@x.io', 'a@x.io', 'b@x.io']],
    ['a new set keeps the primary', { emails: ['d@x.io'] }, 'a@x.io', ['a@x.io', 'd@x.io']],
    ['both replace everything', { email: 'e@x.io', emails: [] }, 'e@x.io', ['e@x.io']],
    ['nothing given changes nothing', {}, 'a@x.io', ['a@x.io', 'b@x.io']],
  ])('%s', (_label, patch, email, emails) => {
    expect(addressesAfterUpdate(current, patch)).toEqual({ email, emails });
  });

  it.each([
    [['a', 'b'], ['b', 'c'], ['c'], ['a']],
    [['a'], ['a'], [], []],
    [[], ['a'], ['a'], []],
  ])('%j -> %j adds %j, removes %j', (have, want, add, remove) => {
    expect(addressDiff(have, want)).toEqual({ add, remove });
  });
});

describe('emailDomain', () => {
  it.each([
    ['jo@Example.COM', 'example.com'],
    ['"odd@name"@corp.io', 'corp.io'],
    ['no-at-sign', null],
    ['trailing@', null],
  ])('%s -> %s', (email, want) => {
    expect(emailDomain(email)).toBe(want);
  });
});

describe('nameFromAddress', () => {
  it.each([
    ['jane.doe@example.com', 'Jane Doe'],
    ['JOHN_SMITH@example.com', 'John Smith'],
    ['mary-ann.o-neil+orders@example.com', 'Mary Ann O Neil'],
    ['x@example.com', 'X'],
    ['...@example.com', '...@example.com'],
    [`${'a'.repeat(300)}@example.com`, `A${'a'.repeat(199)}`],
  ])('%s -> %s', (email, want) => {
    expect(nameFromAddress(email)).toBe(want);
  });
});

describe('organisationForDomain', () => {
  const acme = { id: '1', domain: 'acme.com' };
  const other = { id: '2', domain: 'other.org' };
  const none = { id: '3', domain: null };
  it.each([
    ['the one owning the domain', [acme, other, none], 'jo@ACME.com', '1'],
    ['none when no domain matches', [acme, other], 'jo@elsewhere.net', null],
    ['none for a subdomain', [acme], 'jo@mail.acme.com', null],
    ['none when two claim the domain', [acme, { id: '4', domain: 'acme.com' }], 'jo@acme.com', null],
    ['none for an address without domain', [acme], 'jo', null],
  ])('%s', (_label, orgs, email, want) => {
    expect(organisationForDomain(orgs, email)?.id ?? null).toBe(want);
  });
});

describe('searchPlan and likeContains', () => {
  it.each([
    [undefined, { kind: 'all' }],
    ['   ', { kind: 'all' }],
    ['Jo@Example.com', { kind: 'address', email: 'jo@example.com' }],
    ['Walker', { kind: 'text', pattern: '%walker%' }],
    ['jo@exa', { kind: 'text', pattern: '%jo@exa%' }],
    ['50%_off\\', { kind: 'text', pattern: '%50\\%\\_off\\\\%' }],
  ])('%j -> %j', (q, want) => {
    expect(searchPlan(q)).toEqual(want);
  });

  it('escapes every wildcard', () => {
    expect(likeContains('a_b%c')).toBe('%a\\_b\\%c%');
  });
});

describe('cursors', () => {
  it.each([
    { key: 'alice walker', id: ID },
    { key: 1_763_800_000_123_456, id: ID },
    { key: '', id: ID },
  ])('round-trips %j', (c) => {
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it.each([
    ['not base64 json', 'not a cursor'],
    ['wrong shape', Buffer.from('{"a":1}').toString('base64url')],
    ['bad id', Buffer.from('["x","nope"]').toString('base64url')],
    ['key of the wrong type', Buffer.from(`[true,"${ID}"]`).toString('base64url')],
    ['unsafe number', Buffer.from(`[1e300,"${ID}"]`).toString('base64url')],
  ])('rejects %s', (_label, raw) => {
    expect(decodeCursor(raw)).toBeNull();
  });

  it.each([
    [[1, 2, 3], 2, [1, 2], true],
    [[1, 2], 2, [1, 2], false],
    [[], 2, [], false],
  ])('toPage(%j, %i) keeps %j, more: %s', (rows, limit, items, more) => {
    const page = toPage(rows, limit, (n) => ({ key: n, id: ID }));
    expect(page.items).toEqual(items);
    expect(page.next_cursor !== null).toBe(more);
    if (more) expect(decodeCursor(page.next_cursor!)).toEqual({ key: items.at(-1), id: ID });
  });
});
