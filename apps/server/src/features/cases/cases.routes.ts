import {
  CaseCreate,
  CaseDetail,
  CaseListQuery,
  CaseSummary,
  CaseUpdate,
  IdParams,
  Message,
  MessageCreate,
  page,
  QueueCounts,
} from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireActor, requireStaff } from '../../infra/actor.ts';
import type { RealtimeHub } from '../../infra/realtime.ts';
import { sharedAnswers } from '../../infra/serializer.ts';
import { createWorkspaceCache } from '../../infra/workspace-cache.ts';
import { attachmentsRoutes } from './attachments.routes.ts';
import { type CasePage, LIST_KEEP_MS, LIST_MAX_ENTRIES, listCases } from './case-list.service.ts';
import { getCase, getMessage, presentCaseView } from './case-view.service.ts';
import { presentMessage } from './cases.present.ts';
import { addMessage, openCase, updateCase } from './cases.service.ts';
import type { WorkspaceCounters } from './counts.rules.ts';
import { COUNTS_KEEP_MS, queueCounts } from './counts.service.ts';
import { presenceRoutes } from './presence.routes.ts';
import { searchRoutes } from './search.routes.ts';

export const casesRoutes =
  (deps: Deps, opts: { hub: Pick<RealtimeHub, 'watch'> }): FastifyPluginAsyncZod =>
  async (app) => {
    // What this process keeps of each workspace's queues until it changes (infra/workspace-cache.ts).
    const countsCache = createWorkspaceCache<WorkspaceCounters>({ hub: opts.hub, keepMs: COUNTS_KEEP_MS });
    const listCache = createWorkspaceCache<CasePage>({
      hub: opts.hub,
      keepMs: LIST_KEEP_MS,
      maxEntries: LIST_MAX_ENTRIES,
    });
    app.addHook('onClose', async () => {
      countsCache.close();
      listCache.close();
    });
    // A kept page goes to every console that asks for it: written once (infra/serializer.ts).
    const sendShared = sharedAnswers();

    app.post(
      '/cases',
      {
        schema: {
          tags: ['cases'],
          summary: 'Open a case with its first message',
          body: CaseCreate,
          response: { 201: CaseDetail },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const created = await openCase(deps, actor, req.body);
        // The write answers with the new case as its view shows it; with uploads it is read back.
        if (created.view)
          return reply.status(201).send(presentCaseView(created.view, actor, deps.clock.now()));
        return reply
          .status(201)
          .send(await getCase(deps, actor, created.id, { justOpened: { withAttachments: true } }));
      },
    );

    app.get(
      '/cases',
      {
        schema: {
          tags: ['cases'],
          summary: 'List cases (keyset pages)',
          description:
            'Every change made through Fairdesk shows in the next page of the server that made it, ' +
            'and in the other servers’ pages once they hear of it on the live feed (refetch after a ' +
            '`/stream` event). A change no event announces (the service-level due times recomputed ' +
            `after a write, or SQL by hand) shows in staff pages within ${LIST_KEEP_MS / 1000} s.`,
          querystring: CaseListQuery,
          response: { 200: page(CaseSummary) },
        },
      },
      async (req, reply) => sendShared(reply, await listCases(deps, requireActor(req), req.query, listCache)),
    );

    app.get(
      '/cases/counts',
      {
        schema: {
          tags: ['cases'],
          summary: 'Queue counts for the sidebar (staff)',
          description:
            'Every change made through Fairdesk counts in the next answer of the server that made it, ' +
            'and in the other servers’ answers once they hear of it on the live feed (as a browser ' +
            'does; refetch after a `/stream` event). A change made in the database by hand counts ' +
            `within ${COUNTS_KEEP_MS / 1000} s.`,
          response: { 200: QueueCounts },
        },
      },
      async (req) => queueCounts(deps, countsCache, requireStaff(req)),
    );

    app.get(
      '/cases/:id',
      {
        schema: {
          tags: ['cases'],
          summary: 'A case with messages and timeline',
          params: IdParams,
          response: { 200: CaseDetail },
        },
      },
      async (req) => getCase(deps, requireActor(req), req.params.id),
    );

    app.patch(
      '/cases/:id',
      {
        schema: {
          tags: ['cases'],
          summary: 'Change status, priority, assignee, team, tags',
          params: IdParams,
          body: CaseUpdate,
          response: { 200: CaseDetail },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await updateCase(deps, actor, req.params.id, req.body);
        return getCase(deps, actor, req.params.id);
      },
    );

    app.post(
      '/cases/:id/messages',
      {
        schema: {
          tags: ['cases'],
          summary: 'Reply in public or add an internal note',
          params: IdParams,
          body: MessageCreate,
          response: { 201: Message },
        },
      },
      async (req, reply) => {
        const { id, written } = await addMessage(deps, requireActor(req), req.params.id, req.body);
        return reply
          .status(201)
          .send(written ? presentMessage(written, []) : await getMessage(deps, req.params.id, id));
      },
    );

    await app.register(attachmentsRoutes(deps));
    await app.register(searchRoutes(deps));
    await app.register(presenceRoutes(deps));
  };
