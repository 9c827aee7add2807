import { IdParams, Staff, StaffCreate, StaffList, StaffListQuery, StaffUpdate } from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireStaff } from '../../infra/actor.ts';
import { invitationsRoutes } from './invitations.routes.ts';
import { presentStaff } from './staff.present.ts';
import { addStaff, getStaff, listStaff, updateStaff } from './staff.service.ts';
import { teamsRoutes } from './teams.routes.ts';

export const staffRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/staff',
      {
        schema: {
          tags: ['staff'],
          summary: 'The workspace’s staff with their teams, by name (at most 500)',
          querystring: StaffListQuery,
          response: { 200: StaffList },
        },
      },
      async (req) => ({ items: (await listStaff(deps, requireStaff(req), req.query)).map(presentStaff) }),
    );

    app.get(
      '/staff/:id',
      {
        schema: { tags: ['staff'], summary: 'One staff member', params: IdParams, response: { 200: Staff } },
      },
      async (req) => presentStaff(await getStaff(deps, requireStaff(req), req.params.id)),
    );

    app.post(
      '/staff',
      {
        schema: {
          tags: ['staff'],
          summary: 'Add a staff member (admin); without a password they are emailed an invitation',
          body: StaffCreate,
          response: { 201: Staff },
        },
      },
      async (req, reply) => {
        const staff = await addStaff(deps, requireStaff(req, 'admin'), req.body);
        return reply.status(201).send(presentStaff(staff));
      },
    );

    app.patch(
      '/staff/:id',
      {
        schema: {
          tags: ['staff'],
          summary: 'Change a staff member’s name, role, password, teams, or deactivate them (admin)',
          params: IdParams,
          body: StaffUpdate,
          response: { 200: Staff },
        },
      },
      async (req) =>
        presentStaff(await updateStaff(deps, requireStaff(req, 'admin'), req.params.id, req.body)),
    );

    await app.register(teamsRoutes(deps));
    await app.register(invitationsRoutes(deps));
  };
