import {
  IdParams,
  PolicyCreate,
  PolicyDetail,
  PolicyList,
  PolicyPublish,
  PolicySettings,
  PolicySettingsUpdate,
  PolicyStats,
  PolicyStatsQuery,
  PolicyUpdate,
  WhatIfInput,
  WhatIfResult,
} from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireStaff } from '../../infra/actor.ts';
import {
  createPolicy,
  editPolicy,
  getPolicy,
  listPolicies,
  loadSettings,
  publishPolicy,
  updateSettings,
} from './policies.service.ts';
import { requestsRoutes } from './requests.routes.ts';
import { policyStats } from './stats.service.ts';
import { whatIf } from './what-if.service.ts';

export const policiesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['policies'];
    app.get(
      '/policies',
      { schema: { tags, summary: 'The workspace’s policies (staff)', response: { 200: PolicyList } } },
      async (req) => listPolicies(deps, requireStaff(req)),
    );

    app.post(
      '/policies',
      {
        schema: {
          tags,
          summary: 'Create a policy as a draft (admin)',
          body: PolicyCreate,
          response: { 201: PolicyDetail },
        },
      },
      async (req, reply) => {
        const actor = requireStaff(req, 'admin');
        const id = await createPolicy(deps, actor, req.body);
        return reply.status(201).send(await getPolicy(deps, actor, id));
      },
    );

    app.get(
      '/policies/settings',
      { schema: { tags, summary: 'What happens when no policy applies', response: { 200: PolicySettings } } },
      async (req) => loadSettings(deps.db, requireStaff(req).workspaceId),
    );

    app.patch(
      '/policies/settings',
      {
        schema: {
          tags,
          summary: 'Change the default outcome and authorisation lifetime (admin)',
          body: PolicySettingsUpdate,
          response: { 200: PolicySettings },
        },
      },
      async (req) => updateSettings(deps, requireStaff(req, 'admin'), req.body),
    );

    app.get(
      '/policies/stats',
      {
        schema: {
          tags,
          summary: 'Refusals sent with an alternative; authority used by role (count and value)',
          querystring: PolicyStatsQuery,
          response: { 200: PolicyStats },
        },
      },
      async (req) => policyStats(deps, requireStaff(req), req.query),
    );

    app.get(
      '/policies/:id',
      {
        schema: {
          tags,
          summary: 'A policy with its versions',
          params: IdParams,
          response: { 200: PolicyDetail },
        },
      },
      async (req) => getPolicy(deps, requireStaff(req), req.params.id),
    );

    app.patch(
      '/policies/:id',
      {
        schema: {
          tags,
          summary: 'Edit a policy: revises its draft or starts a new draft version (admin)',
          params: IdParams,
          body: PolicyUpdate,
          response: { 200: PolicyDetail },
        },
      },
      async (req) => {
        const actor = requireStaff(req, 'admin');
        await editPolicy(deps, actor, req.params.id, req.body);
        return getPolicy(deps, actor, req.params.id);
      },
    );

    app.post(
      '/policies/:id/publish',
      {
        schema: {
          tags,
          summary: 'Publish the draft, effective from a date (admin)',
          params: IdParams,
          body: PolicyPublish,
          response: { 200: PolicyDetail },
        },
      },
      async (req) => {
        const actor = requireStaff(req, 'admin');
        await publishPolicy(deps, actor, req.params.id, req.body.effective_from);
        return getPolicy(deps, actor, req.params.id);
      },
    );

    app.post(
      '/policies/:id/what-if',
      {
        schema: {
          tags,
          summary: 'Replay the last 1,000 requests with the draft and show which outcomes change (admin)',
          params: IdParams,
          body: WhatIfInput,
          response: { 200: WhatIfResult },
        },
      },
      async (req) => whatIf(deps, requireStaff(req, 'admin'), req.params.id, req.body.draft),
    );

    await app.register(requestsRoutes(deps));
  };
