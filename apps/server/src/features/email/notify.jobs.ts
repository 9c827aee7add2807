import type { Task } from 'graphile-worker';
import type { Deps } from '../../deps.ts';
import { notifyAgentReplied, notifyCaseReceived, notifyDecisionMade } from './notify.service.ts';

// Customer notifications, each subscribed to an event. Idempotent: the mail is unique to its cause.
type EventPayload = { workspace_id: string; case_id: string | null; data?: Record<string, unknown> };

/** `email.notify_received`, on case.created. */
export const notifyReceivedJob =
  (deps: Deps): Task =>
  async (payload) => {
    const p = payload as EventPayload;
    if (p.case_id) await notifyCaseReceived(deps, p.workspace_id, p.case_id);
  };

/**
 * `email.notify_reply`: what `email.reply` now does for cases of other channels than email; kept so
 * that jobs queued before that change still run. A message that tells a decision is left to
 * `email.notify_decision` (the policies feature marks it `purpose: 'decision'`), so the customer
 * gets one mail about it, not two.
 */
export const notifyReplyJob =
  (deps: Deps): Task =>
  async (payload) => {
    const p = payload as EventPayload;
    const messageId = p.data?.message_id;
    if (p.data?.visibility !== 'public' || typeof messageId !== 'string') return;
    if (p.data.purpose === 'decision') return;
    await notifyAgentReplied(deps, p.workspace_id, messageId);
  };

/** `email.notify_decision`, on decision.communicated. */
export const notifyDecisionJob =
  (deps: Deps): Task =>
  async (payload) => {
    const id = (payload as EventPayload).data?.communication_id;
    if (typeof id === 'string') await notifyDecisionMade(deps, (payload as EventPayload).workspace_id, id);
  };
