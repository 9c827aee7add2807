import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, uniq, type World } from '../../../test/factories.ts';
import { processInbound, storeInbound } from './inbound.service.ts';

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
type Expect = {
  status: string;
  reason?: string;
  body_includes?: string[];
  body_excludes?: string[];
  attachments?: number;
};
const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<string, Expect>;
const fixture = (name: string) => readFileSync(path.join(dir, `${name}.eml`));

let t: TestContext;
let w: World;
let mailbox: string;
beforeAll(async () => {
  t = await startTestApp();
  w = await makeWorkspace(t);
  mailbox = `corpus-${uniq()}@example.test`;
  await call(t, w.admin, 'POST', '/api/v1/email/mailboxes', { address: mailbox });
});
afterAll(() => t.close());

async function deliver(raw: Buffer) {
  const [id] = await storeInbound(t.deps, {
    raw,
    mailFrom: 'fixture@example.org',
    rcptTo: [mailbox],
    remoteAddress: null,
  });
  const outcome = await processInbound(t.deps, id!);
  return { id: id!, outcome };
}

describe('the .eml corpus', () => {
  it('has at least 30 fixtures', () => {
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(30);
  });

  for (const [name, e] of Object.entries(expected)) {
    it(`${name}: ${e.status}${e.reason ? ` (${e.reason})` : ''}`, async () => {
      const { outcome } = await deliver(fixture(name));
      expect(outcome.status).toBe(e.status);
      if (e.reason) expect(outcome.reason).toBe(e.reason);
      if (e.status !== 'processed') {
        expect(outcome.case_id ?? null).toBeNull();
        return;
      }
      const msgs = await t.deps.db
        .selectFrom('messages')
        .select(['id', 'body'])
        .where('case_id', '=', outcome.case_id!)
        .orderBy('created_at', 'desc')
        .execute();
      const body = msgs[0]!.body;
      for (const s of e.body_includes ?? []) expect(body).toContain(s);
      for (const s of e.body_excludes ?? []) expect(body).not.toContain(s);
      if (e.attachments !== undefined) {
        const files = await t.deps.db
          .selectFrom('attachments')
          .select('id')
          .where('message_id', '=', msgs[0]!.id)
          .execute();
        expect(files).toHaveLength(e.attachments);
      }
    });
  }
});

describe('random damage to real mail', () => {
  it('never crashes the parser path and never makes a case without its stored raw message', async () => {
    const names = Object.keys(expected);
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }) }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        bytes: fc.uint8Array({ maxLength: 64 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        async (name, muts) => {
          let raw = Buffer.from(fixture(name));
          for (const m of muts) {
            const at = raw.length ? m.at % raw.length : 0;
            if (m.kind === 'set' && raw.length) raw[at] = m.byte;
            if (m.kind === 'cut') raw = Buffer.concat([raw.subarray(0, at), raw.subarray(at + m.len)]);
            if (m.kind === 'insert')
              raw = Buffer.concat([raw.subarray(0, at), Buffer.from(m.bytes), raw.subarray(at)]);
          }
          const { outcome } = await deliver(raw);
          expect(['processed', 'ignored', 'quarantined']).toContain(outcome.status);
        },
      ),
      {
        numRuns: 60,
        examples: [
          // A NUL in an attachment's media type (PostgreSQL refuses it in text: error 22021).
          [
            '21-auto-submitted',
            [
              { kind: 'insert', at: 251450118, bytes: Uint8Array.from([0, 0, 0, 0, 0, 0, 0]) },
              { kind: 'set', at: 2147483616, byte: 0 },
              { kind: 'set', at: 303726435, byte: 0 },
            ],
          ],
          // A media type the parser gave as something other than a string.
          [
            '19-two-attachments',
            [
              { kind: 'cut', at: 686311181, len: 41 },
              { kind: 'cut', at: 205436579, len: 54 },
            ],
          ],
        ],
      },
    );
    const orphans = await t.deps.db
      .selectFrom('cases as c')
      .select('c.id')
      .where('c.workspace_id', '=', w.ws.id)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('inbound_emails as i')
              .select('i.id')
              .whereRef('i.case_id', '=', 'c.id')
              .where('i.raw', 'is not', null),
          ),
        ),
      )
      .execute();
    expect(orphans).toEqual([]);
  }, 120_000);
});
