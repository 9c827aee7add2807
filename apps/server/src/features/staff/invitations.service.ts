import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { actorRef, type StaffActor } from '../../infra/actor.ts';
import type { Executor } from '../../infra/db.ts';
import type { EventActor } from '../../infra/emit.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import { hashPassword } from '../../infra/passwords.ts';
import { newToken, tokenHash } from '../../infra/tokens.ts';
import { createSession, currentUser } from '../sessions/index.ts';
import * as iq from './invitations.queries.ts';
import { invitationEmail, invitationExpiry, invitationLink } from './invitations.rules.ts';
import * as q from './staff.queries.ts';

export type Invitation = { token: string; expires_at: Date };

/** A fresh one-time link for a person without a password; earlier links stop working. */
export async function createInvitation(
  deps: Deps,
  trx: Executor,
  workspaceId: string,
  staffId: string,
  by: EventActor,
): Promise<Invitation> {
  const token = newToken();
  const now = deps.clock.now();
  const expires_at = invitationExpiry(now);
  await iq.retireInvitations(trx, staffId, now);
  await iq.insertInvitation(trx, {
    token_hash: tokenHash(token),
    workspace_id: workspaceId,
    staff_id: staffId,
    expires_at,
    created_at: now,
  });
  await emit(trx, { workspaceId, actor: by, at: now }, [
    { type: 'staff.invited', data: { staff_id: staffId, expires_at: expires_at.toISOString() } },
  ]);
  return { token, expires_at };
}

/** Sends the invitation email; called after the transaction that made the link has committed. */
export async function sendInvitation(
  deps: Deps,
  to: { workspaceId: string; email: string; name: string },
  invitation: Invitation,
  inviterId: string | null,
) {
  const ctx = await iq.findInvitationContext(deps.db, to.workspaceId, inviterId);
  await deps.mailer.send({
    to: to.email,
    ...invitationEmail({
      name: to.name,
      workspace: ctx.workspace,
      inviter: ctx.inviter,
      link: invitationLink(deps.config.PUBLIC_URL, invitation.token),
    }),
  });
}

/** Sends a new link to someone who has not set a password yet (admin). */
export async function resendInvitation(deps: Deps, actor: StaffActor, staffId: string) {
  const { staff, invitation } = await deps.db.transaction().execute(async (trx) => {
    const staff = await q.lockStaff(trx, actor.workspaceId, staffId);
    if (!staff) throw notFound('Staff');
    if (!staff.active) {
      throw new AppError('conflict', 'This account has been deactivated', { reason: 'account_deactivated' });
    }
    if (!staff.invitation_pending) {
      throw new AppError('conflict', 'This person has already set a password', {
        reason: 'invitation_not_needed',
      });
    }
    return {
      staff,
      invitation: await createInvitation(deps, trx, actor.workspaceId, staffId, actorRef(actor)),
    };
  });
  await sendInvitation(deps, { workspaceId: actor.workspaceId, ...staff }, invitation, actor.staffId);
}

/** Redeems an invitation: sets the password, uses up the link and opens a session. */
export async function acceptInvitation(
  deps: Deps,
  input: { token: string; password: string },
  userAgent: string | null,
) {
  // Argon2 takes tens of milliseconds: hash before the transaction so it holds no connection meanwhile.
  const password_hash = await hashPassword(input.password);
  const session = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const link = await iq.consumeInvitation(trx, tokenHash(input.token), now);
    if (!link) {
      throw new AppError(
        'unauthenticated',
        'This invitation link is not valid any more; ask an admin for a new one',
        {
          reason: 'invitation_invalid',
        },
      );
    }
    const staff = await q.lockStaff(trx, link.workspace_id, link.staff_id);
    if (!staff?.active) {
      throw new AppError('forbidden', 'This account has been deactivated', { reason: 'account_deactivated' });
    }
    await q.updateStaff(trx, link.workspace_id, staff.id, { password_hash, updated_at: now });
    await iq.retireInvitations(trx, staff.id, now);
    const s = await createSession(
      deps,
      trx,
      { workspace_id: link.workspace_id, staff_id: staff.id, customer_id: null },
      { kind: 'browser', userAgent },
    );
    await emit(trx, { workspaceId: link.workspace_id, actor: { kind: 'staff', id: staff.id }, at: now }, [
      { type: 'staff.invitation_accepted', data: { staff_id: staff.id } },
    ]);
    return { ...s, staffId: staff.id };
  });
  return { ...session, user: await currentUser(deps, { kind: 'staff', staffId: session.staffId }) };
}
