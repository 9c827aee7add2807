import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from './deps.ts';
import { auditRoutes } from './features/audit/index.ts';
import { automationsRoutes } from './features/automations/index.ts';
import { casesRoutes, moveCasesToCustomer } from './features/cases/index.ts';
import { customersRoutes } from './features/customers/index.ts';
import { emailRoutes, emailTemplatesRoutes } from './features/email/index.ts';
import { healthRoutes } from './features/health/index.ts';
import { macrosRoutes } from './features/macros/index.ts';
import { notificationsRoutes } from './features/notifications/index.ts';
import { policiesRoutes } from './features/policies/index.ts';
import { portalRoutes } from './features/portal/index.ts';
import { realtimeRoutes } from './features/realtime/index.ts';
import { routingRoutes } from './features/routing/index.ts';
import { authenticate, sessionsRoutes } from './features/sessions/index.ts';
import { calendarsRoutes, slaPoliciesRoutes } from './features/sla/index.ts';
import { staffRoutes } from './features/staff/index.ts';
import { workspacesRoutes } from './features/workspaces/index.ts';
import { installErrorHandling } from './infra/http.ts';
import { createRealtimeHub } from './infra/realtime.ts';
import { RequestLog } from './infra/request-log.ts';
import { createResponseSerializerCompiler } from './infra/serializer.ts';
import { serveWebApp } from './infra/web.ts';

/** The HTTP application: plugins, error handling and the route table. No listening here. */
export async function buildApp(deps: Deps) {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: deps.config.BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    trustProxy: true,
    // One line per request, without the URL's query, instead of Fastify's two (infra/request-log.ts).
    logController: new RequestLog(deps.log),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Responses are written by serializers compiled from the contract's schemas; outside production
  // each is also checked against Zod's own serialisation (infra/serializer.ts).
  app.setSerializerCompiler(
    createResponseSerializerCompiler({ verify: deps.config.NODE_ENV !== 'production' }),
  );
  installErrorHandling(app, deps.config.SERVE_WEB ? await serveWebApp(app) : null);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Fairdesk API',
        version: '1',
        description:
          'Cases, customers and staff. Errors are RFC 9457 problem+json with a stable `reason`. ' +
          'Sign in with POST /api/v1/sessions and send the token as `Authorization: Bearer <token>`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, {
    limits: { fileSize: deps.config.ATTACHMENT_MAX_BYTES, files: 1, fields: 5, headerPairs: 200 },
  });

  // The process's one listening connection: live events for browsers, and changes that end what the
  // process keeps of a workspace (its queue counts and pages).
  const hub = createRealtimeHub({ clientConfig: deps.pool.options, log: deps.log });
  app.addHook('onClose', async () => hub.close());

  app.decorateRequest('actor', null);
  app.addHook('onRequest', authenticate(deps));

  await app.register(healthRoutes(deps), { prefix: '/api' });
  await app.register(
    async (v1) => {
      await v1.register(sessionsRoutes(deps));
      await v1.register(portalRoutes(deps));
      await v1.register(workspacesRoutes(deps));
      await v1.register(staffRoutes(deps));
      await v1.register(customersRoutes(deps, { moveCasesToCustomer }));
      await v1.register(casesRoutes(deps, { hub }));
      await v1.register(policiesRoutes(deps));
      await v1.register(auditRoutes(deps));
      await v1.register(realtimeRoutes(deps, hub));
      await v1.register(emailRoutes(deps));
      await v1.register(emailTemplatesRoutes(deps));
      await v1.register(routingRoutes(deps));
      await v1.register(automationsRoutes(deps));
      await v1.register(macrosRoutes(deps));
      await v1.register(calendarsRoutes(deps));
      await v1.register(slaPoliciesRoutes(deps));
      await v1.register(notificationsRoutes(deps));
    },
    { prefix: '/api/v1' },
  );
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
