import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, type StoredTemplate, templateFor, textInForce } from './templates.defaults.ts';
import {
  checkTemplate,
  chooseLanguage,
  fill,
  firstName,
  htmlFromPlain,
  mailable,
  NOTIFICATION_KINDS,
  type NotificationKind,
  placeholdersIn,
  portalCaseUrl,
  primaryLanguage,
  renderSubject,
  renderTemplate,
  servedLanguages,
} from './templates.rules.ts';

describe('placeholders', () => {
  it.each([
    ['Hi {{customer.first_name}}', ['customer.first_name']],
    ['{{ case.number }} and {{case.number}}', ['case.number']],
    ['{{a}}{{b}}', ['a', 'b']],
    ['no placeholders, { single } {{', []],
    ['{{}}', ['']],
  ])('finds the names in %j', (text, names) => {
    expect(placeholdersIn(text)).toEqual(names);
  });

  it.each<[NotificationKind, string, string[] | null]>([
    ['case_received', 'Hello {{customer.first_name}} {{case.url}}', null],
    ['case_received', 'Your reply: {{reply.text}}', ['reply.text']],
    ['agent_replied', '{{agent.name}}: {{reply.text}}', null],
    ['agent_replied', '{{decision.text}}', ['decision.text']],
    ['decision_made', '{{decision.text}} by {{agent.name}}', null],
    ['decision_made', '{{customer.firstname}} {{ case.numbr }}', ['customer.firstname', 'case.numbr']],
    ['case_received', '{{workspace.name}}{{}}', ['']],
  ])('checks %s: %j', (kind, body, unknown) => {
    const res = checkTemplate(kind, { subject: 'S', body });
    expect(res).toEqual(unknown ? { ok: false, reason: 'unknown_placeholder', unknown } : { ok: true });
  });

  it('checks the subject too', () => {
    expect(checkTemplate('case_received', { subject: '{{reply.text}}', body: 'x' })).toMatchObject({
      ok: false,
      unknown: ['reply.text'],
    });
  });

  it.each([
    ['Hi {{ a }}!', { a: 'Ann' }, 'Hi Ann!'],
    ['{{a}}{{b}}', { a: '1' }, '1'],
    ['{{a}}', { a: '{{b}}' }, '{{b}}'],
    ['$& {{a}}', { a: '$1 $&' }, '$& $1 $&'],
  ])('fills %j', (text, values, out) => {
    expect(fill(text, values)).toBe(out);
  });
});

describe('subject', () => {
  it.each([
    ['[#{{case.number}}] Got it', '[#7] Got it'],
    ['Got it: {{case.subject}}', '[#7] Got it: Line one line two'],
    ['Re: {{case.subject}} [#7]', 'Re: Line one line two [#7]'],
  ])('renders %j on one line with the case number', (t, out) => {
    expect(renderSubject(t, { 'case.number': '7', 'case.subject': 'Line one\nline two' }, 7)).toBe(out);
  });

  it('caps the length', () => {
    expect(renderSubject('x'.repeat(400), {}, 1)).toHaveLength(300);
  });
});

