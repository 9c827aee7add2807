import { describe, expect, it } from 'vitest';
import {
  bearerToken,
  isCachedSessionFresh,
  isSessionLive,
  pickAccount,
  sessionExpiry,
} from './sessions.rules.ts';

describe('a cached session', () => {
  it.each([
    [1000, 1000, 500, true],
    [1000, 1499, 500, true],
    [1000, 1500, 500, false],
    [1000, 900, 500, false], // a clock that went backwards never extends an entry
    [1000, 1000, 0, false],
  ])('resolved at %d, asked at %d with TTL %d: fresh %s', (at, now, ttl, fresh) => {
    expect(isCachedSessionFresh(at, now, ttl)).toBe(fresh);
  });
});

describe('picking the account a sign-in means', () => {
  const a = { workspace_slug: 'alpha' };
  const b = { workspace_slug: 'beta' };
  it.each([
    [[], undefined, { ok: false, reason: 'no_account' }],
    [[a], undefined, { ok: true, account: a }],
    [[a, b], undefined, { ok: false, reason: 'workspace_required' }],
    [[a, b], 'beta', { ok: true, account: b }],
    [[a], 'beta', { ok: false, reason: 'no_account' }],
  ])('%j with workspace %s', (accounts, ws, expected) => {
    expect(pickAccount(accounts, ws)).toEqual(expected);
  });
});

describe('sessions', () => {
  it('expire after their time to live', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const exp = sessionExpiry(now, 24);
    expect(exp.toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(isSessionLive(exp, new Date('2026-01-01T23:59:59Z'))).toBe(true);
    expect(isSessionLive(exp, exp)).toBe(false);
  });
  it.each([
    [undefined, null],
    ['Basic abc', null],
    ['Bearer short', null],
    [`Bearer ${'a'.repeat(43)}`, 'a'.repeat(43)],
    [`bearer   ${'b'.repeat(43)}  `, null],
  ])('reads %j as %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
