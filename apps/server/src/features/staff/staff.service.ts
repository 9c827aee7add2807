import type { StaffRole } from '@fairdesk/contract';
import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { actorRef, type StaffActor } from '../../infra/actor.ts';
import { changedFields } from '../../infra/changes.ts';
import type { Executor } from '../../infra/db.ts';
import type { EventActor } from '../../infra/emit.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import { hashPassword } from '../../infra/passwords.ts';
import { forgetSessions, revokeStaffSessions } from '../sessions/index.ts';
import { createInvitation, sendInvitation } from './invitations.service.ts';
import { assertTeamIdsInWorkspace } from './staff.guards.ts';
import type { StaffView } from './staff.present.ts';
import * as q from './staff.queries.ts';
import { idSet, keepsAnAdmin, membershipDiff } from './staff.rules.ts';
import * as tq from './teams.queries.ts';

/** The directory is small by nature; the cap keeps a runaway workspace from answering megabytes. */
const STAFF_LIST_LIMIT = 500;

type StaffRow = Omit<StaffView, 'teams'>;

async function withTeams(db: Executor, rows: StaffRow[]): Promise<StaffView[]> {
  const refs = Map.groupBy(
    await tq.teamsOfStaff(
      db,
      rows.map((r) => r.id),
    ),
    (t) => t.staff_id,
  );
  return rows.map((r) => ({
    ...r,
    teams: (refs.get(r.id) ?? []).map((t) => ({ id: t.id, name: t.name })),
  }));
}

async function loadStaff(db: Executor, workspaceId: string, id: string): Promise<StaffView> {
  const row = await q.findStaff(db, workspaceId, id);
  if (!row) throw notFound('Staff');
  return (await withTeams(db, [row]))[0]!;
}

export type NewStaff = {
  email: string;
  name: string;
  role: StaffRole;
  password?: string;
  /** Already hashed (the demo seed hashes one password once for everyone). */
  passwordHash?: string;
  team_ids?: string[];
};

/** Adds a staff member inside the caller's transaction; the event never carries the password. */
export async function createStaff(
  deps: Deps,
  trx: Executor,
  workspaceId: string,
  input: NewStaff,
  by: EventActor,
): Promise<{ id: string; email: string; name: string; role: StaffRole }> {
  const teamIds = idSet(input.team_ids ?? []);
  await assertTeamIdsInWorkspace(trx, workspaceId, teamIds);
  const at = deps.clock.now();
  const staff = await q.insertStaff(trx, {
    workspace_id: workspaceId,
    email: input.email.trim().toLowerCase(),
    name: input.name,
    role: input.role,
    password_hash: input.passwordHash ?? (input.password ? await hashPassword(input.password) : null),
    created_at: at,
  });
  if (!staff) {
    throw new AppError('conflict', 'Someone in this workspace already has that email', {
      reason: 'email_taken',
    });
  }
  await tq.addMemberships(
    trx,
    workspaceId,
    teamIds.map((team_id) => ({ team_id, staff_id: staff.id })),
  );
  await emit(trx, { workspaceId, actor: by, at }, [
    {
      type: 'staff.created',
      data: { staff_id: staff.id, email: staff.email, name: staff.name, role: staff.role, team_ids: teamIds },
    },
  ]);
  return staff;
}

export async function listStaff(deps: Deps, actor: StaffActor, filter: q.StaffFilter) {
  return withTeams(deps.db, await q.listStaff(deps.db, actor.workspaceId, filter, STAFF_LIST_LIMIT));
}

export const getStaff = (deps: Deps, actor: StaffActor, id: string) =>
  loadStaff(deps.db, actor.workspaceId, id);

/**
 * Adds a staff member. Without a password they get an invitation email to choose their own; it
 * is sent after the commit, and a failed send is logged, not fatal: the admin can resend it.
 */
export async function addStaff(deps: Deps, actor: StaffActor, input: Omit<NewStaff, 'passwordHash'>) {
  // Argon2 takes tens of milliseconds: hash before the transaction so it holds no connection meanwhile.
  const { password, ...rest } = input;
  const passwordHash = password ? await hashPassword(password) : undefined;
  const ws = actor.workspaceId;
  const { staff, invitation } = await deps.db.transaction().execute(async (trx) => {
    const made = await createStaff(deps, trx, ws, { ...rest, passwordHash }, actorRef(actor));
    const invitation = passwordHash ? null : await createInvitation(deps, trx, ws, made.id, actorRef(actor));
    return { staff: await loadStaff(trx, ws, made.id), invitation };
  });
  if (invitation) {
    await sendInvitation(deps, { workspaceId: ws, ...staff }, invitation, actor.staffId).catch(
      (err: unknown) => deps.log.error({ err, staffId: staff.id }, 'could not send the invitation email'),
    );
  }
  return staff;
}

export type StaffPatch = {
  name?: string;
  role?: StaffRole;
  active?: boolean;
  password?: string;
  team_ids?: string[];
};

/** Replaces the person's teams; returns the audit entry, or nothing when the set is the same. */
async function replaceTeams(trx: Executor, workspaceId: string, staffId: string, teamIds: string[]) {
  const after = idSet(teamIds);
  await assertTeamIdsInWorkspace(trx, workspaceId, after);
  const before = idSet((await tq.teamsOfStaff(trx, [staffId])).map((t) => t.id));
  const { added, removed } = membershipDiff(before, after);
  if (added.length === 0 && removed.length === 0) return {};
  await tq.removeStaffFromTeams(trx, staffId, removed);
  await tq.addMemberships(
    trx,
    workspaceId,
    added.map((team_id) => ({ team_id, staff_id: staffId })),
  );
  return { team_ids: [before, after] };
}

/**
 * Edits a staff member. Deactivating someone, or setting a new password, ends all their sessions
 * in the same transaction.
 */
export async function updateStaff(deps: Deps, actor: StaffActor, id: string, patch: StaffPatch) {
  const { password, team_ids, ...fields } = patch;
  const password_hash = password ? await hashPassword(password) : undefined;
  const ws = actor.workspaceId;
  const updated = await deps.db.transaction().execute(async (trx) => {
    // Lock the admins before the target row: every standing change takes locks in the same order.
    const touchesStanding = fields.role !== undefined || fields.active !== undefined;
    const admins = touchesStanding ? await q.lockActiveAdmins(trx, ws) : [];
    const before = await q.lockStaff(trx, ws, id);
    if (!before) throw notFound('Staff');
    const after = { role: fields.role ?? before.role, active: fields.active ?? before.active };
    const standing = keepsAnAdmin(before, after, admins.length);
    if (!standing.ok) {
      throw new AppError('conflict', 'The workspace would be left without an active admin', {
        reason: standing.reason,
      });
    }
    const changes: Record<string, unknown> = {
      ...changedFields(before, fields),
      ...(team_ids ? await replaceTeams(trx, ws, id, team_ids) : {}),
      ...(password_hash ? { password: 'changed' } : {}),
    };
    if (Object.keys(changes).length === 0) return loadStaff(trx, ws, id);
    const at = deps.clock.now();
    await q.updateStaff(trx, ws, id, { ...fields, password_hash, updated_at: at });
    if (fields.active === false || password_hash) await revokeStaffSessions(trx, id);
    await emit(trx, { workspaceId: ws, actor: actorRef(actor), at }, [
      { type: 'staff.updated', data: { staff_id: id, changes } },
    ]);
    return loadStaff(trx, ws, id);
  });
  // A cached session carries the member's role and standing: the next request must see the change.
  forgetSessions(deps);
  return updated;
}
