// Pure decisions of IMAP polling: what to fetch, when to poll next, how to word a failure.

/** The longest wait between polls of a failing mailbox. */
export const MAX_BACKOFF_SECONDS = 3600;
/** Messages stored per poll at most; a mailbox with more is polled again at once. */
export const POLL_BATCH = 100;

/** Seconds until the next poll: the mailbox's interval, doubled per failure in a row, capped. */
export function nextPollSeconds(pollSeconds: number, failures: number): number {
  if (failures <= 0) return pollSeconds;
  const backoff = pollSeconds * 2 ** Math.min(failures, 20);
  return Math.max(pollSeconds, Math.min(backoff, MAX_BACKOFF_SECONDS));
}

export type PollPlan =
  /** UIDs continue: fetch everything above the last stored one, read or not. */
  | { kind: 'continue'; afterUid: number }
  /**
   * First poll, or the folder's UIDVALIDITY changed so old UIDs mean nothing: take the unread
   * messages (already stored ones were marked read; Message-ID idempotence catches the rest).
   */
  | { kind: 'resync' };

export function pollPlan(
  stored: { uidValidity: number | null; lastUid: number },
  folder: { uidValidity: number },
): PollPlan {
  if (stored.uidValidity === null || stored.uidValidity !== folder.uidValidity) return { kind: 'resync' };
  return { kind: 'continue', afterUid: stored.lastUid };
}

/** The UIDs to take this poll, ascending, above `afterUid` (IMAP's `n:*` also returns the last one). */
export function uidsToTake(uids: number[], afterUid: number, limit = POLL_BATCH): number[] {
  return [...new Set(uids)]
    .filter((u) => u > afterUid)
    .sort((a, b) => a - b)
    .slice(0, limit);
}

type ImapFailure = {
  authenticationFailed?: boolean;
  responseText?: string;
  code?: string;
  message?: string;
};

/** A failure in words an admin can act on, with the server's own answer where it gave one. */
export function describeImapFailure(err: unknown, where: { host: string; port: number; folder?: string }) {
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as ImapFailure;
  const server = e.responseText?.trim();
  if (e.authenticationFailed) return `Login refused${server ? `: ${server}` : ''}`;
  switch (e.code) {
    case 'ECONNREFUSED':
      return `Connection refused by ${where.host}:${where.port}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Host not found: ${where.host}`;
    case 'ETIMEDOUT':
    case 'CONNECT_TIMEOUT':
    case 'GREETING_TIMEOUT':
      return `No answer from ${where.host}:${where.port} in time`;
    case 'NoConnection':
      return `The connection to ${where.host}:${where.port} closed`;
  }
  if (e.code?.startsWith('ERR_SSL') || /SSL|TLS|certificate/i.test(e.message ?? ''))
    return `TLS failed: ${e.message}`;
  if (server) return `The server said: ${server}`;
  return (e.message ?? 'Unknown error').slice(0, 500);
}
