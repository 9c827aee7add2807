import {
  IdParams,
  SlaPolicyInput,
  SlaPolicyList,
  SlaPolicyListSaved,
  SlaPolicyOrder,
  SlaPolicySaved,
  SlaRecomputeOnly,
} from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireStaff } from '../../infra/actor.ts';
import * as s from './sla-policies.service.ts';

const tags = ['sla'];

/** SLA policies: supervisors read them, managers and admins change them. */
export const slaPoliciesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/sla/policies',
      {
        schema: {
          tags,
          summary:
            'SLA policies in the order they are tried; the first that matches a case applies (supervisor)',
          response: { 200: SlaPolicyList },
        },
      },
      async (req) => s.listPolicies(deps, requireStaff(req, 'supervisor')),
    );

    app.post(
      '/sla/policies',
      {
        schema: {
          tags,
          summary: 'Add a policy, tried after the others; open cases’ due times are recomputed (manager)',
          body: SlaPolicyInput,
          response: { 201: SlaPolicySaved },
        },
      },
      async (req, reply) => {
        const saved = await s.createPolicy(deps, requireStaff(req, 'manager'), req.body);
        return reply.status(201).send(saved);
      },
    );

    app.put(
      '/sla/policies/order',
      {
        schema: {
          tags,
          summary: 'Set the order in which policies are tried: every policy id once (manager)',
          body: SlaPolicyOrder,
          response: { 200: SlaPolicyListSaved },
        },
      },
      async (req) => s.reorderPolicies(deps, requireStaff(req, 'manager'), req.body.ids),
    );

    app.put(
      '/sla/policies/:id',
      {
        schema: {
          tags,
          summary: 'Replace a policy; open cases’ due times are recomputed (manager)',
          params: IdParams,
          body: SlaPolicyInput,
          response: { 200: SlaPolicySaved },
        },
      },
      async (req) => s.updatePolicy(deps, requireStaff(req, 'manager'), req.params.id, req.body),
    );

    app.delete(
      '/sla/policies/:id',
      {
        schema: {
          tags,
          summary: 'Delete a policy; open cases’ due times are recomputed (manager)',
          params: IdParams,
          response: { 200: SlaRecomputeOnly },
        },
      },
      async (req) => s.deletePolicy(deps, requireStaff(req, 'manager'), req.params.id),
    );
  };
