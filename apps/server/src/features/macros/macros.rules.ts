import type { MacroChanges } from '@fairdesk/contract';

/** The placeholders a macro may use, with what each says when its value is missing. */
export const PLACEHOLDERS = [
  { key: 'customer.first_name', description: "The customer's first name", fallback: 'there' },
  { key: 'customer.name', description: "The customer's full name", fallback: 'there' },
  { key: 'customer.email', description: "The customer's email address", fallback: '' },
  { key: 'case.number', description: 'The case number, e.g. 1042', fallback: '' },
  { key: 'case.subject', description: "The case's subject", fallback: '' },
  {
    key: 'agent.first_name',
    description: 'Your first name',
    fallback: 'The <workspace> team',
  },
  {
    key: 'agent.name',
    description: 'Your full name',
    fallback: 'The <workspace> team',
  },
  { key: 'workspace.name', description: 'Your organisation’s name', fallback: '' },
] as const;
export type PlaceholderKey = (typeof PLACEHOLDERS)[number]['key'];

const KNOWN = new Set<string>(PLACEHOLDERS.map((p) => p.key));
// `{{ key }}` with optional spaces; anything between the braces counts, so typos are caught.
const PLACEHOLDER_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders named in a body, in order of first appearance. */
export function placeholdersIn(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER_RE)].map((m) => m[1] ?? ''))];
}

export const unknownPlaceholders = (body: string): string[] =>
  placeholdersIn(body).filter((k) => !KNOWN.has(k));

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam']);

/**
 * A first name to greet someone by, or null when the name does not give one: "Alex Morgan" ->
 * Alex, "Morgan, Alex" -> Alex, "Dr Alex Morgan" -> Alex, but "Mr Morgan" and an email address used
 * as a name give none (the greeting then falls back to "there").
 */
export function firstNameOf(name: string | null | undefined): string | null {
  const trimmed = (name ?? '').trim();
  if (!trimmed || trimmed.includes('@')) return null;
  const comma = trimmed.indexOf(',');
  const ordered = comma > 0 ? trimmed.slice(comma + 1).trim() : trimmed;
  const words = ordered.split(/\s+/).filter(Boolean);
  const first = words.findIndex((w) => !HONORIFICS.has(w.toLowerCase().replace(/\.$/, '')));
  // A title followed by one word is a surname ("Mr Morgan"): no first name to use.
  if (first < 0 || (first > 0 && first === words.length - 1)) return null;
  return words[first] ?? null;
}

export type RenderContext = {
  customer: { name: string | null; email: string | null } | null;
  case: { number: number; subject: string } | null;
  /** Who applies the macro; null when the system sends it. */
  agent: { name: string } | null;
  workspace: { name: string };
};

/** Every placeholder's value for this context, fallbacks filled in. */
export function placeholderValues(ctx: RenderContext): Record<PlaceholderKey, string> {
  const team = `The ${ctx.workspace.name} team`;
  const or = (v: string | null | undefined, fallback: string) => (v?.trim() ? v.trim() : fallback);
  return {
    'customer.first_name': or(firstNameOf(ctx.customer?.name), 'there'),
    'customer.name': or(ctx.customer?.name, 'there'),
    'customer.email': or(ctx.customer?.email, ''),
    'case.number': ctx.case ? String(ctx.case.number) : '',
    'case.subject': or(ctx.case?.subject, ''),
    'agent.first_name': ctx.agent ? or(firstNameOf(ctx.agent.name) ?? ctx.agent.name, team) : team,
    'agent.name': ctx.agent ? or(ctx.agent.name, team) : team,
    'workspace.name': ctx.workspace.name,
  };
}

/** The body with its placeholders filled in, as plain text; unknown ones stay as written. */
export function renderText(body: string, ctx: RenderContext): string {
  const values: Record<string, string> = placeholderValues(ctx);
  return body.replace(PLACEHOLDER_RE, (whole, key: string) => values[key] ?? whole);
}

