import type { CaseListQuery, CaseStatus } from '@fairdesk/contract';

/** Where each status may go. `closed` is final: a later message opens a new case instead. */
export const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['open', 'pending', 'on_hold', 'solved'],
  open: ['pending', 'on_hold', 'solved'],
  pending: ['open', 'on_hold', 'solved'],
  on_hold: ['open', 'pending', 'solved'],
  solved: ['open', 'closed'],
  closed: [],
};

export type Audience = 'staff' | 'customer';

export function canTransition(from: CaseStatus, to: CaseStatus, who: Audience): boolean {
  if (from === to) return true;
  if (!TRANSITIONS[from].includes(to)) return false;
  // Customers may only say their problem is solved; everything else is the team's call.
  return who === 'staff' || to === 'solved';
}

/** The timestamps a status change sets or clears. */
export function statusStamps(from: CaseStatus, to: CaseStatus, now: Date) {
  if (from === to) return {};
  return {
    solved_at: to === 'solved' ? now : to === 'closed' ? undefined : null,
    closed_at: to === 'closed' ? now : null,
  };
}

/** What a new message does to the case's status, if anything. */
export function statusAfterMessage(
  status: CaseStatus,
  m: { author: Audience; visibility: 'public' | 'internal' },
): CaseStatus {
  if (m.visibility === 'internal') return status;
  if (m.author === 'staff') return status === 'new' ? 'open' : status;
  // A customer writing again means the case needs us: it leaves pending and solved.
  return status === 'pending' || status === 'solved' || status === 'on_hold' ? 'open' : status;
}

export const isActive = (s: CaseStatus) => s !== 'solved' && s !== 'closed';

/** The actions the UI may offer, per audience; the server checks the same rules on every write. */
export function caseAbilities(status: CaseStatus, who: Audience) {
  const closed = status === 'closed';
  const transitions = TRANSITIONS[status].filter((to) => canTransition(status, to, who));
  if (who === 'customer') {
    return {
      update: false,
      reply: !closed,
      add_internal_note: false,
      assign: false,
      solve: isActive(status),
      reopen: false,
      close: false,
      transitions,
    };
  }
  return {
    update: !closed,
    reply: !closed,
    add_internal_note: true,
    assign: !closed,
    solve: isActive(status),
    reopen: status === 'solved',
    close: status === 'solved',
    transitions,
  };
}

export type Cursor = { at: string; id: string };

export const encodeCursor = (c: Cursor): string =>
  Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');

export function decodeCursor(raw: string): Cursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [at, id] = v;
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return null;
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    return { at, id };
  } catch {
    return null;
  }
}

/**
 * The key a staff member's list page is kept under in its workspace (case-list.service.ts), or null
 * when it is not kept: a text query's pages are too varied to be asked for twice. Every filter is
 * part of the key, whatever filters are added later; the staff member only with `assignee_id=me`,
 * the one filter whose page differs between staff.
 */
export function keptListKey(staffId: string, f: CaseListQuery): string | null {
  if (f.q !== undefined) return null;
  const filters = JSON.stringify(f, Object.keys(f).sort());
  return f.assignee_id === 'me' ? `${staffId} ${filters}` : filters;
}

/**
 * A place in the due-soonest order: cases with a running target by (due, id), then the others by
 * case number (due null).
 */
export type DueCursor = { due: string | null; id: string; number: number };

export const encodeDueCursor = (c: DueCursor): string =>
  Buffer.from(JSON.stringify(['due', c.due, c.id, c.number])).toString('base64url');

export function decodeDueCursor(raw: string): DueCursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 4 || v[0] !== 'due') return null;
    const [, due, id, number] = v;
    if (due !== null && (typeof due !== 'string' || Number.isNaN(Date.parse(due)))) return null;
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    if (!Number.isSafeInteger(number)) return null;
    return { due, id, number };
  } catch {
    return null;
  }
}

/** Search headlines come back from PostgreSQL with these markers around matches. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/**
 * A number's sign stays outside its mark: search reads integers unsigned (TH-20007 is 'th' and
 * '20007', migration 20261127T0100_search_numbers), but PostgreSQL's headline marks the token the
 * parser saw, '-20007'.
 */
const SIGNED_MARK = new RegExp(`${MARK_START}([-+])(?=[0-9])`, 'g');

/** Escapes a headline as HTML and turns the match markers into <mark> elements. */
export function headlineToHtml(raw: string): string {
  const escaped = raw
    .replace(SIGNED_MARK, `$1${MARK_START}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  return escaped.replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

const ALLOWED_TYPES = [
  /^image\/(png|jpeg|gif|webp|heic|heif)$/,
  /^application\/pdf$/,
  /^text\/(plain|csv)$/,
  /^application\/(zip|x-zip-compressed)$/,
  /^application\/(msword|vnd\.openxmlformats-officedocument\.[a-z.]+|vnd\.oasis\.opendocument\.[a-z.]+|vnd\.ms-excel)$/,
  /^message\/rfc822$/,
  /^video\/(mp4|quicktime)$/,
];

/** Attachment types we accept; executables and scripts are refused whatever their name. */
export function attachmentAllowed(contentType: string, filename: string): boolean {
  if (/\.(exe|bat|cmd|com|scr|js|vbs|msi|ps1|sh|jar|dll)$/i.test(filename)) return false;
  return ALLOWED_TYPES.some((re) => re.test(contentType.toLowerCase()));
}

/** A file name safe to store and send back in Content-Disposition. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // Control characters and quotes would break the Content-Disposition header.
  const cleaned = [...base]
    .filter((ch) => ch !== '"' && ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned || 'attachment';
}
