import { Workspace, WorkspaceUpdate } from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireActor, requireStaff } from '../../infra/actor.ts';
import { presentWorkspace } from './workspaces.present.ts';
import { getWorkspace, updateWorkspace } from './workspaces.service.ts';

export const workspacesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/workspace',
      { schema: { tags: ['workspace'], summary: 'The signed-in workspace', response: { 200: Workspace } } },
      async (req) => presentWorkspace(await getWorkspace(deps, requireActor(req))),
    );
    app.patch(
      '/workspace',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Change workspace settings (admin)',
          body: WorkspaceUpdate,
          response: { 200: Workspace },
        },
      },
      async (req) => presentWorkspace(await updateWorkspace(deps, requireStaff(req, 'admin'), req.body)),
    );
  };
