import { CasePresence, IdParams, NoContent, PresenceUpdate } from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireStaff } from '../../infra/actor.ts';
import { caseViewers, clearPresence, markPresence } from './presence.service.ts';

const tags = ['cases'];

export const presenceRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.put(
      '/cases/:id/presence',
      {
        schema: {
          tags,
          summary:
            'Heartbeat: I am viewing or replying to this case (staff, every ~15 s); answers who else is',
          params: IdParams,
          body: PresenceUpdate,
          response: { 200: CasePresence },
        },
      },
      async (req) => ({
        viewers: await markPresence(deps, requireStaff(req), req.params.id, req.body.state),
      }),
    );

    app.delete(
      '/cases/:id/presence',
      {
        schema: {
          tags,
          summary: 'I left this case (staff)',
          params: IdParams,
          response: { 204: NoContent },
        },
      },
      async (req, reply) => {
        await clearPresence(deps, requireStaff(req), req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/cases/:id/presence',
      {
        schema: {
          tags,
          summary: 'Who else has this case open (staff)',
          params: IdParams,
          response: { 200: CasePresence },
        },
      },
      async (req) => ({ viewers: await caseViewers(deps, requireStaff(req), req.params.id) }),
    );
  };
