import { IdParams, NoContent, Team, TeamCreate, TeamList, TeamUpdate } from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireStaff } from '../../infra/actor.ts';
import { presentTeam } from './staff.present.ts';
import { addTeam, deleteTeam, listTeams, updateTeam } from './teams.service.ts';

export const teamsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/teams',
      {
        schema: {
          tags: ['staff'],
          summary: 'The workspace’s teams with their member ids, by name (at most 500)',
          response: { 200: TeamList },
        },
      },
      async (req) => ({ items: (await listTeams(deps, requireStaff(req))).map(presentTeam) }),
    );

    app.post(
      '/teams',
      {
        schema: { tags: ['staff'], summary: 'Add a team (admin)', body: TeamCreate, response: { 201: Team } },
      },
      async (req, reply) => {
        const team = await addTeam(deps, requireStaff(req, 'admin'), req.body);
        return reply.status(201).send(presentTeam(team));
      },
    );

    app.patch(
      '/teams/:id',
      {
        schema: {
          tags: ['staff'],
          summary: 'Rename a team, or replace its members with `member_ids` (admin)',
          params: IdParams,
          body: TeamUpdate,
          response: { 200: Team },
        },
      },
      async (req) => presentTeam(await updateTeam(deps, requireStaff(req, 'admin'), req.params.id, req.body)),
    );

    app.delete(
      '/teams/:id',
      {
        schema: {
          tags: ['staff'],
          summary: 'Delete a team; its cases keep going without a team (admin)',
          params: IdParams,
          response: { 204: NoContent },
        },
      },
      async (req, reply) => {
        await deleteTeam(deps, requireStaff(req, 'admin'), req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
