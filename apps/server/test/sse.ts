import type { Person } from './factories.ts';

export type Received = { event: string; data: Record<string, unknown> };

/**
 * A real EventSource-like reader of GET /api/v1/stream over fetch: collects parsed events until
 * closed. Resolves once the stream said `ready`, so nothing committed afterwards is missed.
 */
export async function openStream(base: string, as: Person, via: 'bearer' | 'cookie' = 'bearer') {
  const controller = new AbortController();
  const headers: Record<string, string> =
    via === 'bearer' ? { authorization: `Bearer ${as.token}` } : { cookie: `fairdesk_session=${as.token}` };
  const res = await fetch(`${base}/api/v1/stream`, { headers, signal: controller.signal });
  const events: Received[] = [];
  let raw = '';
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        raw += decoder.decode(chunk);
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  const waitFor = async (pred: (e: Received) => boolean, ms = 5000) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const hit = events.find(pred);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no matching event within ${ms} ms; got ${events.map((e) => e.event).join(', ')}`);
  };
  await waitFor((e) => e.event === 'ready');
  return {
    res,
    events,
    /** Everything the stream sent, comments and heartbeats included. */
    raw: () => raw,
    waitFor,
    close: async () => {
      controller.abort();
      await reading;
    },
  };
}

/** Lets notifications committed just now arrive before asserting that something did not. */
export const settle = () => new Promise((r) => setTimeout(r, 300));
