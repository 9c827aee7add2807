import { Accepted, CurrentUser, SessionCreated, SignIn } from '@fairdesk/contract';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../infra/actor.ts';
import { presentSession } from './sessions.present.ts';
import {
  currentUser,
  SESSION_COOKIE,
  signInCustomerWithPassword,
  signInStaff,
  signOut,
} from './sessions.service.ts';

export function setSessionCookie(deps: Deps, reply: FastifyReply, token: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.COOKIE_SECURE,
    path: '/',
    expires,
  });
}

/** Sign-in attempts per minute, per client address and email. */
export const signInRateLimit = (deps: Deps) => ({
  max: deps.config.SIGN_IN_RATE_LIMIT,
  timeWindow: '1 minute',
  // After body parsing, so the key can include the address being tried.
  hook: 'preHandler' as const,
  keyGenerator: (req: { ip: string; body?: unknown }) =>
    `${req.ip}:${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
});

export const sessionsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/sessions',
      {
        config: { rateLimit: signInRateLimit(deps) },
        schema: {
          tags: ['sessions'],
          summary: 'Staff sign-in',
          security: [],
          body: SignIn,
          response: { 201: SessionCreated },
        },
      },
      async (req, reply) => {
        const s = await signInStaff(deps, req.body, {
          userAgent: req.headers['user-agent'] ?? null,
          kind: 'browser',
        });
        setSessionCookie(deps, reply, s.token, s.expires_at);
        return reply.status(201).send(presentSession(s));
      },
    );

    app.post(
      '/portal/sessions',
      {
        config: { rateLimit: signInRateLimit(deps) },
        schema: {
          tags: ['portal'],
          summary: 'Customer sign-in with a password (demo workspace only; elsewhere use magic links)',
          security: [],
          body: SignIn,
          response: { 201: SessionCreated },
        },
      },
      async (req, reply) => {
        const s = await signInCustomerWithPassword(deps, req.body, {
          userAgent: req.headers['user-agent'] ?? null,
          kind: 'browser',
        });
        setSessionCookie(deps, reply, s.token, s.expires_at);
        return reply.status(201).send(presentSession(s));
      },
    );

    app.get(
      '/sessions/current',
      { schema: { tags: ['sessions'], summary: 'Who is signed in', response: { 200: CurrentUser } } },
      async (req) => {
        const actor = requireActor(req);
        return currentUser(
          deps,
          actor.kind === 'staff'
            ? { kind: 'staff', staffId: actor.staffId }
            : { kind: 'customer', customerId: actor.customerId },
        );
      },
    );

    app.delete(
      '/sessions/current',
      { schema: { tags: ['sessions'], summary: 'Sign out', response: { 200: Accepted } } },
      async (req, reply) => {
        await signOut(deps, requireActor(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { message: 'Signed out' };
      },
    );
  };
