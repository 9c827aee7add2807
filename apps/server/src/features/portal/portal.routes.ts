import { Accepted, MagicLinkRedeem, MagicLinkRequest, SessionCreated } from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { presentSession, setSessionCookie, signInRateLimit } from '../sessions/index.ts';
import { redeemMagicLink, requestMagicLink } from './portal.service.ts';

export const portalRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/portal/magic-links',
      {
        config: { rateLimit: signInRateLimit(deps) },
        schema: {
          tags: ['portal'],
          summary: 'Email a one-time sign-in link to a customer',
          security: [],
          body: MagicLinkRequest,
          response: { 202: Accepted },
        },
      },
      async (req, reply) => {
        await requestMagicLink(deps, req.body);
        return reply
          .status(202)
          .send({ message: 'If that address is known here, a sign-in link is on its way.' });
      },
    );

    app.post(
      '/portal/magic-links/redeem',
      {
        config: { rateLimit: signInRateLimit(deps) },
        schema: {
          tags: ['portal'],
          summary: 'Sign in with a link from the email',
          security: [],
          body: MagicLinkRedeem,
          response: { 201: SessionCreated },
        },
      },
      async (req, reply) => {
        const s = await redeemMagicLink(deps, req.body.token, req.headers['user-agent'] ?? null);
        setSessionCookie(deps, reply, s.token, s.expires_at);
        return reply.status(201).send(presentSession(s));
      },
    );
  };
