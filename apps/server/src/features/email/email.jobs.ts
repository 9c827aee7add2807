import type { Task } from 'graphile-worker';
import type { Deps } from '../../deps.ts';
import { processInbound } from './inbound.service.ts';
import { notifyAgentReplied } from './notify.service.ts';
import { queueReply, sendOutgoing } from './outbound.service.ts';

/** `email.process`: thread one stored inbound message (idempotent on its status and Message-ID). */
export const emailProcessJob =
  (deps: Deps): Task =>
  async (payload) => {
    const id = (payload as { inbound_id?: string }).inbound_id;
    if (id) await processInbound(deps, id);
  };

/**
 * `email.reply`: subscribed to message.added. A public reply of ours reaches the customer by mail:
 * on an email case as the mail itself, on any other channel as the "agent replied" notification.
 * One job for both (which applies depends on the case's channel, which the writer does not read):
 * every reply used to queue two, one of which always found nothing to do.
 */
export const emailReplyJob =
  (deps: Deps): Task =>
  async (payload) => {
    const p = payload as {
      workspace_id: string;
      data?: { message_id?: string; visibility?: string; purpose?: string };
    };
    if (p.data?.visibility !== 'public' || !p.data.message_id) return;
    // A decision goes out as the decision notification (email.notify_decision), framed.
    if (p.data.purpose === 'decision') return;
    const queued = await queueReply(deps, p.workspace_id, p.data.message_id);
    if (queued === null) await notifyAgentReplied(deps, p.workspace_id, p.data.message_id);
  };

/** `email.send`: one outgoing mail, keyed by its id; graphile-worker retries failures with backoff. */
export const emailSendJob =
  (deps: Deps): Task =>
  async (payload) => {
    const id = (payload as { outgoing_id?: string }).outgoing_id;
    if (id) await sendOutgoing(deps, id);
  };