describe('HTML', () => {
  it.each([
    ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['a & "b" \'c\'', '<p>a &amp; &quot;b&quot; &#39;c&#39;</p>'],
    ['one\ntwo\n\nthree', '<p>one<br>two</p>\n<p>three</p>'],
    ['- a\n- b', '<ul><li>a</li><li>b</li></ul>'],
    ['- a\nnot a list', '<ul><li>a</li></ul>\n<p>not a list</p>'],
    ['Instead:\n- a\n* b', '<p>Instead:</p>\n<ul><li>a</li><li>b</li></ul>'],
    ['-not a bullet', '<p>-not a bullet</p>'],
    [
      'See https://x.test/a?b=1&c=2.',
      '<p>See <a href="https://x.test/a?b=1&amp;c=2">https://x.test/a?b=1&amp;c=2</a>.</p>',
    ],
    ['javascript:alert(1) and ftp://x', '<p>javascript:alert(1) and ftp://x</p>'],
    [
      'https://x.test/"onmouseover="alert(1)',
      '<p><a href="https://x.test/">https://x.test/</a>&quot;onmouseover=&quot;alert(1)</p>',
    ],
  ])('renders %j safely', (text, body) => {
    expect(htmlFromPlain(text, 'en')).toContain(`<body>\n${body}\n</body>`);
  });

  it('declares the language, and only a valid one', () => {
    expect(htmlFromPlain('x', 'de')).toContain('<html lang="de">');
    expect(htmlFromPlain('x', '"><x')).toContain('<html lang="en">');
  });

  it('escapes values as well as the template', () => {
    const r = renderTemplate(
      { subject: '{{case.subject}}', body: 'Reply:\n\n{{reply.text}}' },
      { 'case.subject': '<b>Hi</b>', 'reply.text': '<img src=x onerror=alert(1)>' },
      3,
      'en',
    );
    expect(r.subject).toBe('[#3] <b>Hi</b>');
    expect(r.text).toBe('Reply:\n\n<img src=x onerror=alert(1)>');
    expect(r.html).not.toContain('<img');
    expect(r.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('language', () => {
  it.each([
    ['de-AT', 'de'],
    ['EN_gb', 'en'],
    ['nl', 'nl'],
    ['', null],
    [null, null],
    ['german', null],
    ['1e', null],
  ])('the primary subtag of %j is %j', (tag, out) => {
    expect(primaryLanguage(tag)).toBe(out);
  });

  const has = (list: string[]) => (l: string) => list.includes(l);
  it.each<[string | null, string[], string[], string]>([
    ['de', ['en', 'de'], ['en', 'de'], 'de'],
    ['de-AT', ['en', 'de'], ['en', 'de'], 'de'],
    ['fr', ['de', 'en'], ['en', 'de'], 'de'],
    ['de', ['en'], ['en', 'de'], 'en'], // the workspace does not write German
    ['fr', ['fr', 'en'], ['en', 'de'], 'en'], // served, but no French text yet
    ['fr', ['fr', 'en'], ['en', 'fr'], 'fr'],
    [null, ['nl', 'en'], ['en', 'nl'], 'nl'],
    ['xx', [], ['en'], 'en'],
    ['de', ['de-CH'], ['en', 'de'], 'de'],
  ])('customer %j, workspace %j, texts %j → %s', (customer, ws, texts, out) => {
    expect(chooseLanguage(customer, ws, has(texts))).toBe(out);
  });

  it.each([
    [
      ['en', 'de-AT', 'de'],
      ['en', 'de'],
    ],
    [[], ['en']],
    [['??'], ['en']],
  ])('serves %j as %j', (ws, out) => {
    expect(servedLanguages(ws)).toEqual(out);
  });
});

describe('built-in texts', () => {
  it.each(Object.keys(DEFAULT_TEMPLATES).flatMap((l) => NOTIFICATION_KINDS.map((k) => [l, k] as const)))(
    '%s %s uses only its placeholders and names the case',
    (language, kind) => {
      const t = DEFAULT_TEMPLATES[language]![kind];
      expect(checkTemplate(kind, t)).toEqual({ ok: true });
      expect(t.subject).toContain('[#{{case.number}}]');
      expect(t.body).toContain('{{case.url}}');
    },
  );

  it('has English and German for every kind', () => {
    for (const k of NOTIFICATION_KINDS) {
      expect(DEFAULT_TEMPLATES.en![k]).toBeTruthy();
      expect(DEFAULT_TEMPLATES.de![k]).toBeTruthy();
    }
  });

  const row = (language: string, over: Partial<StoredTemplate> = {}): StoredTemplate => ({
    language,
    subject: null,
    body: null,
    enabled: true,
    ...over,
  });

  it.each<
    [
      string,
      StoredTemplate[],
      string | null,
      string[],
      { language: string; subject: string; enabled: boolean },
    ]
  >([
    [
      'no rows: the default',
      [],
      'de',
      ['en', 'de'],
      { language: 'de', subject: DEFAULT_TEMPLATES.de!.case_received.subject, enabled: true },
    ],
    [
      'a customised text wins',
      [row('en', { subject: 'Mine', body: 'B' })],
      'en',
      ['en'],
      { language: 'en', subject: 'Mine', enabled: true },
    ],
    [
      'a switch-only row keeps the default text',
      [row('en', { enabled: false })],
      'en',
      ['en'],
      { language: 'en', subject: DEFAULT_TEMPLATES.en!.case_received.subject, enabled: false },
    ],
    [
      'a French text makes French available',
      [row('fr', { subject: 'Reçu', body: 'B' })],
      'fr-CA',
      ['en', 'fr'],
      { language: 'fr', subject: 'Reçu', enabled: true },
    ],
    [
      'another language off does not matter',
      [row('de', { enabled: false })],
      'en',
      ['en', 'de'],
      { language: 'en', subject: DEFAULT_TEMPLATES.en!.case_received.subject, enabled: true },
    ],
  ])('%s', (_, stored, customer, ws, out) => {
    expect(templateFor('case_received', stored, customer, ws)).toMatchObject(out);
  });

  it('reports whether the text in force is customised', () => {
    expect(textInForce('agent_replied', 'en', undefined)?.customised).toBe(false);
    expect(textInForce('agent_replied', 'en', row('en', { subject: 'S', body: 'B' }))?.customised).toBe(true);
    expect(textInForce('agent_replied', 'fr', undefined)).toBeNull();
  });
});

describe('small helpers', () => {
  it.each([
    ['Alice Walker', 'Alice'],
    ['  Bo  ', 'Bo'],
    ['Prince', 'Prince'],
  ])('first name of %j is %j', (name, out) => {
    expect(firstName(name)).toBe(out);
  });

  it.each([
    ['a@b.test', true],
    ['', false],
    [null, false],
    ['no-at-sign', false],
    ['two words@b.test', false],
  ])('%j is mailable: %s', (email, ok) => {
    expect(mailable(email)).toBe(ok);
  });

  it('links a case in the portal', () => {
    expect(portalCaseUrl('https://help.example/', 'abc')).toBe('https://help.example/portal/cases/abc');
  });
});
