import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { actorRef, type StaffActor } from '../../infra/actor.ts';
import { changedFields } from '../../infra/changes.ts';
import type { Executor } from '../../infra/db.ts';
import type { EventActor } from '../../infra/emit.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import { forgetSessions } from '../sessions/index.ts';
import * as mq from './customer-merge.queries.ts';
import { mergedFields } from './customer-merge.rules.ts';
import * as q from './customers.queries.ts';

/**
 * Moves a customer's cases to another customer. Cases are the cases feature's to write; app.ts
 * hands its function in, since that feature already depends on this one.
 */
export type CaseMover = (
  deps: Deps,
  trx: Executor,
  workspaceId: string,
  fromId: string,
  toId: string,
  by: EventActor,
) => Promise<number>;

/**
 * Merges a duplicate (source) into the customer that stays (target): the source's addresses,
 * cases and notes move over, then the source is deleted, all in one transaction.
 */
export async function mergeCustomers(
  deps: Deps,
  actor: StaffActor,
  targetId: string,
  sourceId: string,
  moveCases: CaseMover,
) {
  if (targetId === sourceId) {
    throw new AppError('invalid', 'A customer cannot be merged into itself', {
      reason: 'merge_same_customer',
    });
  }
  const ws = actor.workspaceId;
  const merged = await deps.db.transaction().execute(async (trx) => {
    const locked = new Set((await mq.lockCustomers(trx, ws, [targetId, sourceId])).map((r) => r.id));
    if (!locked.has(targetId)) throw notFound('Customer');
    if (!locked.has(sourceId)) {
      throw new AppError('invalid', 'There is no such customer in this workspace to merge', {
        reason: 'unknown_customer',
      });
    }
    const target = (await q.findCustomer(trx, ws, targetId))!;
    const source = (await q.findCustomer(trx, ws, sourceId))!;
    const at = deps.clock.now();
    const fill = mergedFields(target, source);
    const changes = changedFields(target, fill);
    // The organisation first: the moved cases take the survivor's organisation as it ends up.
    await q.updateCustomer(trx, targetId, { ...fill, updated_at: at });
    const by = actorRef(actor);
    const caseCount = await moveCases(deps, trx, ws, sourceId, targetId, by);
    const emails = await mq.moveAddresses(trx, sourceId, targetId);
    await mq.deleteCustomer(trx, sourceId);
    await emit(trx, { workspaceId: ws, actor: by, at }, [
      {
        type: 'customer.merged',
        data: {
          customer_id: targetId,
          source_id: sourceId,
          source_name: source.name,
          source_email: source.email,
          emails,
          case_count: caseCount,
          changes,
        },
      },
    ]);
    return (await q.findCustomer(trx, ws, targetId))!;
  });
  forgetSessions(deps); // the merged-away customer's sessions went with it (on delete cascade)
  return merged;
}
