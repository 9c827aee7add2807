import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashOfKey, newToken, tokenHash, tokenKey } from './tokens.ts';

describe('session tokens', () => {
  it('are stored as their SHA-256', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash(token).equals(createHash('sha256').update(token).digest())).toBe(true);
    expect(tokenHash('abc').toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('are kept in a process under the same hash as text, which turns back into the stored hash', () => {
    const token = newToken();
    expect(tokenKey(token)).toBe(tokenHash(token).toString('base64'));
    expect(hashOfKey(tokenKey(token)).equals(tokenHash(token))).toBe(true);
    expect(tokenKey(token)).not.toBe(tokenKey(newToken()));
  });
});
