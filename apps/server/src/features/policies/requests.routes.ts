import {
  AuthorisationAsk,
  AuthorisationCreate,
  AuthorisationQueueItem,
  AuthorisationQueueQuery,
  CaseRequest,
  CaseRequestList,
  CaseRequestView,
  CommunicationCreate,
  IdParams,
  page,
  RequestCreate,
} from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireActor, requireStaff } from '../../infra/actor.ts';
import { askForAuthorisation, authoriseException, listAuthorisations } from './authorisations.service.ts';
import { communicateDecision } from './communications.service.ts';
import { getRequest, getRequestForStaff, listCaseRequests, recordRequest } from './requests.service.ts';

export const requestsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['requests'];
    app.post(
      '/cases/:id/requests',
      {
        schema: {
          tags,
          summary: 'Record a customer’s request on a case; the answer carries the decision (staff)',
          params: IdParams,
          body: RequestCreate,
          response: { 201: CaseRequest },
        },
      },
      async (req, reply) => {
        const actor = requireStaff(req);
        const id = await recordRequest(deps, actor, req.params.id, req.body);
        return reply.status(201).send(await getRequestForStaff(deps, actor, id));
      },
    );

    app.get(
      '/cases/:id/requests',
      {
        schema: {
          tags,
          summary: 'A case’s requests and decisions (its customer sees theirs in plain words)',
          params: IdParams,
          response: { 200: CaseRequestList },
        },
      },
      async (req) => listCaseRequests(deps, requireActor(req), req.params.id),
    );

    app.get(
      '/requests/:id',
      { schema: { tags, summary: 'One request', params: IdParams, response: { 200: CaseRequestView } } },
      async (req) => getRequest(deps, requireActor(req), req.params.id),
    );

    app.post(
      '/requests/:id/authorisations',
      {
        schema: {
          tags,
          summary: 'Approve or deny an exception within your limit (403 exception_over_limit above it)',
          params: IdParams,
          body: AuthorisationCreate,
          response: { 201: CaseRequest },
        },
      },
      async (req, reply) => {
        const actor = requireStaff(req);
        await authoriseException(deps, actor, req.params.id, req.body);
        return reply.status(201).send(await getRequestForStaff(deps, actor, req.params.id));
      },
    );

    app.post(
      '/requests/:id/authorisation-requests',
      {
        schema: {
          tags,
          summary: 'Ask the people with authority to decide (a flexible refusal, or a lapsed ask)',
          params: IdParams,
          body: AuthorisationAsk,
          response: { 201: CaseRequest },
        },
      },
      async (req, reply) => {
        const actor = requireStaff(req);
        await askForAuthorisation(deps, actor, req.params.id, req.body.note);
        return reply.status(201).send(await getRequestForStaff(deps, actor, req.params.id));
      },
    );

    app.post(
      '/requests/:id/communications',
      {
        schema: {
          tags,
          summary: 'Send the decision to the customer as a public message (422 on a bare refusal)',
          params: IdParams,
          body: CommunicationCreate,
          response: { 201: CaseRequest },
        },
      },
      async (req, reply) => {
        const actor = requireStaff(req);
        await communicateDecision(deps, actor, req.params.id, req.body);
        return reply.status(201).send(await getRequestForStaff(deps, actor, req.params.id));
      },
    );

    app.get(
      '/authorisations',
      {
        schema: {
          tags,
          summary: 'The authorisation queue: asks needing your role or one below (keyset pages)',
          querystring: AuthorisationQueueQuery,
          response: { 200: page(AuthorisationQueueItem) },
        },
      },
      async (req) => listAuthorisations(deps, requireStaff(req), req.query),
    );
  };
