import type { StreamEvent } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../infra/actor.ts';
import type { RealtimeHub, RealtimeMessage } from '../../infra/realtime.ts';
import { findCaseOwner } from './realtime.queries.ts';
import { customerMayHear, forCustomer, staffMayHear } from './realtime.rules.ts';

export type Send = (type: string, data: unknown) => void;

// One lookup per event however many of the workspace's customers are connected to this process.
const owners = new WeakMap<RealtimeMessage, Promise<string | null>>();

function caseOwner(deps: Deps, m: RealtimeMessage): Promise<string | null> {
  let owner = owners.get(m);
  if (!owner) {
    owner = findCaseOwner(deps.db, m.workspace_id, m.case_id ?? '');
    owners.set(m, owner);
  }
  return owner;
}

/**
 * Subscribes an actor to their workspace's events: staff hear everything (of notification signals
 * only their own), a customer only what concerns their own cases (never internal notes or
 * staff-only changes). A customer's events wait for a lookup, so they go through a queue to keep
 * their order.
 */
export async function openStream(deps: Deps, hub: RealtimeHub, actor: Actor, send: Send) {
  const onResync = () => send('resync', {});
  if (actor.kind === 'staff') {
    const onMessage = (m: RealtimeMessage) => {
      if (staffMayHear(m as StreamEvent, actor.staffId)) send(m.type, m);
    };
    return hub.subscribe({ workspaceId: actor.workspaceId, onMessage, onResync });
  }
  let queue = Promise.resolve();
  const forward = async (m: RealtimeMessage) => {
    const e = m as StreamEvent;
    if (!customerMayHear(e)) return;
    const shown = forCustomer(e, await caseOwner(deps, m), actor.customerId);
    if (shown) send(shown.type, shown);
  };
  return hub.subscribe({
    workspaceId: actor.workspaceId,
    onMessage: (m) => {
      queue = queue.then(() =>
        forward(m).catch((err: unknown) => deps.log.warn({ err }, 'could not route a realtime event')),
      );
    },
    onResync,
  });
}
