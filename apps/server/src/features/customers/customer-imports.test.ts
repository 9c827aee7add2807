import type { ReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { Logger, runOnce } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, type Person, type World } from '../../../test/factories.ts';
import type { Deps } from '../../deps.ts';
import { jobs } from '../../jobs.ts';
import { runCustomerImport } from './index.ts';

let t: TestContext;
let a: World;
let b: World;
beforeAll(async () => {
  t = await startTestApp();
  a = await makeWorkspace(t);
  b = await makeWorkspace(t);
});
afterAll(() => t.close());

/** Uploads a file as a browser's multipart form would. */
async function upload(as: Person, content: string, filename = 'customers.csv', type = 'text/csv') {
  const form = new FormData();
  form.append('file', new Blob([content], { type }), filename);
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/customers/imports',
    headers: { authorization: `Bearer ${as.token}`, 'content-type': req.headers.get('content-type')! },
    payload: Buffer.from(await req.arrayBuffer()),
  });
  return { status: res.statusCode, body: res.json() };
}

/** Runs the queued import jobs with graphile-worker itself, as the worker role would. */
const runQueuedImports = () =>
  runOnce({
    pgPool: t.deps.pool,
    taskList: { 'customers.import': jobs(t.deps)['customers.import']! },
    logger: new Logger(() => () => {}),
  });

const progressOf = async (as: Person, id: string) =>
  (await call(t, as, 'GET', `/api/v1/customers/imports/${id}`)).body;

