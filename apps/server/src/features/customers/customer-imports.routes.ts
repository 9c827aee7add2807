import { CustomerImport, IdParams } from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireStaff } from '../../infra/actor.ts';
import { presentImport } from './customer-imports.present.ts';
import { getCustomerImport, startCustomerImport } from './customer-imports.service.ts';

const tags = ['customers'];

export const customerImportsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/customers/imports',
      {
        schema: {
          tags,
          summary:
            'Import customers from a CSV file (multipart, field "file"; columns name,email,phone,language,organisation,notes)',
          consumes: ['multipart/form-data'],
          response: { 202: CustomerImport },
        },
      },
      async (req, reply) => {
        const row = await startCustomerImport(deps, requireStaff(req), await req.file());
        return reply.status(202).send(presentImport(row));
      },
    );

    app.get(
      '/customers/imports/:id',
      {
        schema: {
          tags,
          summary: 'An import’s progress and its report of rejected rows',
          params: IdParams,
          response: { 200: CustomerImport },
        },
      },
      async (req) => presentImport(await getCustomerImport(deps, requireStaff(req), req.params.id)),
    );
  };
