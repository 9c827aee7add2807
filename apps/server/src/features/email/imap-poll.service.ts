import type { FetchMessageObject, ImapFlow } from 'imapflow';
import type { Deps } from '../../deps.ts';
import { closeImap, connectImap } from './imap.client.ts';
import * as q from './imap.queries.ts';
import { describeImapFailure, nextPollSeconds, pollPlan, uidsToTake } from './imap.rules.ts';
import { openImapPassword } from './imap-secrets.ts';
import { storeInbound } from './inbound.service.ts';

/** How long one poll may hold its mailbox; a worker that died mid-poll frees it after this. */
const LEASE_MS = 15 * 60_000;

type Box = NonNullable<Awaited<ReturnType<typeof q.imapMailboxForPoll>>>;
export type PollResult = {
  status: 'polled' | 'failed' | 'busy' | 'gone';
  stored: number;
  more: boolean;
  error?: string;
};

/**
 * Polls one IMAP mailbox: each new message is stored through the same path as SMTP mail
 * (`storeInbound`: raw row + processing job in one transaction), and only after that commit is
 * it marked \Seen and its UID recorded. A crash in between fetches it again, and the processing
 * job's Message-ID idempotence makes that second copy a recorded duplicate, not a second message.
 */
export async function pollImapMailbox(deps: Deps, mailboxId: string): Promise<PollResult> {
  const box = await q.imapMailboxForPoll(deps.db, mailboxId);
  if (!box) return { status: 'gone', stored: 0, more: false };
  const now = deps.clock.now();
  if (!(await q.claimPoll(deps.db, mailboxId, new Date(now.getTime() + LEASE_MS), now)))
    return { status: 'busy', stored: 0, more: false };
  try {
    const taken = await takeNewMessages(deps, box);
    await q.updateImapState(deps.db, mailboxId, {
      last_poll_at: deps.clock.now(),
      last_success_at: deps.clock.now(),
      last_error: taken.note,
      failures: 0,
      lease_until: null,
    });
    return { status: 'polled', stored: taken.stored, more: taken.more };
  } catch (err) {
    const error = describeImapFailure(err, box);
    deps.log.warn({ err, mailbox: mailboxId, error }, 'imap poll failed');
    await q.updateImapState(deps.db, mailboxId, {
      last_poll_at: deps.clock.now(),
      last_error: error,
      failures: box.failures + 1,
      lease_until: null,
    });
    return { status: 'failed', stored: 0, more: false, error };
  }
}

/** Polls, then queues the mailbox's next poll: soon when more is waiting, later after failures. */
export async function runImapPoll(deps: Deps, mailboxId: string) {
  const result = await pollImapMailbox(deps, mailboxId);
  // Gone: no longer an IMAP mailbox. Busy: the run holding it queues the next poll itself.
  if (result.status === 'gone' || result.status === 'busy') return result;
  const state = await q.imapOfMailbox(deps.db, mailboxId);
  if (!state) return result;
  const seconds = result.more ? 1 : nextPollSeconds(state.poll_seconds, state.failures);
  await q.schedulePoll(deps.db, mailboxId, new Date(deps.clock.now().getTime() + seconds * 1000));
  return result;
}

async function takeNewMessages(deps: Deps, box: Box) {
  let password: string;
  try {
    password = openImapPassword(deps, box.password_sealed);
  } catch {
    throw new Error('The stored password cannot be read (was SECRET_KEY changed?); enter it again');
  }
  const client = await connectImap({ ...box, password }, deps.log);
  try {
    const lock = await client.getMailboxLock(box.folder);
    try {
      return await takeFromFolder(deps, box, client);
    } finally {
      lock.release();
    }
  } finally {
    await closeImap(client);
  }
}

async function takeFromFolder(deps: Deps, box: Box, client: ImapFlow) {
  const folder = client.mailbox;
  if (!folder) throw new Error(`The folder ${box.folder} could not be opened`);
  const uidValidity = Number(folder.uidValidity);
  const uidNext = folder.uidNext; // read before searching: later arrivals are above it
  const plan = pollPlan({ uidValidity: box.uid_validity, lastUid: box.last_uid }, { uidValidity });
  const afterUid = plan.kind === 'continue' ? plan.afterUid : 0;
  const range = plan.kind === 'continue' ? `${afterUid + 1}:*` : await unreadUids(client);
  const sizes = new Map<number, number>();
  if (range)
    for await (const m of client.fetch(range, { uid: true, size: true }, { uid: true }))
      sizes.set(m.uid, m.size ?? 0);
  const uids = uidsToTake([...sizes.keys()], afterUid);
  const skipped: string[] = [];
  for (const uid of uids) {
    const refused = await takeOne(deps, box, client, uid, sizes.get(uid) ?? 0);
    if (refused) skipped.push(refused);
    if (plan.kind === 'continue') await q.updateImapState(deps.db, box.mailbox_id, { last_uid: uid });
  }
  const more = [...sizes.keys()].filter((u) => u > afterUid).length > uids.length;
  if (plan.kind === 'resync' && !more) {
    // Caught up: from now on, UIDs above what the folder held when opened are new.
    await q.updateImapState(deps.db, box.mailbox_id, {
      uid_validity: uidValidity,
      last_uid: Math.max(uidNext - 1, uids.at(-1) ?? 0),
    });
  }
  const note = skipped.length ? `Skipped: ${skipped.join('; ')}`.slice(0, 1000) : null;
  return { stored: uids.length - skipped.length, more, note };
}

async function unreadUids(client: ImapFlow): Promise<number[] | null> {
  const found = await client.search({ seen: false }, { uid: true });
  return found && found.length > 0 ? found : null;
}

/** Stores one message and marks it read; a message over the size limit is left alone and named. */
async function takeOne(deps: Deps, box: Box, client: ImapFlow, uid: number, size: number) {
  const max = deps.config.INBOUND_MAX_BYTES;
  if (size > max) {
    // Left unread in the mailbox for a person to deal with; polling goes on past it.
    deps.log.warn(
      { mailbox: box.mailbox_id, uid, size },
      'imap: message over the size limit left in the mailbox',
    );
    return `UID ${uid} (${size} bytes) is over the ${max}-byte limit`;
  }
  const msg = await client.fetchOne(String(uid), { uid: true, source: true, envelope: true }, { uid: true });
  if (msg !== false && msg.source) await storeFetched(deps, box, msg); // false: expunged meanwhile
  await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
  return null;
}

function storeFetched(deps: Deps, box: Box, msg: FetchMessageObject) {
  return storeInbound(deps, {
    raw: msg.source!,
    mailFrom: msg.envelope?.from?.[0]?.address ?? '',
    rcptTo: [box.address],
    remoteAddress: `imap:${box.host}`,
  });
}
