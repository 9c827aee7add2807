import { SearchQuery, SearchResult } from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../infra/actor.ts';
import { searchCases } from './search.service.ts';

export const searchRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/search',
      {
        schema: {
          tags: ['search'],
          summary: 'Full-text search over case subjects and messages, ranked',
          querystring: SearchQuery,
          response: { 200: SearchResult },
        },
      },
      async (req) => searchCases(deps, requireActor(req), req.query.q, req.query.limit),
    );
  };
