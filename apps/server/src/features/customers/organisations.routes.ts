import {
  CustomerPage,
  IdParams,
  Organisation,
  OrganisationCreate,
  OrganisationListQuery,
  OrganisationPage,
  OrganisationUpdate,
  PageQuery,
} from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requireStaff } from '../../infra/actor.ts';
import { presentCustomer, presentOrganisation, presentPage } from './customers.present.ts';
import {
  addOrganisation,
  changeOrganisation,
  getOrganisation,
  listOrganisationCustomers,
  listOrganisations,
  removeOrganisation,
} from './organisations.service.ts';

const tags = ['organisations'];

export const organisationsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/organisations',
      {
        schema: {
          tags,
          summary: 'List organisations by name',
          querystring: OrganisationListQuery,
          response: { 200: OrganisationPage },
        },
      },
      async (req) =>
        presentPage(await listOrganisations(deps, requireStaff(req), req.query), presentOrganisation),
    );
    app.post(
      '/organisations',
      {
        schema: {
          tags,
          summary: 'Add an organisation',
          body: OrganisationCreate,
          response: { 201: Organisation },
        },
      },
      async (req, reply) => {
        const o = await addOrganisation(deps, requireStaff(req), req.body);
        return reply.status(201).send(presentOrganisation(o));
      },
    );
    app.get(
      '/organisations/:id',
      { schema: { tags, summary: 'One organisation', params: IdParams, response: { 200: Organisation } } },
      async (req) => presentOrganisation(await getOrganisation(deps, requireStaff(req), req.params.id)),
    );
    app.patch(
      '/organisations/:id',
      {
        schema: {
          tags,
          summary: 'Change an organisation',
          params: IdParams,
          body: OrganisationUpdate,
          response: { 200: Organisation },
        },
      },
      async (req) =>
        presentOrganisation(await changeOrganisation(deps, requireStaff(req), req.params.id, req.body)),
    );
    app.delete(
      '/organisations/:id',
      {
        schema: {
          tags,
          summary: 'Delete an organisation (admin); its customers stay, unlinked',
          params: IdParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await removeOrganisation(deps, requireStaff(req, 'admin'), req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/organisations/:id/customers',
      {
        schema: {
          tags,
          summary: "The organisation's customers by name",
          params: IdParams,
          querystring: PageQuery,
          response: { 200: CustomerPage },
        },
      },
      async (req) =>
        presentPage(
          await listOrganisationCustomers(deps, requireStaff(req), req.params.id, req.query),
          presentCustomer,
        ),
    );
  };
