import {
  Customer,
  CustomerCasePage,
  CustomerCreate,
  CustomerListQuery,
  CustomerMerge,
  CustomerPage,
  CustomerUpdate,
  IdParams,
  PageQuery,
} from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireStaff } from '../../infra/actor.ts';
import { customerImportsRoutes } from './customer-imports.routes.ts';
import { type CaseMover, mergeCustomers } from './customer-merge.service.ts';
import { presentCustomer, presentCustomerCase, presentPage } from './customers.present.ts';
import {
  addCustomer,
  changeCustomer,
  getCustomer,
  listCustomerCases,
  listCustomers,
} from './customers.service.ts';
import { organisationsRoutes } from './organisations.routes.ts';

const tags = ['customers'];

/** `moveCasesToCustomer` comes from the cases feature, wired in app.ts (see CaseMover). */
export const customersRoutes =
  (deps: Deps, ports: { moveCasesToCustomer: CaseMover }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/customers',
      {
        schema: {
          tags,
          summary: 'Find customers by name or any of their addresses',
          querystring: CustomerListQuery,
          response: { 200: CustomerPage },
        },
      },
      async (req) => presentPage(await listCustomers(deps, requireStaff(req), req.query), presentCustomer),
    );
    app.post(
      '/customers',
      { schema: { tags, summary: 'Add a customer', body: CustomerCreate, response: { 201: Customer } } },
      async (req, reply) => {
        const c = await addCustomer(deps, requireStaff(req), req.body);
        return reply.status(201).send(presentCustomer(c));
      },
    );
    app.get(
      '/customers/:id',
      { schema: { tags, summary: 'One customer', params: IdParams, response: { 200: Customer } } },
      async (req) => presentCustomer(await getCustomer(deps, requireStaff(req), req.params.id)),
    );
    app.patch(
      '/customers/:id',
      {
        schema: {
          tags,
          summary: 'Change a customer (addresses included)',
          params: IdParams,
          body: CustomerUpdate,
          response: { 200: Customer },
        },
      },
      async (req) => presentCustomer(await changeCustomer(deps, requireStaff(req), req.params.id, req.body)),
    );
    app.get(
      '/customers/:id/cases',
      {
        schema: {
          tags,
          summary: "The customer's case history, most recently active first",
          params: IdParams,
          querystring: PageQuery,
          response: { 200: CustomerCasePage },
        },
      },
      async (req) =>
        presentPage(
          await listCustomerCases(deps, requireStaff(req), req.params.id, req.query),
          presentCustomerCase,
        ),
    );
    app.post(
      '/customers/:id/merge',
      {
        schema: {
          tags,
          summary: 'Merge a duplicate (source_id) into this customer; the duplicate is deleted (supervisor)',
          params: IdParams,
          body: CustomerMerge,
          response: { 200: Customer },
        },
      },
      async (req) =>
        presentCustomer(
          await mergeCustomers(
            deps,
            requireStaff(req, 'supervisor'),
            req.params.id,
            req.body.source_id,
            ports.moveCasesToCustomer,
          ),
        ),
    );
    await app.register(organisationsRoutes(deps));
    await app.register(customerImportsRoutes(deps));
  };
