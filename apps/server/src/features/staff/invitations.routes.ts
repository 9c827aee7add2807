import { Accepted, IdParams, InvitationAccept, SessionCreated } from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireStaff } from '../../infra/actor.ts';
import { presentSession, setSessionCookie, signInRateLimit } from '../sessions/index.ts';
import { acceptInvitation, resendInvitation } from './invitations.service.ts';

export const invitationsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/staff/invitations/accept',
      {
        config: { rateLimit: signInRateLimit(deps) },
        schema: {
          tags: ['staff'],
          summary: 'Accept an invitation: choose a password and sign in',
          security: [],
          body: InvitationAccept,
          response: { 201: SessionCreated },
        },
      },
      async (req, reply) => {
        const s = await acceptInvitation(deps, req.body, req.headers['user-agent'] ?? null);
        setSessionCookie(deps, reply, s.token, s.expires_at);
        return reply.status(201).send(presentSession(s));
      },
    );

    app.post(
      '/staff/:id/invitation',
      {
        schema: {
          tags: ['staff'],
          summary: 'Send a new invitation link to someone who has not set a password yet (admin)',
          params: IdParams,
          response: { 202: Accepted },
        },
      },
      async (req, reply) => {
        await resendInvitation(deps, requireStaff(req, 'admin'), req.params.id);
        return reply.status(202).send({ message: 'A new invitation is on its way.' });
      },
    );
  };
