import { describe, expect, it } from 'vitest';
import {
  casePatch,
  changedNames,
  checkMacro,
  firstNameOf,
  placeholdersIn,
  type RenderContext,
  renderHtml,
  renderText,
  resolveMe,
  tagsAfter,
  textToHtml,
  unknownPlaceholders,
} from './macros.rules.ts';

const ctx: RenderContext = {
  customer: { name: 'Alex Morgan', email: 'alex@example.com' },
  case: { number: 1042, subject: 'Where is my order?' },
  agent: { name: 'Sam Carter' },
  workspace: { name: 'Trailhead Outfitters' },
};

describe('firstNameOf', () => {
  it.each([
    ['Alex Morgan', 'Alex'],
    ['  alex   morgan ', 'alex'],
    ['Morgan, Alex', 'Alex'],
    ['Dr Alex Morgan', 'Alex'],
    ['Dr. Alex Morgan', 'Alex'],
    ['Mr Morgan', null],
    ['Cher', 'Cher'],
    ['José María López', 'José'],
    ['alex@example.com', null],
    ['', null],
    ['   ', null],
    [null, null],
  ])('%j -> %j', (name, first) => expect(firstNameOf(name)).toBe(first));
});

describe('placeholders', () => {
  it.each([
    ['Hi {{customer.first_name}}', ['customer.first_name'], []],
    ['Hi {{ customer.first_name }} and {{customer.first_name}}', ['customer.first_name'], []],
    ['{{case.number}} {{agent.nme}}', ['case.number', 'agent.nme'], ['agent.nme']],
    ['{{}} {{Customer.Name}}', ['', 'Customer.Name'], ['', 'Customer.Name']],
    ['no braces, {single} and {{unclosed', [], []],
  ])('%j names %j, unknown %j', (body, named, unknown) => {
    expect(placeholdersIn(body)).toEqual(named);
    expect(unknownPlaceholders(body)).toEqual(unknown);
  });
});

describe('renderText', () => {
  const noCustomer: RenderContext = { ...ctx, customer: { name: null, email: null } };
  const system: RenderContext = { ...ctx, agent: null };
  it.each([
    ['Hi {{customer.first_name}},', ctx, 'Hi Alex,'],
    ['Hi {{ customer.name }}', ctx, 'Hi Alex Morgan'],
    ['{{customer.email}}', ctx, 'alex@example.com'],
    ['Case #{{case.number}}: {{case.subject}}', ctx, 'Case #1042: Where is my order?'],
    ['{{agent.first_name}} / {{agent.name}}', ctx, 'Sam / Sam Carter'],
    ['{{workspace.name}}', ctx, 'Trailhead Outfitters'],
    ['Hi {{customer.first_name}},', noCustomer, 'Hi there,'],
    ['Hi {{customer.name}}', noCustomer, 'Hi there'],
    ['[{{customer.email}}]', noCustomer, '[]'],
    ['Best, {{agent.first_name}}', system, 'Best, The Trailhead Outfitters team'],
    ['{{agent.name}}', system, 'The Trailhead Outfitters team'],
    ['Keep {{unknown.thing}} as written', ctx, 'Keep {{unknown.thing}} as written'],
  ])('%j -> %j', (body, c, out) => expect(renderText(body, c)).toBe(out));
});

