import { randomUUID } from 'node:crypto';
import {
  AutomationRule,
  CaseDetail,
  CaseRequestList,
  CaseSummary,
  CurrentUser,
  page,
  SessionCreated,
} from '@fairdesk/contract';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { safeEncode } from 'zod/v4/core';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { systemClock } from './clock.ts';
import { createDb, createPool } from './db.ts';
import { createLogger } from './logger.ts';
import { createMailer } from './mailer.ts';
import { compileSerializer, createResponseSerializerCompiler, sharedAnswers } from './serializer.ts';
import { createDiskStorage } from './storage.ts';

// What the app sent before: a Zod encode (which strips unknown keys), then JSON.stringify.
const zodJson = (schema: z.ZodType, data: unknown) => {
  const r = safeEncode(schema, data);
  if (r.error) throw r.error;
  return JSON.stringify(r.data);
};

const at = '2026-11-20T09:30:00.000Z';
const ref = (name: string) => ({ id: randomUUID(), name });
const party = { kind: 'staff', id: randomUUID(), name: 'Ana' };
const summary = (extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  number: 42,
  subject: 'Refund "order" \\ 12345 \u2028 naïve ☃ 😀',
  status: 'open',
  priority: 'high',
  channel: 'email',
  customer: { id: randomUUID(), name: 'Carla', email: 'carla@example.com', ...extra },
  organisation: null,
  team: { ...ref('Support'), ...extra },
  assignee: ref('Ana'),
  tags: ['refund', 'vip'],
  version: 3,
  message_count: 2,
  last_message_at: at,
  first_response_at: null,
  solved_at: null,
  closed_at: null,
  created_at: at,
  updated_at: at,
  sla_next: { target: 'resolution', due_at: null, state: 'paused', ...extra },
  can: {
    update: true,
    reply: true,
    add_internal_note: true,
    assign: false,
    solve: true,
    reopen: false,
    close: true,
    transitions: ['pending', 'solved'],
  },
  ...extra,
});
const detail = (extra: Record<string, unknown> = {}) => ({
  ...summary(extra),
  messages: [
    {
      id: randomUUID(),
      visibility: 'public',
      author: { ...party, ...extra },
      body: `Line one\nline two\t"quoted"\u0000 and a lone surrogate \ud800 ${'long '.repeat(2000)}`,
      created_at: at,
      attachments: [
        {
          id: randomUUID(),
          filename: 'a.pdf',
          content_type: 'application/pdf',
          size_bytes: 10,
          message_id: null,
          created_at: at,
          url: '/x',
          ...extra,
        },
      ],
      ...extra,
    },
  ],
  // A timeline event's data is free-form: every key of it is sent, dates as JSON.stringify writes them.
  timeline: [
    {
      seq: 1,
      type: 'case.updated',
      actor: party,
      data: { changes: { status: ['new', 'open'] }, when: new Date(at), gone: undefined },
      created_at: at,
      ...extra,
    },
  ],
  attachments: [],
  viewers: [{ ...ref('Sam'), state: 'viewing', seen_at: at, ...extra }],
  sla: [{ target: 'first_response', due_at: at, state: 'on_track', ...extra }],
});
const staffUser = {
  kind: 'staff',
  id: randomUUID(),
  workspace_id: randomUUID(),
  workspace_name: 'Trailhead',
  name: 'Ana',
  email: 'ana@example.com',
  role: 'admin',
};
const customerRequest = {
  id: randomUUID(),
  case_id: randomUUID(),
  kind: 'refund',
  amount: 1200,
  currency: 'EUR',
  description: 'Broken zip',
  created_at: at,
  decision: null,
};
const automationRule = {
  id: randomUUID(),
  name: 'Close stale',
  trigger: 'schedule',
  schedule: { status: 'pending', after_hours: 120 },
  conditions: { '==': [{ var: 'case.priority' }, 'low'] },
  actions: [{ type: 'set_status', status: 'closed' }],
  position: 0,
  active: true,
  created_at: at,
  updated_at: at,
};

// Contract schemas with nested objects, nullable objects, arrays, records, unknowns and unions.
const cases: [string, z.ZodType, unknown][] = [
  ['a case with its conversation', CaseDetail, detail()],
  ['a queue page', page(CaseSummary), { items: [summary(), summary()], next_cursor: null }],
  ['a discriminated union (staff)', CurrentUser, staffUser],
  ['a union whose first option fails', CaseRequestList, { items: [customerRequest] }],
  ['a session with a nested union', SessionCreated, { token: 't', expires_at: at, user: staffUser }],
  ['records and unknowns', AutomationRule, automationRule],
  ['an unknown field left out', AutomationRule, { ...automationRule, conditions: undefined }],
];

