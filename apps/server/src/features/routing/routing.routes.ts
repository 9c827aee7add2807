import {
  AgentRouting,
  AgentRoutingUpdate,
  AvailabilityBody,
  IdParams,
  RoutingOverview,
  TeamRouting,
  TeamRoutingUpdate,
} from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireStaff } from '../../infra/actor.ts';
import * as s from './routing.service.ts';

export const routingRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/staff/me/availability',
      {
        schema: {
          tags: ['routing'],
          summary: 'Your availability for routing',
          response: { 200: AvailabilityBody },
        },
      },
      async (req) => ({ status: await s.getAvailability(deps, requireStaff(req)) }),
    );

    app.put(
      '/staff/me/availability',
      {
        schema: {
          tags: ['routing'],
          summary: 'Go online, away or offline; only online agents receive new cases',
          body: AvailabilityBody,
          response: { 200: AvailabilityBody },
        },
      },
      async (req) => ({ status: await s.setAvailability(deps, requireStaff(req), req.body.status) }),
    );

    app.get(
      '/routing',
      {
        schema: {
          tags: ['routing'],
          summary: 'Teams’ routing modes and agents’ capacity, skills and load (manager)',
          response: { 200: RoutingOverview },
        },
      },
      async (req) => s.routingOverview(deps, requireStaff(req, 'manager')),
    );

    app.get(
      '/teams/:id/routing',
      {
        schema: {
          tags: ['routing'],
          summary: 'How the team’s new cases are assigned',
          params: IdParams,
          response: { 200: TeamRouting },
        },
      },
      async (req) => s.getTeamRouting(deps, requireStaff(req), req.params.id),
    );

    app.put(
      '/teams/:id/routing',
      {
        schema: {
          tags: ['routing'],
          summary: 'Set the team’s assignment mode and default capacity (admin)',
          params: IdParams,
          body: TeamRoutingUpdate,
          response: { 200: TeamRouting },
        },
      },
      async (req) => s.setTeamRouting(deps, requireStaff(req, 'admin'), req.params.id, req.body),
    );

    app.put(
      '/staff/:id/routing',
      {
        schema: {
          tags: ['routing'],
          summary: 'Set an agent’s capacity (null: the team default) and skills (admin)',
          params: IdParams,
          body: AgentRoutingUpdate,
          response: { 200: AgentRouting },
        },
      },
      async (req) => s.setAgentRouting(deps, requireStaff(req, 'admin'), req.params.id, req.body),
    );
  };
