import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../infra/actor.ts';
import type { RealtimeHub } from '../../infra/realtime.ts';
import { sseComment, sseEvent } from './realtime.rules.ts';
import { openStream } from './realtime.service.ts';

/** Under the 30-60 s after which proxies and load balancers drop a quiet connection. */
const HEARTBEAT_MS = 25_000;
/** A reader this far behind is not reading: drop it, EventSource reconnects and resyncs. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export const realtimeRoutes =
  (deps: Deps, hub: RealtimeHub): FastifyPluginAsyncZod =>
  async (app) => {
    const streams = new Set<ServerResponse>();
    // Open streams never finish by themselves: end them so a shutdown does not wait for ever.
    app.addHook('preClose', async () => {
      for (const res of streams) res.end();
    });

    app.get(
      '/stream',
      {
        schema: {
          tags: ['realtime'],
          summary: 'Live events as server-sent events (text/event-stream)',
          description:
            'Each message is `event: <type>` and `data: <StreamEvent JSON>`. `ready` comes first on ' +
            'every connection, `resync` after the server lost its feed; refetch on both. A comment ' +
            'heartbeat every 25 s. Staff hear every event of their workspace; customers only events ' +
            'of their own cases, never internal notes or staff-only changes.',
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        streams.add(res);
        let closed = false;
        let unsubscribe = () => {};
        const write = (chunk: string) => {
          if (closed) return;
          res.write(chunk);
          if (res.writableLength > MAX_BUFFERED_BYTES) res.destroy();
        };
        const heartbeat = setInterval(() => write(sseComment('heartbeat')), HEARTBEAT_MS);
        res.on('close', () => {
          closed = true;
          clearInterval(heartbeat);
          unsubscribe();
          streams.delete(res);
        });
        write('retry: 3000\n\n');
        try {
          const stop = await openStream(deps, hub, actor, (type, data) => write(sseEvent(type, data)));
          if (closed) return stop();
          unsubscribe = stop;
        } catch (err) {
          req.log.error({ err }, 'could not open the event stream');
          res.end();
          return;
        }
        write(sseEvent('ready', { at: deps.clock.now().toISOString() }));
      },
    );
  };
