/** Pure decisions about mail: loops, threading keys, quoted history, outgoing headers. No I/O. */

export type HeaderLookup = (name: string) => string | undefined;

/** Why a message must not open or touch a case (auto-reply, bounce, list, our own mail), or null. */
export function automatedReason(h: HeaderLookup, from: string, contentType: string): string | null {
  const auto = h('auto-submitted')?.trim().toLowerCase();
  if (auto && auto !== 'no') return 'auto_submitted';
  const precedence = h('precedence')?.trim().toLowerCase();
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) return 'precedence_bulk';
  if (h('x-fairdesk-loop') !== undefined || h('x-fairdesk-case') !== undefined) return 'own_mail_loop';
  if (h('x-autoreply') !== undefined || h('x-autorespond') !== undefined) return 'auto_reply';
  if (/^multipart\/report/i.test(contentType) || /delivery-status/i.test(contentType)) return 'bounce';
  if (/^(mailer-daemon|postmaster)@/i.test(from)) return 'bounce';
  if (h('list-id') !== undefined && h('list-unsubscribe') !== undefined) return 'mailing_list';
  return null;
}

/** Size of the header block (before the first empty line), in bytes. */
export function headerBlockSize(raw: Uint8Array): number {
  for (let i = 0; i + 1 < raw.length; i++) {
    if (raw[i] === 0x0a && (raw[i + 1] === 0x0a || (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a))) return i;
  }
  return raw.length;
}

export const MAX_HEADER_BYTES = 64 * 1024;
export const MAX_ATTACHMENTS = 50;

/** The token of a reply address `reply+<token>@<domain>` among the given addresses. */
export function replyTokenIn(addresses: string[], domain: string): string | null {
  const d = domain.toLowerCase();
  for (const a of addresses) {
    const m = /^reply\+([a-z0-9_-]{8,64})@(.+)$/i.exec(a.trim());
    if (m && m[2]!.toLowerCase() === d) return m[1]!;
  }
  return null;
}

/** `[#1234]` anywhere in the subject. */
export function caseNumberInSubject(subject: string): number | null {
  const m = /\[#(\d{1,9})\]/.exec(subject);
  return m ? Number(m[1]) : null;
}

/** Message-IDs named by In-Reply-To and References, nearest first. */
export function threadIds(
  inReplyTo: string | undefined,
  references: string | string[] | undefined,
): string[] {
  const refs = Array.isArray(references) ? references : references ? references.split(/\s+/) : [];
  const ids = [...(inReplyTo ? inReplyTo.split(/\s+/) : []), ...refs.reverse()]
    .map((s) => s.trim())
    .filter((s) => s.length > 2);
  return [...new Set(ids)].slice(0, 50);
}

const QUOTE_HEADS = [
  /^On .{3,300}wrote:\s*$/, // Gmail, Apple Mail, Thunderbird
  /^Le .{3,300}a écrit\s*:\s*$/,
  /^Am .{3,300}schrieb.{0,100}:\s*$/,
  /^-{2,}\s*Original Message\s*-{2,}\s*$/i, // Outlook (older)
  /^-{2,}\s*Forwarded message\s*-{2,}\s*$/i,
  /^_{10,}\s*$/, // Outlook web: a rule above From:
];
const SIGNATURE_HEADS = [/^-- ?$/, /^Sent from my /i, /^Get Outlook for /i, /^Sent from Mail for Windows/i];

/**
 * The new part of a reply: cut at the first quote header or signature delimiter, and drop
 * `>`-quoted lines. Falls back to the whole text when nothing would be left.
 */
export function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.trim();
    const next = lines[i + 1]?.trim() ?? '';
    // Outlook: the header block of the quoted message.
    const isFromBlock = /^From:\s/.test(t) && /^(Sent|Date|To):\s/.test(next);
    if (QUOTE_HEADS.some((re) => re.test(t)) || isFromBlock) break;
    // A two-line Gmail header: "On Mon, ... <x@y>\nwrote:"
    if (/^On .{3,300}$/.test(t) && /^wrote:\s*$/.test(next)) break;
    if (SIGNATURE_HEADS.some((re) => re.test(line.trimEnd()))) break;
    if (t.startsWith('>')) continue;
    kept.push(line);
  }
  const out = kept.join('\n').trim();
  return out.length > 0 ? out : text.trim();
}

/**
 * A mail part's media type as it is stored and later sent as the download's Content-Type: the bare
 * `type/subtype` (RFC 6838's name characters, without parameters), or `application/octet-stream`
 * when damaged mail gives anything else. A NUL would fail the insert (error 22021), and a control
 * character the header of every later download.
 */
export function partMediaType(raw: unknown): string {
  // The parser's typing says a string; damaged mail has given it something else.
  if (typeof raw !== 'string') return 'application/octet-stream';
  // Parameters (a charset) are not kept: the download is sent as the bytes stored.
  const t = raw.split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(t)
    ? t
    : 'application/octet-stream';
}

/**
 * Text from a message's headers as PostgreSQL can store it: no NUL characters (text columns refuse
 * them, error 22021) and no half surrogate pairs. Hostile mail puts both anywhere.
 */
export const storable = (s: string): string => s.replaceAll('\u0000', '').toWellFormed();

/** A body fit for the messages table (1..100000 characters). */
export function messageBody(text: string): string {
  const t = text.replaceAll('\u0000', '').trim();
  if (!t) return '(This email had no text.)';
  return t.length > 100_000 ? `${t.slice(0, 99_980)}\n[… shortened]` : t;
}

/** A subject fit for a case (1..300 characters). */
export function caseSubject(subject: string | undefined): string {
  const s = [...(subject ?? '')]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? ' ' : ch))
    .join('')
    .trim();
  return (s || '(no subject)').slice(0, 300);
}

/** The outgoing subject: the case number in brackets, once, after `Re:`. */
export function outgoingSubject(number: number, subject: string): string {
  const bare = subject.replace(/\[#\d+\]\s*/g, '').replace(/^(re|aw|sv|fw|fwd):\s*/i, '');
  return `Re: [#${number}] ${bare}`.slice(0, 998);
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text as simple HTML paragraphs. */
export function htmlFromText(text: string): string {
  const paras = text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return `<!doctype html><html><body>${paras}</body></html>`;
}

/** A References header: the thread so far (oldest first), capped so headers stay small. */
export function referencesHeader(ids: string[]): string | null {
  const list = ids.slice(-20);
  return list.length ? list.join(' ') : null;
}

/** Per-sender sliding window: true when this sender may send one more message now. */
export function allowSender(
  times: number[],
  now: number,
  perMinute: number,
): { ok: boolean; times: number[] } {
  const recent = times.filter((t) => now - t < 60_000);
  if (recent.length >= perMinute) return { ok: false, times: recent };
  recent.push(now);
  return { ok: true, times: recent };
}
