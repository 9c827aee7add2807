import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { AppError } from '../../infra/errors.ts';
import { newToken, tokenHash } from '../../infra/tokens.ts';
import { createSession, currentUser } from '../sessions/index.ts';
import * as q from './portal.queries.ts';
import { magicLinkEmail } from './portal.rules.ts';

/**
 * Sends a one-time sign-in link to a customer's address (one per workspace the address belongs to
 * when no workspace is named). Says nothing about whether the address is known, so the form
 * cannot be used to find out who is a customer.
 */
export async function requestMagicLink(
  deps: Deps,
  input: { email: string; workspace?: string },
): Promise<void> {
  const customers = await q.findCustomersByEmail(deps.db, input.email, input.workspace);
  for (const customer of customers) {
    const token = newToken();
    const now = deps.clock.now();
    await q.insertMagicLink(deps.db, {
      token_hash: tokenHash(token),
      workspace_id: customer.workspace_id,
      customer_id: customer.id,
      created_at: now,
      expires_at: new Date(now.getTime() + deps.config.MAGIC_LINK_TTL_MINUTES * 60_000),
    });
    const link = `${deps.config.PUBLIC_URL}/portal/sign-in?token=${encodeURIComponent(token)}`;
    await deps.mailer.send({
      to: input.email,
      ...magicLinkEmail({
        name: customer.name,
        workspace: customer.workspace_name,
        link,
        minutes: deps.config.MAGIC_LINK_TTL_MINUTES,
      }),
    });
  }
}

export async function redeemMagicLink(deps: Deps, token: string, userAgent: string | null) {
  const session = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const link = await q.consumeMagicLink(trx, tokenHash(token), now);
    if (!link) {
      throw new AppError('unauthenticated', 'This sign-in link is not valid any more; ask for a new one', {
        reason: 'magic_link_invalid',
      });
    }
    const s = await createSession(
      deps,
      trx,
      { workspace_id: link.workspace_id, staff_id: null, customer_id: link.customer_id },
      { kind: 'browser', userAgent },
    );
    await emit(
      trx,
      { workspaceId: link.workspace_id, actor: { kind: 'customer', id: link.customer_id }, at: now },
      [{ type: 'customer.signed_in', data: { via: 'magic_link' } }],
    );
    return { ...s, customerId: link.customer_id };
  });
  return { ...session, user: await currentUser(deps, { kind: 'customer', customerId: session.customerId }) };
}
