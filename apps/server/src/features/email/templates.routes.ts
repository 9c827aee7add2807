import {
  NotificationTemplate,
  NotificationTemplateList,
  NotificationTemplateParams,
  NotificationTemplatePreview,
  NotificationTemplatePreviewInput,
  NotificationTemplateSave,
} from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireStaff } from '../../infra/actor.ts';
import { presentTemplate } from './templates.present.ts';
import * as templates from './templates.service.ts';

const tags = ['email'];

/** Customer notification templates: staff read and preview, admins change. */
export const emailTemplatesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/email/templates',
      {
        schema: {
          tags,
          summary: 'Customer notification templates: every kind in every workspace language',
          response: { 200: NotificationTemplateList },
        },
      },
      async (req) => {
        const res = await templates.listTemplates(deps, requireStaff(req));
        return { languages: res.languages, items: res.items.map(presentTemplate) };
      },
    );
    app.put(
      '/email/templates/:kind/:language',
      {
        schema: {
          tags,
          summary: 'Write the workspace’s own text for a notification, or switch it on or off (admin)',
          params: NotificationTemplateParams,
          body: NotificationTemplateSave,
          response: { 200: NotificationTemplate },
        },
      },
      async (req) =>
        presentTemplate(
          await templates.saveTemplate(
            deps,
            requireStaff(req, 'admin'),
            req.params.kind,
            req.params.language,
            req.body,
          ),
        ),
    );
    app.delete(
      '/email/templates/:kind/:language',
      {
        schema: {
          tags,
          summary: 'Go back to the built-in text; the on/off switch stays (admin)',
          params: NotificationTemplateParams,
          response: { 200: NotificationTemplate },
        },
      },
      async (req) =>
        presentTemplate(
          await templates.revertTemplate(
            deps,
            requireStaff(req, 'admin'),
            req.params.kind,
            req.params.language,
          ),
        ),
    );
    app.post(
      '/email/templates/:kind/:language/preview',
      {
        schema: {
          tags,
          summary: 'Render a draft (or the text in force) for a sample case',
          params: NotificationTemplateParams,
          body: NotificationTemplatePreviewInput,
          response: { 200: NotificationTemplatePreview },
        },
      },
      async (req) =>
        templates.previewTemplate(
          deps,
          requireStaff(req),
          req.params.kind,
          req.params.language,
          req.body ?? {},
        ),
    );
  };
