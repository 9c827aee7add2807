// The HTTP scenarios, driven by autocannon against 127.0.0.1. Each request varies its ids through
// setupRequest, so load spreads over many cases and customers as real traffic does.
import autocannon from 'autocannon';
import type { Fixtures } from './seed.ts';
import { type ScenarioResult, summarise } from './stats.ts';
import { body, searchQuery, subject } from './vocabulary.ts';

export const SCENARIOS = [
  'create_case',
  'add_reply',
  'queue_page',
  'case_view',
  'search',
  'queue_counts',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

type Req = autocannon.Request;
const any = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const json = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** What each scenario sends. Integrations (create_case) use the admin's API token; agents the rest. */
export function scenarioRequest(name: ScenarioName, f: Fixtures): Req {
  const agent = bearer(f.agentToken);
  switch (name) {
    case 'create_case':
      return {
        method: 'POST',
        path: '/api/v1/cases',
        headers: json(f.adminToken),
        setupRequest: (r) => ({
          ...r,
          body: JSON.stringify({ customer_id: any(f.customerIds), subject: subject(), body: body() }),
        }),
      };
    case 'add_reply':
      return {
        method: 'POST',
        path: '/api/v1/cases',
        headers: json(f.agentToken),
        setupRequest: (r) => ({
          ...r,
          path: `/api/v1/cases/${any(f.replyCaseIds)}/messages`,
          body: JSON.stringify({ body: body() }),
        }),
      };
    case 'queue_page':
      // A team's open work, first page, by due time (the soonest service-level target first).
      return {
        method: 'GET',
        headers: agent,
        setupRequest: (r) => ({
          ...r,
          path: `/api/v1/cases?team_id=${any(f.teamIds)}&status=new,open&sort=due&limit=50`,
        }),
      };
    case 'case_view':
      return {
        method: 'GET',
        headers: agent,
        setupRequest: (r) => ({ ...r, path: `/api/v1/cases/${any(f.caseIds)}` }),
      };
    case 'search':
      return {
        method: 'GET',
        headers: agent,
        setupRequest: (r) => ({ ...r, path: `/api/v1/search?q=${encodeURIComponent(searchQuery())}` }),
      };
    case 'queue_counts':
      return { method: 'GET', path: '/api/v1/cases/counts', headers: agent };
  }
}

export type RunOutcome = { result: ScenarioResult; statuses: Record<string, number> };

/** One measured run: `connections` keep-alive connections, each sending as fast as answers come. */
export async function runHttp(
  baseUrl: string,
  name: string,
  request: Req,
  connections: number,
  seconds: number,
): Promise<RunOutcome> {
  const latencies: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const opts = { url: baseUrl, connections, duration: seconds, timeout: 10, requests: [request] };
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    instance.on('response', (_client, _status, _bytes, ms) => {
      latencies.push(ms);
    });
  });
  const statuses = Object.fromEntries(
    Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count ?? 0]),
  );
  // autocannon counts a timeout in both `errors` and `timeouts`; errors already holds them.
  const errors = r.non2xx + r.errors;
  return { result: summarise(name, connections, latencies, r.duration, errors), statuses };
}

/** One concrete request of a scenario, its ids drawn as autocannon's `setupRequest` draws them. */
const oneOf = (request: Req): Req =>
  typeof request.setupRequest === 'function' ? request.setupRequest({ ...request }, {}) : request;

/**
 * One request of the scenario, sent with fetch, to show what a failing scenario answers. Bodies are
 * not captured during measured runs: reading them would cost the load generator CPU on every reply.
 */
export async function probe(baseUrl: string, request: Req): Promise<string> {
  const r = oneOf(request);
  const res = await fetch(`${baseUrl}${r.path}`, {
    method: r.method,
    headers: r.headers as Record<string, string>,
    body: r.body as string | undefined,
  }).catch((e: Error) => ({ status: 0, text: async () => e.message }));
  return `${r.method} ${r.path} -> ${res.status} ${(await res.text()).slice(0, 300)}`;
}

/**
 * Replies at a steady rate beside a measured run (`queue_counts` while the desk changes: each reply
 * is a change every console refetches its counts after). Returns how many were sent and refused.
 */
export function steadyReplies(baseUrl: string, f: Fixtures, perSecond: number) {
  const request = scenarioRequest('add_reply', f);
  let sent = 0;
  let refused = 0;
  const inFlight = new Set<Promise<unknown>>();
  const timer = setInterval(() => {
    const r = oneOf(request);
    sent++;
    const done = fetch(`${baseUrl}${r.path}`, {
      method: r.method,
      headers: r.headers as Record<string, string>,
      body: r.body as string,
    })
      .then(
        async (res) => {
          if (res.status !== 201) refused++;
          await res.arrayBuffer();
        },
        () => refused++,
      )
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  }, 1000 / perSecond);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      return { sent, refused };
    },
  };
}
