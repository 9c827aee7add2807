import { describe, expect, it } from 'vitest';
import { secretBox } from './secrets.ts';

describe('secretBox', () => {
  const key = 'k'.repeat(40);
  it('opens what it sealed, with a fresh IV each time', () => {
    const box = secretBox(key, 'test');
    const a = box.seal('pässword 1');
    const b = box.seal('pässword 1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('pässword');
    expect(a.startsWith('v1.')).toBe(true);
    expect(box.open(a)).toBe('pässword 1');
  });

  it.each([
    ['another key', (s: string) => secretBox('x'.repeat(40), 'test').open(s)],
    ['another purpose', (s: string) => secretBox(key, 'other').open(s)],
    [
      'an altered value',
      (s: string) => secretBox(key, 'test').open(`${s.slice(0, -1)}${s.endsWith('A') ? 'B' : 'A'}`),
    ],
    ['not a sealed value', () => secretBox(key, 'test').open('plain')],
  ])('refuses to open with %s', (_, open) => {
    expect(() => open(secretBox(key, 'test').seal('secret'))).toThrow();
  });
});
