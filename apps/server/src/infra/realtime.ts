import { sql } from 'kysely';
import pg from 'pg';
import type { Executor } from './db.ts';
import type { Logger } from './logger.ts';

/** The one NOTIFY channel every app process listens on. */
export const REALTIME_CHANNEL = 'fairdesk_events';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; we stay clear of that. */
const MAX_PAYLOAD_BYTES = 7900;

export type RealtimeMessage = {
  workspace_id: string;
  type: string;
  case_id: string | null;
  actor: { kind: 'staff' | 'customer' | 'system'; id: string | null };
  data: Record<string, unknown>;
};

/** Ids an event's data may name, passed on so a screen knows whether the event concerns it. */
const REFERENCE_KEYS = ['customer_id', 'organisation_id', 'staff_id', 'team_id', 'import_id'] as const;

/**
 * What of an event's data travels to browsers: a summary, never content (bodies, names, old and
 * new values stay in the events table). `changes` becomes the list of changed field names.
 */
export function summariseData(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (data.visibility === 'public' || data.visibility === 'internal') out.visibility = data.visibility;
  if (typeof data.message_id === 'string') out.message_id = data.message_id;
  if (data.changes && typeof data.changes === 'object') out.changes = Object.keys(data.changes);
  for (const key of REFERENCE_KEYS) if (typeof data[key] === 'string') out[key] = data[key];
  return out;
}

/** The payload as sent; an oversized one loses its data rather than failing the transaction. */
export function encodeMessage(m: RealtimeMessage): string {
  const text = JSON.stringify(m);
  if (Buffer.byteLength(text, 'utf8') <= MAX_PAYLOAD_BYTES) return text;
  return JSON.stringify({ ...m, data: { truncated: true } });
}

/**
 * Announces messages to every app process, only once committed. Inside a transaction they go into
 * the event outbox, sent right after the commit (and dropped on rollback) as emit's are: a
 * transaction that NOTIFYs makes every other notifying commit wait for its own (outbox.ts). Outside
 * one they are sent at once, by a statement that commits without waiting for its WAL flush (it
 * changes nothing), so it holds PostgreSQL's notify lock only briefly.
 */
export async function notify(db: Executor, messages: RealtimeMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const payloads = messages.map(encodeMessage);
  if (db.isTransaction) {
    await sql`insert into event_outbox (notes) values (${payloads}::text[])`.execute(db);
    return;
  }
  await sql`select pg_notify(${REALTIME_CHANNEL}, p), set_config('synchronous_commit', 'off', true)
    from unnest(${payloads}::text[]) with ordinality as t(p, n) order by n`.execute(db);
}

function parseMessage(payload: string | undefined): RealtimeMessage | null {
  try {
    const m = JSON.parse(payload ?? '') as RealtimeMessage;
    return typeof m?.workspace_id === 'string' && typeof m.type === 'string' ? m : null;
  } catch {
    return null;
  }
}

export type RealtimeListener = {
  workspaceId: string;
  onMessage: (m: RealtimeMessage) => void;
  /** The feed was lost and is back: messages may have been missed meanwhile. */
  onResync: () => void;
};

/** Hears every workspace's messages, for what the process keeps of them (infra/workspace-cache.ts). */
export type RealtimeWatcher = {
  onMessage: (m: RealtimeMessage) => void;
  /** Listening (again), after a start or a lost feed: messages may have been missed before. */
  onResync: () => void;
  /** The feed is lost: until onResync, messages may be missed. */
  onLost: () => void;
};

export type RealtimeHub = {
  /** Resolves once the process is listening, so nothing committed afterwards is missed. */
  subscribe: (listener: RealtimeListener) => Promise<() => void>;
  /**
   * Like subscribe, for all workspaces. Never fails: while the feed cannot connect it retries, and
   * the watcher hears onResync once it listens.
   */
  watch: (watcher: RealtimeWatcher) => () => void;
  close: () => Promise<void>;
};

/**
 * One dedicated connection per process LISTENs on the channel and fans each message out to the
 * in-memory listeners of its workspace. A lost connection is re-established with backoff while
 * anyone listens, and every listener is then told to resync.
 */
export function createRealtimeHub(opts: {
  clientConfig: pg.ClientConfig;
  log: Logger;
  retryMs?: number;
}): RealtimeHub {
  const listeners = new Map<string, Set<RealtimeListener>>();
  const watchers = new Set<RealtimeWatcher>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const baseDelay = opts.retryMs ?? 1000;
  let delay = baseDelay;

  const deliver = (m: RealtimeMessage) => {
    for (const l of [...(listeners.get(m.workspace_id) ?? []), ...watchers]) {
      try {
        l.onMessage(m);
      } catch (err) {
        opts.log.warn({ err }, 'a realtime listener failed');
      }
    }
  };
  const everyone = (): { onResync: () => void }[] => [
    ...[...listeners.values()].flatMap((set) => [...set]),
    ...watchers,
  ];

  async function connect(): Promise<void> {
    const c = new pg.Client({ ...opts.clientConfig, keepAlive: true });
    c.on('notification', (n) => {
      if (n.channel !== REALTIME_CHANNEL) return;
      const m = parseMessage(n.payload);
      if (m) deliver(m);
    });
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query(`listen ${REALTIME_CHANNEL}`);
    } catch (err) {
      c.removeAllListeners('end');
      await c.end().catch(() => {});
      throw err;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    delay = baseDelay;
  }

  function ensure(): Promise<void> {
    if (client) return Promise.resolve();
    connecting ??= connect().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  function lost(c: pg.Client) {
    if (client !== c) return;
    client = null;
    c.end().catch(() => {});
    if (closed) return;
    opts.log.warn('realtime feed lost its database connection; reconnecting');
    for (const w of watchers) w.onLost();
    if (everyone().length > 0) scheduleReconnect();
  }

  function scheduleReconnect() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      ensure().then(
        () => {
          for (const l of everyone()) l.onResync();
        },
        (err: unknown) => {
          opts.log.warn({ err, retryInMs: delay }, 'realtime feed could not reconnect yet');
          delay = Math.min(delay * 2, 30_000);
          if (!closed) scheduleReconnect();
        },
      );
    }, delay);
    timer.unref();
  }

  return {
    async subscribe(listener) {
      await ensure();
      const set = listeners.get(listener.workspaceId) ?? new Set<RealtimeListener>();
      listeners.set(listener.workspaceId, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(listener.workspaceId) === set) {
          listeners.delete(listener.workspaceId);
        }
      };
    },
    watch(watcher) {
      watchers.add(watcher);
      ensure().then(
        () => watchers.has(watcher) && watcher.onResync(),
        (err: unknown) => {
          opts.log.warn({ err, retryInMs: delay }, 'realtime feed could not connect yet');
          if (!closed) scheduleReconnect();
        },
      );
      return () => {
        watchers.delete(watcher);
      };
    },
    async close() {
      closed = true;
      for (const w of watchers) w.onLost();
      watchers.clear();
      clearTimeout(timer);
      listeners.clear();
      const c = client;
      client = null;
      await connecting?.catch(() => {});
      await c?.end().catch(() => {});
    },
  };
}
