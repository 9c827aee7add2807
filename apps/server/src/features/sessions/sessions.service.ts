import type { CurrentUser } from '@fairdesk/contract';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import type { Actor } from '../../infra/actor.ts';
import type { Executor } from '../../infra/db.ts';
import { AppError } from '../../infra/errors.ts';
import { verifyPassword } from '../../infra/passwords.ts';
import { hashOfKey, newToken, tokenHash, tokenKey } from '../../infra/tokens.ts';
import { cachedSession, forgetSessions, rememberSession, sessionCacheGeneration } from './sessions.cache.ts';
import * as q from './sessions.queries.ts';
import { bearerToken, isSessionLive, pickAccount, sessionExpiry } from './sessions.rules.ts';

export const SESSION_COOKIE = 'fairdesk_session';

const badCredentials = () =>
  new AppError('unauthenticated', 'The email or password is not right', { reason: 'invalid_credentials' });

type SessionFor = { workspace_id: string; staff_id: string | null; customer_id: string | null };
type Meta = { userAgent: string | null; kind: 'browser' | 'token' };

/** Opens a session and returns its secret token; only the token's hash is stored. */
export async function createSession(deps: Deps, db: Executor, who: SessionFor, meta: Meta) {
  const token = newToken();
  const now = deps.clock.now();
  const expires_at = sessionExpiry(now, deps.config.SESSION_TTL_HOURS);
  await q.insertSession(db, {
    ...who,
    token_hash: tokenHash(token),
    kind: meta.kind,
    user_agent: meta.userAgent?.slice(0, 500) ?? null,
    created_at: now,
    expires_at,
  });
  return { token, expires_at };
}

export async function signInStaff(
  deps: Deps,
  input: { email: string; password: string; workspace?: string },
  meta: Meta,
) {
  const picked = pickAccount(await q.findStaffByEmail(deps.db, input.email), input.workspace);
  if (!picked.ok && picked.reason === 'workspace_required') {
    throw new AppError('invalid', 'This email signs in to several workspaces: say which one', {
      reason: 'workspace_required',
    });
  }
  const account = picked.ok ? picked.account : null;
  const valid = await verifyPassword(account?.password_hash ?? null, input.password);
  if (!account || !valid) throw badCredentials();
  if (!account.active) {
    throw new AppError('forbidden', 'This account has been deactivated', { reason: 'account_deactivated' });
  }
  const session = await deps.db.transaction().execute(async (trx) => {
    const s = await createSession(
      deps,
      trx,
      { workspace_id: account.workspace_id, staff_id: account.id, customer_id: null },
      meta,
    );
    await emit(
      trx,
      { workspaceId: account.workspace_id, actor: { kind: 'staff', id: account.id }, at: deps.clock.now() },
      [{ type: 'staff.signed_in', data: { via: 'password' } }],
    );
    return s;
  });
  return { ...session, user: await currentUser(deps, { kind: 'staff', staffId: account.id }) };
}

/** Password sign-in for customers exists only in the demo workspace; elsewhere they use magic links. */
export async function signInCustomerWithPassword(
  deps: Deps,
  input: { email: string; password: string; workspace?: string },
  meta: Meta,
) {
  const accounts = (await q.findCustomersByEmail(deps.db, input.email)).filter((a) => a.is_demo);
  const picked = pickAccount(accounts, input.workspace);
  const account = picked.ok ? picked.account : null;
  const valid = await verifyPassword(account?.password_hash ?? null, input.password);
  if (!account || !valid) throw badCredentials();
  const session = await deps.db.transaction().execute(async (trx) => {
    const s = await createSession(
      deps,
      trx,
      { workspace_id: account.workspace_id, staff_id: null, customer_id: account.id },
      meta,
    );
    await emit(
      trx,
      {
        workspaceId: account.workspace_id,
        actor: { kind: 'customer', id: account.id },
        at: deps.clock.now(),
      },
      [{ type: 'customer.signed_in', data: { via: 'password' } }],
    );
    return s;
  });
  return { ...session, user: await currentUser(deps, { kind: 'customer', customerId: account.id }) };
}

export async function signOut(deps: Deps, actor: Actor): Promise<void> {
  await q.deleteSession(deps.db, actor.sessionId);
  forgetSessions(deps);
}

export async function currentUser(
  deps: Deps,
  who: { kind: 'staff'; staffId: string } | { kind: 'customer'; customerId: string },
): Promise<CurrentUser> {
  if (who.kind === 'staff') return { kind: 'staff', ...(await q.findStaffUser(deps.db, who.staffId)) };
  return { kind: 'customer', ...(await q.findCustomerUser(deps.db, who.customerId)) };
}

/** onRequest hook: turns a bearer token or the session cookie into `req.actor`, or leaves it null. */
export function authenticate(deps: Deps) {
  return async (req: FastifyRequest): Promise<void> => {
    const token = bearerToken(req.headers.authorization) ?? req.cookies[SESSION_COOKIE] ?? null;
    if (!token || !req.url.startsWith('/api/v1/')) return;
    const key = tokenKey(token);
    let s = cachedSession(deps, key);
    if (!s) {
      const generation = sessionCacheGeneration(deps);
      s = await q.findSessionByTokenHash(deps.db, hashOfKey(key));
      if (s) rememberSession(deps, key, s, generation);
    }
    if (!s || !isSessionLive(s.expires_at, deps.clock.now())) return;
    if (s.staff_id && s.role && s.staff_active) {
      req.actor = {
        kind: 'staff',
        workspaceId: s.workspace_id,
        staffId: s.staff_id,
        role: s.role,
        sessionId: s.id,
      };
    } else if (s.customer_id) {
      req.actor = {
        kind: 'customer',
        workspaceId: s.workspace_id,
        customerId: s.customer_id,
        sessionId: s.id,
      };
    }
  };
}

/** Ends every session of a staff member (used when they are deactivated). */
export async function revokeStaffSessions(db: Executor, staffId: string): Promise<void> {
  await q.deleteSessionsOfStaff(db, staffId);
}
