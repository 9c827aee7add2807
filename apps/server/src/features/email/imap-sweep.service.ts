import type { Deps } from '../../deps.ts';
import * as q from './imap.queries.ts';

export const SWEEP_EVERY_MINUTES = 5;

/**
 * The safety net of the poll chains (a job lost with a database restore, a mailbox switched to
 * IMAP by hand): queues a poll for every IMAP mailbox that has none, keeping queued ones' times.
 */
export async function ensureImapPolls(deps: Deps) {
  const boxes = await q.imapMailboxIds(deps.db);
  for (const b of boxes) await q.schedulePoll(deps.db, b.mailbox_id, deps.clock.now(), 'preserve_run_at');
  await q.scheduleSweep(deps.db, SWEEP_EVERY_MINUTES);
  return boxes.length;
}