describe('HTML rendering', () => {
  it.each([
    ['Hi {{customer.first_name}}', 'Hi Alex', '<p>Hi Alex</p>'],
    ['a\n\nb\nc', null, '<p>a</p><p>b<br>c</p>'],
    ['a\n\n\n\nb', null, '<p>a</p><p>b</p>'],
    ['1 < 2 & "3"', null, '<p>1 &lt; 2 &amp; &quot;3&quot;</p>'],
  ])('%j', (body, _text, html) => expect(renderHtml(body, ctx)).toBe(html));

  it('escapes values, so a customer named like markup stays text', () => {
    const evil = { ...ctx, customer: { name: '<img src=x onerror=alert(1)> Eve', email: "o'neil@x" } };
    expect(renderHtml('Hi {{customer.name}} {{customer.email}}', evil)).toBe(
      '<p>Hi &lt;img src=x onerror=alert(1)&gt; Eve o&#39;neil@x</p>',
    );
    // The text form is not escaped: it is stored as text and escaped where it is shown.
    expect(renderText('{{customer.name}}', evil)).toBe('<img src=x onerror=alert(1)> Eve');
  });

  it('an empty text has no paragraphs', () => expect(textToHtml('  \n\n ')).toBe(''));
});

describe('checkMacro', () => {
  it.each([
    [{ body: 'Hi {{customer.first_name}}', changes: {} }, null],
    [{ body: '', changes: { status: 'solved' as const } }, null],
    [{ body: '', changes: { assignee_id: null } }, null],
    [{ body: '   ', changes: {} }, 'macro_empty'],
    [{ body: '', changes: { add_tags: [] } }, 'macro_empty'],
    [{ body: 'Hi {{customer.firstname}}', changes: {} }, 'unknown_placeholder'],
    [{ body: 'x', changes: { add_tags: ['a', 'b'], remove_tags: ['b'] } }, 'tag_added_and_removed'],
  ])('%j -> %s', (m, reason) => {
    const v = checkMacro(m);
    expect(v.ok ? null : v.reason).toBe(reason);
  });

  it('names the unknown placeholder', () => {
    const v = checkMacro({ body: '{{agent.nme}} {{case.number}}', changes: {} });
    expect(v).toMatchObject({ ok: false, details: { placeholders: ['agent.nme'] } });
    expect(v.ok ? '' : v.message).toContain('{{agent.nme}}');
  });
});

describe('changes', () => {
  const me = '00000000-0000-4000-8000-000000000001';
  it.each([
    [{ assignee_id: 'me' as const }, me, { assignee_id: me }],
    [{ assignee_id: 'me' as const, status: 'open' as const }, null, { status: 'open' }],
    [{ assignee_id: null }, me, { assignee_id: null }],
    [{ priority: 'high' as const }, me, { priority: 'high' }],
  ])('resolveMe(%j, %s) -> %j', (changes, staff, out) => expect(resolveMe(changes, staff)).toEqual(out));

  it.each([
    [['a', 'b'], ['c'], ['a'], ['b', 'c']],
    [['a'], ['a'], [], ['a']],
    [[], [], ['x'], []],
    [['b', 'a'], ['c', 'a'], [], ['b', 'a', 'c']],
  ])('tagsAfter(%j, +%j, -%j) -> %j', (current, add, remove, out) =>
    expect(tagsAfter(current, add, remove)).toEqual(out),
  );

  it.each([
    [{}, [], {}],
    [{ status: 'solved' as const, priority: 'low' as const }, [], { status: 'solved', priority: 'low' }],
    [{ team_id: null, assignee_id: null }, [], { team_id: null, assignee_id: null }],
    [{ add_tags: ['x'] }, ['a'], { tags: ['a', 'x'] }],
    [{ remove_tags: ['a'] }, ['a', 'b'], { tags: ['b'] }],
    [{ assignee_id: 'me' as const }, [], {}],
  ])('casePatch(%j) on %j -> %j', (changes, tags, out) => expect(casePatch(changes, tags)).toEqual(out));

  it.each([
    [{ status: 'open', tags: ['a'] }, { status: 'open', tags: ['a', 'b'] }, ['tags']],
    [{ status: 'new', assignee_id: null }, { status: 'pending', assignee_id: null }, ['status']],
    [{ team_id: 't' }, { team_id: null }, ['team_id']],
  ])('changedNames(%j, %j) -> %j', (before, patch, out) => expect(changedNames(before, patch)).toEqual(out));
});
