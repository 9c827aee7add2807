import type { Task } from 'graphile-worker';
import type { Deps } from '../../deps.ts';
import { runImapPoll } from './imap-poll.service.ts';
import { ensureImapPolls } from './imap-sweep.service.ts';

/**
 * `email.imap.poll`: one poll of one IMAP mailbox (job_key per mailbox, so one is queued at a
 * time and workers share the mailboxes); it queues its own next run. Failures are recorded on
 * the mailbox and answered with backoff, not thrown, so the chain never runs out of attempts.
 */
export const imapPollJob =
  (deps: Deps): Task =>
  async (payload) => {
    const id = (payload as { mailbox_id?: string }).mailbox_id;
    if (id) await runImapPoll(deps, id);
  };

/** `email.imap.sweep`: every few minutes, makes sure each IMAP mailbox has its poll queued. */
export const imapSweepJob =
  (deps: Deps): Task =>
  async () => {
    await ensureImapPolls(deps);
  };
