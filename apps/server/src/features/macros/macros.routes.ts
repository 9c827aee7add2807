import {
  CaseMacroParams,
  Macro,
  MacroApplied,
  MacroApply,
  MacroCreate,
  MacroIdParams,
  MacroList,
  MacroListQuery,
  MacroPreview,
  MacroUpdate,
  NoContent,
  PlaceholderList,
  RenderedMacro,
} from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireStaff } from '../../infra/actor.ts';
import { applyMacro, previewMacro, renderMacroForCase } from './apply.service.ts';
import { PLACEHOLDERS } from './macros.rules.ts';
import * as s from './macros.service.ts';

const tags = ['macros'];

export const macrosRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/macros',
      {
        schema: {
          tags,
          summary: 'Shared macros and your own, most used first (active only unless asked)',
          querystring: MacroListQuery,
          response: { 200: MacroList },
        },
      },
      async (req) => s.listMacros(deps, requireStaff(req), req.query),
    );

    app.get(
      '/macros/placeholders',
      {
        schema: {
          tags,
          summary: 'The placeholders a macro may use, with their fallbacks',
          response: { 200: PlaceholderList },
        },
      },
      async (req) => {
        requireStaff(req);
        return { items: PLACEHOLDERS.map((p) => ({ ...p })) };
      },
    );

    app.post(
      '/macros',
      {
        schema: {
          tags,
          summary: 'Save a macro: shared (supervisor and up) or personal',
          body: MacroCreate,
          response: { 201: Macro },
        },
      },
      async (req, reply) => reply.status(201).send(await s.createMacro(deps, requireStaff(req), req.body)),
    );

    app.post(
      '/macros/preview',
      {
        schema: {
          tags,
          summary: 'Render a draft against a case, or a sample case, for the live preview',
          body: MacroPreview,
          response: { 200: RenderedMacro },
        },
      },
      async (req) => previewMacro(deps, requireStaff(req), req.body),
    );

    app.get(
      '/macros/:id',
      { schema: { tags, summary: 'One macro', params: MacroIdParams, response: { 200: Macro } } },
      async (req) => s.getMacro(deps, requireStaff(req), req.params.id),
    );

    app.patch(
      '/macros/:id',
      {
        schema: {
          tags,
          summary: 'Change a macro (shared: supervisor and up; personal: its owner)',
          params: MacroIdParams,
          body: MacroUpdate,
          response: { 200: Macro },
        },
      },
      async (req) => s.updateMacro(deps, requireStaff(req), req.params.id, req.body),
    );

    app.delete(
      '/macros/:id',
      {
        schema: {
          tags,
          summary: 'Delete a macro (shared: supervisor and up; personal: its owner)',
          params: MacroIdParams,
          response: { 204: NoContent },
        },
      },
      async (req, reply) => {
        await s.deleteMacro(deps, requireStaff(req), req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/cases/:id/macros/:macroId/render',
      {
        schema: {
          tags,
          summary: 'The macro rendered for this case (text and resolved changes); writes nothing',
          params: CaseMacroParams,
          response: { 200: RenderedMacro },
        },
      },
      async (req) => renderMacroForCase(deps, requireStaff(req), req.params.id, req.params.macroId),
    );

    app.post(
      '/cases/:id/macros/:macroId/apply',
      {
        schema: {
          tags,
          summary: 'Send the reply or note with the macro’s field changes, together, and count the use',
          params: CaseMacroParams,
          body: MacroApply,
          response: { 201: MacroApplied },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await applyMacro(deps, requireStaff(req), req.params.id, req.params.macroId, req.body)),
    );
  };
