import { describe, expect, it } from 'vitest';
import { markedSubject, matchedWhere, onlyExcludes } from './search-hit.ts';

const hit = (matched_in: 'subject' | 'message', headline: string, subject: string) => ({
  matched_in,
  headline,
  case: { subject },
});

describe('a search hit in the subject', () => {
  it('marks the words in the title when the headline is the whole subject', () => {
    expect(
      markedSubject(hit('subject', '<mark>Sleeping</mark> bag zip stuck', 'Sleeping bag zip stuck')),
    ).toBe('<mark>Sleeping</mark> bag zip stuck');
  });

  it('reads the escaped characters back before comparing', () => {
    const subject = 'Invoice <INV-55501> & "refund"';
    const headline = 'Invoice &lt;INV-<mark>55501</mark>&gt; &amp; &quot;refund&quot;';
    expect(markedSubject(hit('subject', headline, subject))).toBe(headline);
  });

  it('leaves the headline under the title for a long subject headlined by fragments, or a hit in a message', () => {
    expect(markedSubject(hit('subject', '<mark>zip</mark> stuck', 'Sleeping bag zip stuck'))).toBeNull();
    expect(markedSubject(hit('message', 'Sleeping bag zip stuck', 'Sleeping bag zip stuck'))).toBeNull();
  });
});

describe('where a search hit matched', () => {
  it('says the subject or the message when its headline marks a word', () => {
    expect(matchedWhere({ matched_in: 'subject', headline: '<mark>zip</mark> stuck' })).toBe('subject');
    expect(matchedWhere({ matched_in: 'message', headline: 'the <mark>zip</mark> is stuck' })).toBe(
      'message',
    );
  });

  it('says nothing for a hit of only negated words, which marks none', () => {
    expect(matchedWhere({ matched_in: 'subject', headline: 'Sleeping bag zip stuck' })).toBeNull();
  });
});

describe('a query of only excluded words', () => {
  it('is one whose every word starts with a minus', () => {
    expect(onlyExcludes('-refund')).toBe(true);
    expect(onlyExcludes(' -refund  -stove ')).toBe(true);
  });

  it('is not one with a word to find, nor a lone minus or nothing', () => {
    expect(onlyExcludes('stove -refund')).toBe(false);
    expect(onlyExcludes('-')).toBe(false);
    expect(onlyExcludes('  ')).toBe(false);
  });
});
