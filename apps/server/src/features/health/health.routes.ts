import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { migrationsApplied } from '../../infra/migrate.ts';
import { databaseReachable } from './health.queries.ts';

const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.record(z.string(), z.boolean()).optional(),
});

export const healthRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      { schema: { tags: ['health'], summary: 'The process is up', security: [], response: { 200: Health } } },
      async () => ({
        status: 'ok' as const,
      }),
    );

    app.get(
      '/ready',
      {
        schema: {
          tags: ['health'],
          summary: 'The database is reachable and migrated',
          security: [],
          response: { 200: Health, 503: Health },
        },
      },
      async (_req, reply) => {
        const database = await databaseReachable(deps.db);
        const migrations = database && (await migrationsApplied(deps.db).catch(() => false));
        const ok = database && migrations;
        return reply
          .status(ok ? 200 : 503)
          .send({ status: ok ? 'ok' : 'unavailable', checks: { database, migrations } });
      },
    );
  };
