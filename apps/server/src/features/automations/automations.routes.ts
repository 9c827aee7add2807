import {
  AutomationActiveBody,
  AutomationDryRunBody,
  AutomationDryRunResult,
  AutomationList,
  AutomationReorder,
  AutomationRule,
  AutomationRunList,
  AutomationWrite,
  IdParams,
  NoContent,
} from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireStaff } from '../../infra/actor.ts';
import { presentRule, presentRun } from './automations.present.ts';
import * as s from './automations.service.ts';
import { dryRun } from './dry-run.service.ts';

const tags = ['automations'];

/** Automation rules: supervisors read them, managers and admins write them. */
export const automationsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/automations',
      {
        schema: {
          tags,
          summary: 'Automation rules in the order they run (supervisor)',
          response: { 200: AutomationList },
        },
      },
      async (req) => ({
        items: (await s.listAutomations(deps, requireStaff(req, 'supervisor'))).map(presentRule),
      }),
    );

    app.get(
      '/automations/:id',
      {
        schema: {
          tags,
          summary: 'One automation rule (supervisor)',
          params: IdParams,
          response: { 200: AutomationRule },
        },
      },
      async (req) => presentRule(await s.getAutomation(deps, requireStaff(req, 'supervisor'), req.params.id)),
    );

    app.post(
      '/automations',
      {
        schema: {
          tags,
          summary: 'Add an automation rule, last in order (manager)',
          body: AutomationWrite,
          response: { 201: AutomationRule },
        },
      },
      async (req, reply) => {
        const row = await s.createAutomation(deps, requireStaff(req, 'manager'), req.body);
        return reply.status(201).send(presentRule(row));
      },
    );

    app.put(
      '/automations/:id',
      {
        schema: {
          tags,
          summary: 'Replace an automation rule (manager)',
          params: IdParams,
          body: AutomationWrite,
          response: { 200: AutomationRule },
        },
      },
      async (req) =>
        presentRule(await s.updateAutomation(deps, requireStaff(req, 'manager'), req.params.id, req.body)),
    );

    app.patch(
      '/automations/:id',
      {
        schema: {
          tags,
          summary: 'Switch an automation rule on or off (manager)',
          params: IdParams,
          body: AutomationActiveBody,
          response: { 200: AutomationRule },
        },
      },
      async (req) =>
        presentRule(
          await s.setAutomationActive(deps, requireStaff(req, 'manager'), req.params.id, req.body.active),
        ),
    );

    app.delete(
      '/automations/:id',
      {
        schema: {
          tags,
          summary: 'Delete an automation rule (manager)',
          params: IdParams,
          response: { 204: NoContent },
        },
      },
      async (req, reply) => {
        await s.deleteAutomation(deps, requireStaff(req, 'manager'), req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/automations/order',
      {
        schema: {
          tags,
          summary: 'Set the order rules run in: every rule id, first to last (manager)',
          body: AutomationReorder,
          response: { 200: AutomationList },
        },
      },
      async (req) => ({
        items: (await s.reorderAutomations(deps, requireStaff(req, 'manager'), req.body.ids)).map(
          presentRule,
        ),
      }),
    );

    app.post(
      '/automations/dry-run',
      {
        schema: {
          tags,
          summary:
            'What a rule (saved or as written) would do to recent cases now; changes nothing (manager)',
          body: AutomationDryRunBody,
          response: { 200: AutomationDryRunResult },
        },
      },
      async (req) => dryRun(deps, requireStaff(req, 'manager'), req.body),
    );

    app.get(
      '/cases/:id/automation-runs',
      {
        schema: {
          tags,
          summary: 'The automation runs of a case, newest first',
          params: IdParams,
          response: { 200: AutomationRunList },
        },
      },
      async (req) => ({
        items: (await s.listCaseRuns(deps, requireStaff(req), req.params.id)).map(presentRun),
      }),
    );
  };
