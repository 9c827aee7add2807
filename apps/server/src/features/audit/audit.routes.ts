import { AuditVerification } from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireStaff } from '../../infra/actor.ts';
import { verifyAuditTrail } from './audit.service.ts';

export const auditRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit/verify',
      {
        schema: {
          tags: ['audit'],
          summary: "Recompute the workspace's hash-chained event log and say whether it is intact (admin)",
          response: { 200: AuditVerification },
        },
      },
      async (req) => verifyAuditTrail(deps, requireStaff(req, 'admin')),
    );
  };