export const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/**
 * Plain text as HTML for the reply editor: everything escaped (the macro's own text and the
 * values, so a customer named `<b>` stays text), blank lines as paragraphs, single breaks as <br>.
 */
export function textToHtml(text: string): string {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== '');
  return paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
}

export const renderHtml = (body: string, ctx: RenderContext) => textToHtml(renderText(body, ctx));

type Verdict = { ok: true } | { ok: false; reason: string; message: string; details?: unknown };

export const hasChanges = (c: MacroChanges) =>
  Object.entries(c).some(([k, v]) => (k.endsWith('_tags') ? (v as string[]).length > 0 : v !== undefined));

/** Tags a change would both add and remove (a contradiction). */
export const tagsInBoth = (c: MacroChanges) => (c.add_tags ?? []).filter((t) => c.remove_tags?.includes(t));

/** Whether a macro may be saved as written. */
export function checkMacro(m: { body: string; changes: MacroChanges }): Verdict {
  const unknown = unknownPlaceholders(m.body);
  if (unknown.length > 0) {
    const list = unknown.map((k) => `{{${k}}}`).join(', ');
    return {
      ok: false,
      reason: 'unknown_placeholder',
      message: `Unknown placeholder ${list}; use one of ${PLACEHOLDERS.map((p) => `{{${p.key}}}`).join(', ')}`,
      details: { placeholders: unknown },
    };
  }
  if (!m.body.trim() && !hasChanges(m.changes)) {
    return { ok: false, reason: 'macro_empty', message: 'A macro needs a text, field changes, or both' };
  }
  const both = tagsInBoth(m.changes);
  if (both.length > 0) {
    return {
      ok: false,
      reason: 'tag_added_and_removed',
      message: `A tag cannot be both added and removed: ${both.join(', ')}`,
      details: { tags: both },
    };
  }
  return { ok: true };
}

/** `me` becomes the staff member applying the macro; the system has no "me", so it is left alone. */
export function resolveMe(changes: MacroChanges, staffId: string | null): MacroChanges {
  if (changes.assignee_id !== 'me') return changes;
  if (staffId) return { ...changes, assignee_id: staffId };
  const { assignee_id: _, ...rest } = changes;
  return rest;
}

/** The case's tags after adding and removing, in their original order with new ones last. */
export function tagsAfter(current: readonly string[], add: readonly string[], remove: readonly string[]) {
  const kept = current.filter((t) => !remove.includes(t));
  return [...kept, ...add.filter((t) => !kept.includes(t))];
}

/** The case update a macro's (resolved) changes make on a case with these tags. */
export function casePatch(changes: MacroChanges, currentTags: readonly string[]) {
  const patch: {
    status?: MacroChanges['status'];
    priority?: MacroChanges['priority'];
    team_id?: string | null;
    assignee_id?: string | null;
    tags?: string[];
  } = {};
  if (changes.status) patch.status = changes.status;
  if (changes.priority) patch.priority = changes.priority;
  if (changes.team_id !== undefined) patch.team_id = changes.team_id;
  if (changes.assignee_id !== undefined && changes.assignee_id !== 'me')
    patch.assignee_id = changes.assignee_id;
  if (changes.add_tags?.length || changes.remove_tags?.length) {
    patch.tags = tagsAfter(currentTags, changes.add_tags ?? [], changes.remove_tags ?? []);
  }
  return patch;
}

/** The names of the fields a patch really changes on this case. */
export function changedNames(before: Record<string, unknown>, patch: Record<string, unknown>): string[] {
  return Object.entries(patch)
    .filter(([k, v]) => v !== undefined && JSON.stringify(before[k]) !== JSON.stringify(v))
    .map(([k]) => k);
}

/** A sample case for the admin preview, so placeholders show real-looking values. */
export const SAMPLE_CONTEXT = {
  customer: { name: 'Alex Morgan', email: 'alex.morgan@example.com' },
  case: { number: 1042, subject: 'Where is my order?' },
};
