/**
 * Customer notification templates: which placeholders each kind offers, checking a template,
 * rendering it to a subject, plain text and safe HTML, and choosing the customer's language.
 * Pure: no I/O.
 */

export const NOTIFICATION_KINDS = ['case_received', 'agent_replied', 'decision_made'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const COMMON = [
  'customer.name',
  'customer.first_name',
  'case.number',
  'case.subject',
  'case.url',
  'workspace.name',
] as const;

/** The placeholders a kind may use; anything else is refused when the template is saved. */
export const PLACEHOLDERS: Record<NotificationKind, readonly string[]> = {
  case_received: COMMON,
  agent_replied: [...COMMON, 'agent.name', 'reply.text'],
  decision_made: [...COMMON, 'agent.name', 'decision.text'],
};

export type TemplateText = { subject: string; body: string };
export type Values = Record<string, string>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The names written as `{{ name }}`, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export type TemplateCheck = { ok: true } | { ok: false; reason: 'unknown_placeholder'; unknown: string[] };

/** A template may only use its kind's placeholders (a typo would reach customers as blank text). */
export function checkTemplate(kind: NotificationKind, t: TemplateText): TemplateCheck {
  const allowed = new Set(PLACEHOLDERS[kind]);
  const unknown = placeholdersIn(`${t.subject}\n${t.body}`).filter((p) => !allowed.has(p));
  return unknown.length ? { ok: false, reason: 'unknown_placeholder', unknown } : { ok: true };
}

/** Fills the placeholders; one that has no value becomes empty. */
export function fill(text: string, values: Values): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}

/** One line, the case number in brackets (how replies find their case), at most 300 characters. */
export function renderSubject(template: string, values: Values, caseNumber: number): string {
  const line = fill(template, values).replace(/\s+/g, ' ').trim();
  const tagged = line.includes(`[#${caseNumber}]`) ? line : `[#${caseNumber}] ${line}`.trim();
  return tagged.slice(0, 300);
}

export const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Web addresses in already escaped text become links; nothing but http(s) is ever linked. */
function linkify(escaped: string): string {
  // An escaped quote or angle bracket ends the address; `&amp;` stays part of it.
  return escaped.replace(/https?:\/\/(?:(?!&quot;|&#39;|&lt;|&gt;)\S)+/g, (url) => {
    const trail = /[.,;:!?)]+$/.exec(url)?.[0] ?? '';
    const href = url.slice(0, url.length - trail.length);
    return `<a href="${href}">${href}</a>${trail}`;
  });
}

const BULLET = /^\s*[-*]\s+/;

/** A block of lines: runs of `- ` lines become a list, other runs a paragraph with line breaks. */
function blockHtml(block: string): string {
  const runs: { list: boolean; lines: string[] }[] = [];
  for (const line of block.split('\n')) {
    const list = BULLET.test(line);
    const last = runs[runs.length - 1];
    if (last && last.list === list) last.lines.push(line);
    else runs.push({ list, lines: [line] });
  }
  return runs
    .map((r) =>
      r.list
        ? `<ul>${r.lines.map((l) => `<li>${linkify(escapeHtml(l.replace(BULLET, '')))}</li>`).join('')}</ul>`
        : `<p>${r.lines.map((l) => linkify(escapeHtml(l))).join('<br>')}</p>`,
    )
    .join('\n');
}

/**
 * The HTML part of a rendered text. Everything is escaped, so neither the template nor a value
 * (a reply, a case subject) can add markup; blank lines make paragraphs, `- ` lines make lists,
 * and web addresses become links.
 */
export function htmlFromPlain(text: string, language: string): string {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.replace(/^\n+|\s+$/g, ''))
    .filter((b) => b.trim().length > 0);
  const lang = /^[a-z]{2,3}$/.test(language) ? language : 'en';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>\n${blocks
    .map(blockHtml)
    .join('\n')}\n</body></html>`;
}

/** Subject, text and HTML of a template with its values. */
export function renderTemplate(t: TemplateText, values: Values, caseNumber: number, language: string) {
  const text = fill(t.body, values)
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { subject: renderSubject(t.subject, values, caseNumber), text, html: htmlFromPlain(text, language) };
}

/** The primary subtag of a BCP 47 tag: `de-AT` → `de`; null when it is not one. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const first = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(first) ? first : null;
}

/**
 * The language to write to a customer in: theirs if the workspace serves it, else the
 * workspace's first language, else English; the first of these that has a template.
 */
export function chooseLanguage(
  customerLanguage: string | null | undefined,
  workspaceLanguages: readonly string[],
  hasTemplate: (language: string) => boolean,
): string {
  const served = workspaceLanguages.map(primaryLanguage).filter((l): l is string => l !== null);
  const own = primaryLanguage(customerLanguage);
  const candidates = [own && served.includes(own) ? own : null, served[0] ?? null, 'en'];
  return candidates.find((l): l is string => l !== null && hasTemplate(l)) ?? 'en';
}

/** The workspace's languages as primary subtags, in order, without repeats; English if none. */
export function servedLanguages(workspaceLanguages: readonly string[]): string[] {
  const list = [...new Set(workspaceLanguages.map(primaryLanguage).filter((l): l is string => l !== null))];
  return list.length ? list : ['en'];
}

/** The first word of a name, for a greeting. */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

/** The address of a case in the customer portal. */
export const portalCaseUrl = (publicUrl: string, caseId: string) =>
  `${publicUrl.replace(/\/+$/, '')}/portal/cases/${caseId}`;

/** A customer can be written to only at a plausible address. */
export const mailable = (email: string | null | undefined) =>
  typeof email === 'string' && /^[^\s@]+@[^\s@]+$/.test(email);