describe('importing customers from CSV', () => {
  it('creates new customers, updates known addresses and reports the rejected lines', async () => {
    const csv = [
      'Name,Email,Phone,Language,Organisation,Notes',
      'Jane Fox,jane.fox@import.test,+1 555 0100,en,Acme Outdoors,Met at the fair',
      'Tom Reed,tom.reed@import.test,,de,acme outdoors,',
      `Alice Walker-Smith,${a.alice.email.toUpperCase()},+44 1632 960000,,,`,
      'Bad Email,not-an-email,,,,',
      ',nameless@import.test,,,,',
      'Jane Fox,Jane.Fox@Import.test,,fr,,',
      '',
      '"Lee, Ann",ann.lee@import.test,,,,"Says ""hi"""',
    ].join('\n');
    const started = await upload(a.agent, csv);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      status: 'queued',
      total: null,
      processed: 0,
      filename: 'customers.csv',
    });

    await runQueuedImports();
    const done = await progressOf(a.agent, started.body.id);
    expect(done).toMatchObject({
      status: 'done',
      total: 7,
      processed: 7,
      created: 3,
      updated: 2,
      rejected_count: 2,
      failure_reason: null,
    });
    expect(done.finished_at).not.toBeNull();
    expect(done.rejected.map((r: { line: number }) => r.line)).toEqual([5, 6]);
    expect(done.rejected[0].reason).toMatch(/email/i);
    expect(done.rejected[1].reason).toMatch(/name/i);

    const jane = (await call(t, a.agent, 'GET', '/api/v1/customers?q=jane.fox@import.test')).body.items;
    expect(jane).toHaveLength(1);
    expect(jane[0]).toMatchObject({
      name: 'Jane Fox',
      phone: '+1 555 0100',
      language: 'fr',
      notes: 'Met at the fair',
    });
    const tom = (await call(t, a.agent, 'GET', '/api/v1/customers?q=tom.reed@import.test')).body.items[0];
    expect(tom.organisation).toEqual(jane[0].organisation); // matched by name, case-insensitively
    const orgs = await call(t, a.agent, 'GET', '/api/v1/organisations?q=acme');
    expect(orgs.body.items).toHaveLength(1);
    const alice = (await call(t, a.agent, 'GET', `/api/v1/customers/${a.alice.id}`)).body;
    expect(alice).toMatchObject({ name: 'Alice Walker-Smith', phone: '+44 1632 960000', language: 'en' });
    const ann = (await call(t, a.agent, 'GET', '/api/v1/customers?q=ann.lee@import.test')).body.items[0];
    expect(ann).toMatchObject({ name: 'Lee, Ann', notes: 'Says "hi"' });

    // Running it again changes nothing.
    await runCustomerImport(t.deps, { workspace_id: a.ws.id, import_id: started.body.id });
    expect(await progressOf(a.agent, started.body.id)).toEqual(done);
  });

  it('resumes after the last committed batch when a run dies half-way', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `Person ${i},person.${i}@resume.test,,,,`);
    const csv = ['name,email,phone,language,organisation,notes', ...rows].join('\n');
    const started = await upload(a.agent, csv);
    const payload = { workspace_id: a.ws.id, import_id: started.body.id };
    // Storage whose second read (the first is the count) breaks once the first batch is in.
    let opens = 0;
    const flaky: Deps = {
      ...t.deps,
      storage: {
        ...t.deps.storage,
        open: async (key) => {
          opens++;
          if (opens !== 2) return t.deps.storage.open(key);
          const head = csv.split('\n').slice(0, 121).join('\n');
          const imports = () => progressOf(a.agent, started.body.id);
          return Readable.from(
            (async function* () {
              yield Buffer.from(`${head}\n`);
              while ((await imports()).processed < 100) await new Promise((r) => setTimeout(r, 20));
              throw new Error('disk went away');
            })(),
          ) as unknown as ReadStream;
        },
      },
    };
    await expect(runCustomerImport(flaky, payload, { final: false })).rejects.toThrow('disk went away');
    expect(await progressOf(a.agent, started.body.id)).toMatchObject({
      status: 'running',
      total: 250,
      processed: 100,
      created: 100,
    });
    await runCustomerImport(t.deps, payload);
    expect(await progressOf(a.agent, started.body.id)).toMatchObject({
      status: 'done',
      processed: 250,
      created: 250,
      updated: 0,
      rejected_count: 0,
    });
    const made = await t.deps.db
      .selectFrom('customer_emails')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', a.ws.id)
      .where('email', 'like', '%@resume.test')
      .executeTakeFirstOrThrow();
    expect(Number(made.n)).toBe(250);
  });

  it('fails an import whose file cannot be read as customers, saying why', async () => {
    const noEmail = await upload(a.agent, 'name,phone\nJo,123\n');
    const broken = await upload(a.agent, 'name,email\n"Jo"x,jo@x.test\n');
    await runQueuedImports();
    expect(await progressOf(a.agent, noEmail.body.id)).toMatchObject({
      status: 'failed',
      failure_reason: 'The header row has no email column',
    });
    const b2 = await progressOf(a.agent, broken.body.id);
    expect(b2.status).toBe('failed');
    expect(b2.failure_reason).toMatch(/^The file is not valid CSV/);
  });

  it('accepts CSV only, from staff only, and keeps imports to their workspace', async () => {
    const png = await upload(a.agent, 'PNG', 'photo.png', 'image/png');
    expect(png.status).toBe(415);
    expect(png.body.reason).toBe('csv_expected');
    const customer = await upload(a.alice, 'name,email\n');
    expect(customer.status).toBe(403);
    const mine = await upload(a.agent, 'name,email\nZed,zed@iso.test\n');
    const peek = await call(t, b.admin, 'GET', `/api/v1/customers/imports/${mine.body.id}`);
    expect(peek.status).toBe(404);
    expect(peek.body.reason).toBe('customer_import_not_found');
    // The worker writes A's import into A only.
    await runQueuedImports();
    expect((await call(t, b.admin, 'GET', '/api/v1/customers?q=zed@iso.test')).body.items).toEqual([]);
    expect((await call(t, a.admin, 'GET', '/api/v1/customers?q=zed@iso.test')).body.items).toHaveLength(1);
  });
});
