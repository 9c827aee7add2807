import { describe, expect, it } from 'vitest';
import {
  automatedReason,
  caseNumberInSubject,
  outgoingSubject,
  partMediaType,
  replyTokenIn,
  storable,
  stripQuoted,
  threadIds,
} from './email.rules.ts';

const headers = (h: Record<string, string>) => (name: string) => h[name];

describe('email rules', () => {
  it.each([
    [{ 'auto-submitted': 'auto-replied' }, 'auto_submitted'],
    [{ 'auto-submitted': 'no' }, null],
    [{ precedence: 'bulk' }, 'precedence_bulk'],
    [{ 'x-fairdesk-loop': 'x' }, 'own_mail_loop'],
    [{}, null],
  ])('automatedReason(%j) = %s', (h, want) => {
    expect(automatedReason(headers(h), 'a@example.org', 'text/plain')).toBe(want);
  });

  it('finds reply tokens only on our domain, and case numbers in subjects', () => {
    expect(replyTokenIn(['reply+abcdef123456@mail.test'], 'mail.test')).toBe('abcdef123456');
    expect(replyTokenIn(['reply+abcdef123456@evil.test'], 'mail.test')).toBeNull();
    expect(caseNumberInSubject('Re: [#42] Printer')).toBe(42);
    expect(caseNumberInSubject('Re: #42 Printer')).toBeNull();
    expect(outgoingSubject(42, 'Re: [#42] Printer')).toBe('Re: [#42] Printer');
  });

  it('orders thread ids nearest first and strips quoted history', () => {
    expect(threadIds('<c@x>', ['<a@x>', '<b@x>', '<c@x>'])).toEqual(['<c@x>', '<b@x>', '<a@x>']);
    expect(stripQuoted('New words\n\nOn Mon, A <a@x> wrote:\n> old')).toBe('New words');
    expect(stripQuoted('> only a quote')).toBe('> only a quote');
  });
});

describe('a mail part’s media type', () => {
  it.each([
    ['image/png', 'image/png'],
    [' Application/PDF ', 'application/pdf'],
    [
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['text/plain\u0000', 'application/octet-stream'],
    ['text/pl\u0000ain', 'application/octet-stream'],
    ['text/html\r\nSet-Cookie: x=1', 'application/octet-stream'],
    ['text/plain; charset=utf-8', 'text/plain'],
    ['text/plain\u0000; charset=utf-8', 'application/octet-stream'],
    ['', 'application/octet-stream'],
    [undefined, 'application/octet-stream'],
    [{ value: 'text/plain' }, 'application/octet-stream'],
  ])('%j is stored as %j', (raw, stored) => {
    expect(partMediaType(raw)).toBe(stored);
  });
});

describe('storable header text', () => {
  it.each([
    ['<a@x>', '<a@x>'],
    ['<a\u0000b@x>', '<ab@x>'],
    ['\u0000', ''],
    ['half \ud83d pair', 'half \ufffd pair'],
    ['whole \ud83d\ude00 pair', 'whole \ud83d\ude00 pair'],
  ])('%j becomes %j', (input, out) => {
    expect(storable(input)).toBe(out);
  });
});
