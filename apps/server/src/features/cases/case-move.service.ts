import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import type { Executor } from '../../infra/db.ts';
import type { EventActor } from '../../infra/emit.ts';
import { AppError } from '../../infra/errors.ts';
import * as q from './cases.queries.ts';

/**
 * Moves every case of one customer to another (merging duplicates), with the messages and uploads
 * they authored, inside the caller's transaction. Each case takes the new customer's organisation,
 * gets a new version (an open editor sees it changed) and a `case.updated` event. Returns how many
 * cases moved.
 */
export async function moveCasesToCustomer(
  deps: Deps,
  trx: Executor,
  workspaceId: string,
  fromId: string,
  toId: string,
  by: EventActor,
): Promise<number> {
  const target = await q.findCustomerOrganisation(trx, workspaceId, toId);
  if (!target) {
    throw new AppError('invalid', 'There is no such customer in this workspace', {
      reason: 'unknown_customer',
    });
  }
  const cases = await q.lockCasesOfCustomer(trx, workspaceId, fromId);
  const at = deps.clock.now();
  await q.reassignCases(trx, workspaceId, fromId, {
    customer_id: toId,
    organisation_id: target.organisation_id,
    updated_at: at,
  });
  await q.reattributeCustomerWork(trx, workspaceId, fromId, toId);
  await emit(
    trx,
    { workspaceId, actor: by, at },
    cases.map((c) => ({
      type: 'case.updated' as const,
      case_id: c.id,
      data: {
        changes: {
          customer_id: [fromId, toId],
          ...(c.organisation_id !== target.organisation_id
            ? { organisation_id: [c.organisation_id, target.organisation_id] }
            : {}),
        },
        cause: 'customer_merge',
      },
    })),
  );
  return cases.length;
}