describe('the compiled response serializer', () => {
  it.each(cases)('writes %s exactly as Zod + JSON.stringify did', (_name, schema, data) => {
    expect(compileSerializer(schema)(data)).toBe(zodJson(schema, data));
  });

  it.each(cases)('drops fields the contract does not name, at every level, in %s', (_name, schema, data) => {
    const leaky = withExtras(data);
    const json = compileSerializer(schema)(leaky);
    expect(json).not.toContain('password_hash');
    expect(json).not.toContain('workspace_secret');
    expect(json).toBe(zodJson(schema, data));
  });

  it('drops extras that presenters return inside nested objects, arrays and nullable objects', () => {
    const extra = { password_hash: 'argon2$…', workspace_secret: 's3cret' };
    const json = compileSerializer(CaseDetail)(detail(extra));
    expect(json).not.toContain('argon2');
    expect(json).not.toContain('s3cret');
    const sent = JSON.parse(json);
    expect(Object.keys(sent)).toEqual(Object.keys(CaseDetail.shape));
    expect(Object.keys(sent.messages[0].attachments[0])).not.toContain('password_hash');
  });

  it.each([
    [
      'optional fields before required ones keep their place',
      z.object({ a: z.string().optional(), b: z.number() }),
      { b: 1, a: 'x' },
    ],
    [
      'a string Zod trims and lower-cases keeps Zod',
      z.object({ tag: z.string().trim().toLowerCase() }),
      { tag: '  VIP ' },
    ],
    [
      'a union option with a nullable enum that is null',
      z.union([
        z.object({
          kind: z.literal('staff'),
          role: z.enum(['agent', 'admin']).nullable(),
          at: z.iso.datetime().nullable(),
        }),
        z.object({ kind: z.string() }),
      ]),
      { kind: 'staff', role: null, at: null, secret: 'x' },
    ],
    [
      'integers, floats, booleans and nulls',
      z.object({ i: z.number().int(), f: z.number(), b: z.boolean(), n: z.string().nullable() }),
      { i: -3, f: 0.1, b: false, n: null },
    ],
  ] as [string, z.ZodType, unknown][])('%s', (_name, schema, data) => {
    const serialize = createResponseSerializerCompiler({ verify: false })({
      schema,
      method: 'GET',
      url: '/x',
    } as never);
    expect(serialize(data)).toBe(zodJson(schema, data));
  });

  it('fails a required field that is missing, as Zod did (a 500, never a partial answer)', () => {
    const { subject: _gone, ...withoutSubject } = summary();
    expect(() => compileSerializer(CaseSummary)(withoutSubject)).toThrow(/subject/);
  });
});

// Free-form values (records, unknowns) carry any key by design; extras go everywhere else.
const FREE_FORM = new Set(['data', 'facts', 'conditions', 'actions']);

/** Adds the same two extra fields to every plain object in the value, free-form values excepted. */
function withExtras(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withExtras);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, FREE_FORM.has(k) ? v : withExtras(v)]);
  return Object.fromEntries([...entries, ['password_hash', 'x'], ['workspace_secret', 'y']]);
}

async function appWith(nodeEnv: 'production' | 'test', send: unknown) {
  return (await answersOf(nodeEnv, send, { requests: 1, shared: false }))[0]!;
}

/** `requests` answers of a probe route sending `send`, the way every route does or as a shared answer. */
async function answersOf(
  nodeEnv: 'production' | 'test',
  send: unknown,
  opts: { requests: number; shared: boolean; between?: () => void },
) {
  const config = loadConfig({
    NODE_ENV: nodeEnv,
    DATABASE_URL: 'postgres://unused@127.0.0.1:9/unused',
    LOG_LEVEL: 'silent',
    SERVE_WEB: 'false',
  });
  const pool = createPool(config.DATABASE_URL ?? '', 1);
  const log = createLogger(config.LOG_LEVEL);
  const app = await buildApp({
    config,
    db: createDb(pool),
    pool,
    clock: systemClock,
    log,
    mailer: createMailer({ from: config.MAIL_FROM, log }),
    storage: createDiskStorage('/nonexistent'),
  });
  // A route like every other: a contract schema for the answer, a presenter's output as the body.
  const sendShared = sharedAnswers();
  app.get('/api/v1/serializer-probe', { schema: { response: { 200: CaseDetail } } }, async (_req, reply) =>
    opts.shared ? sendShared(reply, send as object) : (send as never),
  );
  await app.ready();
  const answers = [];
  for (let i = 0; i < opts.requests; i++) {
    if (i > 0) opts.between?.();
    answers.push(await app.inject({ method: 'GET', url: '/api/v1/serializer-probe' }));
  }
  await app.close();
  await pool.end();
  return answers;
}

describe('responses through the app', () => {
  it('never sends a field the presenter returns but the contract does not name', async () => {
    const extra = { password_hash: 'argon2$secret', workspace_id: 'ws-not-for-you' };
    const presented = detail(extra);
    const res = await appWith('production', presented);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('argon2$secret');
    expect(res.body).not.toContain('ws-not-for-you');
    // Byte for byte what the Zod serializer sent (Zod's encode strips unknown keys).
    expect(res.body).toBe(zodJson(CaseDetail, presented));
    expect(Object.keys(res.json())).toEqual(Object.keys(CaseDetail.shape));
  });

  it('outside production, still answers 500 when a presenter drifts from the contract', async () => {
    const res = await appWith('test', { ...detail(), number: 'forty-two' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ reason: 'internal_error' });
  });

  it('writes a shared answer once while it lives, as the route’s serializer writes it', async () => {
    const presented = detail({ password_hash: 'argon2$secret' });
    const expected = zodJson(CaseDetail, presented);
    const [first, second] = await answersOf('production', presented, {
      requests: 2,
      shared: true,
      // Were it written again, the second answer would carry the new subject.
      between: () => Object.assign(presented, { subject: 'changed after it was written' }),
    });
    for (const res of [first!, second!]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.body).toBe(expected);
    }
  });

  it('outside production, answers 500 when a shared answer drifts from the contract', async () => {
    const [res] = await answersOf(
      'test',
      { ...detail(), number: 'forty-two' },
      { requests: 1, shared: true },
    );
    expect(res!.statusCode).toBe(500);
    expect(res!.json()).toMatchObject({ reason: 'internal_error' });
  });
});
