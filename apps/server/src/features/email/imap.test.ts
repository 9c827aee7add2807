import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, uniq, type World } from '../../../test/factories.ts';
import { startTestImap, type TestImap } from './imap.test-server.ts';
import { pollImapMailbox, runImapPoll } from './imap-poll.service.ts';
import { openImapPassword } from './imap-secrets.ts';
import { ensureImapPolls } from './imap-sweep.service.ts';
import { processInbound } from './inbound.service.ts';

let t: TestContext;
let w: World;
let imap: TestImap;

beforeAll(async () => {
  t = await startTestApp();
  w = await makeWorkspace(t);
  imap = await startTestImap();
});
afterAll(async () => {
  await imap.close();
  await t.close();
});

const settings = (over: Record<string, unknown> = {}) => ({
  host: '127.0.0.1',
  port: imap.port,
  security: 'none',
  username: imap.user,
  password: imap.password,
  ...over,
});

async function addImapMailbox(over: Record<string, unknown> = {}) {
  const res = await call(t, w.admin, 'POST', '/api/v1/email/mailboxes', {
    address: `imap-${uniq()}@example.test`,
    mode: 'imap',
    team_id: w.team.id,
    imap: settings(over),
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; address: string; imap: Record<string, unknown> };
}

const mail = (from: string, subject: string, id = `<${uniq()}@example.org>`) =>
  `From: ${from}\r\nTo: support@example.test\r\nSubject: ${subject}\r\nMessage-ID: ${id}\r\n` +
  `Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n\r\n${subject} body\r\n`;

/** Runs the processing jobs of everything the poll stored, as the worker would. */
async function drain() {
  const rows = await t.deps.db
    .selectFrom('inbound_emails')
    .select('id')
    .where('workspace_id', '=', w.ws.id)
    .where('status', '=', 'received')
    .execute();
  for (const r of rows) await processInbound(t.deps, r.id);
}

const casesFrom = (email: string) =>
  t.deps.db
    .selectFrom('cases as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select(['c.id', 'c.subject', 'c.message_count', 'c.team_id'])
    .where('c.workspace_id', '=', w.ws.id)
    .where('cu.email', '=', email)
    .orderBy('c.number')
    .execute();

const stateOf = (mailboxId: string) =>
  t.deps.db
    .selectFrom('mailbox_imap')
    .selectAll()
    .where('mailbox_id', '=', mailboxId)
    .executeTakeFirstOrThrow();

describe('IMAP polling', () => {
  it('turns new mail into cases once, marks it read, and continues after a restart', async () => {
    const from = `imap.${uniq()}@example.org`;
    await imap.append(mail(from, 'First'));
    await imap.append(mail(from, 'Second'));
    await imap.append(mail(from, 'Read before we came'), ['\\Seen']);
    const box = await addImapMailbox();

    const first = await pollImapMailbox(t.deps, box.id);
    expect(first).toMatchObject({ status: 'polled', stored: 2 });
    await drain();
    const cases = await casesFrom(from);
    expect(cases.map((c) => c.subject).sort()).toEqual(['First', 'Second']);
    expect(cases.every((c) => c.team_id === w.team.id)).toBe(true);
    const flags = await imap.flags();
    expect([...flags.values()].every((f) => f.includes('\\Seen'))).toBe(true);
    const state = await stateOf(box.id);
    expect(state.last_uid).toBe(Math.max(...flags.keys()));
    expect(state.uid_validity).not.toBeNull();

    expect(await pollImapMailbox(t.deps, box.id)).toMatchObject({ status: 'polled', stored: 0 });
    await drain();
    expect(await casesFrom(from)).toHaveLength(2);

    // A new process (fresh pool, nothing in memory) continues from the UID stored in the database.
    await imap.append(mail(from, 'Third'));
    const restarted = await startTestApp();
    try {
      expect(await pollImapMailbox(restarted.deps, box.id)).toMatchObject({ status: 'polled', stored: 1 });
    } finally {
      await restarted.close();
    }
    await drain();
    expect((await casesFrom(from)).map((c) => c.subject).sort()).toEqual(['First', 'Second', 'Third']);
  });

  it('makes no duplicate when a stored message is fetched again (crash before \\Seen, new UIDVALIDITY)', async () => {
    const from = `again.${uniq()}@example.org`;
    const box = await addImapMailbox();
    await pollImapMailbox(t.deps, box.id); // catch up with earlier tests' mail
    await imap.append(mail(from, 'Only once'));
    await pollImapMailbox(t.deps, box.id);
    await drain();
    expect(await casesFrom(from)).toHaveLength(1);
    const uid = (await stateOf(box.id)).last_uid;

    // As if the process died after the store committed but before \Seen and the UID were recorded.
    await imap.unsee(uid);
    await t.deps.db
      .updateTable('mailbox_imap')
      .set({ last_uid: uid - 1 })
      .where('mailbox_id', '=', box.id)
      .execute();
    expect(await pollImapMailbox(t.deps, box.id)).toMatchObject({ stored: 1 });
    // The folder's UIDs start over: unread mail is taken again.
    await imap.unsee(uid);
    const renewed = Number((await stateOf(box.id)).uid_validity) + 7;
    imap.setUidValidity(renewed);
    expect(await pollImapMailbox(t.deps, box.id)).toMatchObject({ status: 'polled', stored: 1 });
    expect((await stateOf(box.id)).uid_validity).toBe(renewed);
    await drain();

    const cases = await casesFrom(from);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.message_count).toBe(1);
    const copies = await t.deps.db
      .selectFrom('inbound_emails')
      .select(['status', 'reason'])
      .where('mail_from', '=', from)
      .orderBy('received_at')
      .execute();
    expect(copies).toEqual([
      { status: 'processed', reason: 'new_case' },
      { status: 'ignored', reason: 'duplicate' },
      { status: 'ignored', reason: 'duplicate' },
    ]);
    imap.setUidValidity(1);
  });

  it('leaves a message over the size limit unread in the mailbox, says so, and goes on past it', async () => {
    const box = await addImapMailbox();
    await pollImapMailbox(t.deps, box.id); // catch up with earlier tests' mail
    const from = `big.${uniq()}@example.org`;
    await imap.append(mail(from, `Big ${'x'.repeat(3000)}`));
    await imap.append(mail(from, 'Small'));
    const small = { ...t.deps, config: { ...t.deps.config, INBOUND_MAX_BYTES: 2048 } };
    expect(await pollImapMailbox(small, box.id)).toMatchObject({ status: 'polled', stored: 1 });
    await drain();
    expect((await casesFrom(from)).map((c) => c.subject)).toEqual(['Small']);
    const state = await stateOf(box.id);
    expect(state.last_error).toMatch(/^Skipped: UID \d+ \(\d+ bytes\) is over the 2048-byte limit$/);
    const flags = await imap.flags();
    expect(flags.get(state.last_uid - 1)).not.toContain('\\Seen');
    expect(await pollImapMailbox(small, box.id)).toMatchObject({ stored: 0 });
  });

  it('records a failing mailbox’s error on it, backs off, and keeps polling the others', async () => {
    const bad = await addImapMailbox({ password: 'wrong password' });
    const down = await addImapMailbox({ port: 1 });
    const good = await addImapMailbox();
    const r = await runImapPoll(t.deps, bad.id);
    expect(r.status).toBe('failed');
    expect((await runImapPoll(t.deps, down.id)).error).toMatch(/Connection refused by 127\.0\.0\.1:1/);
    expect((await runImapPoll(t.deps, good.id)).status).toBe('polled');

    const list = await call(t, w.admin, 'GET', '/api/v1/email/mailboxes');
    const shown = list.body.items.find((m: { id: string }) => m.id === bad.id);
    expect(shown.imap).toMatchObject({ failures: 1, password_set: true, last_success_at: null });
    expect(shown.imap.last_error).toMatch(/^Login refused/);
    expect(Date.parse(shown.imap.last_poll_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(list.body.items.find((m: { id: string }) => m.id === good.id).imap.last_error).toBeNull();

    // The next poll of the failing one waits twice its interval; the good one its interval.
    const runAt = async (id: string) => {
      const job = await t.deps.db
        .selectFrom('graphile_worker.jobs' as never)
        .select(['run_at' as never])
        .where('key' as never, '=', `email.imap.poll:${id}` as never)
        .executeTakeFirstOrThrow();
      return ((job as { run_at: Date }).run_at.getTime() - Date.now()) / 1000;
    };
    expect(await runAt(bad.id)).toBeGreaterThan(100);
    expect(await runAt(good.id)).toBeLessThanOrEqual(60);
  });

  it('keeps the password sealed, never returns it, and keeps it when none is given', async () => {
    const box = await addImapMailbox();
    expect(JSON.stringify(box)).not.toContain(imap.password);
    expect(box.imap).toMatchObject({ password_set: true, folder: 'INBOX', poll_seconds: 60 });
    const row = await stateOf(box.id);
    expect(row.password_sealed).not.toContain(imap.password);
    expect(openImapPassword(t.deps, row.password_sealed)).toBe(imap.password);

    const { password: _, ...noPassword } = settings({ folder: 'INBOX', poll_seconds: 30 });
    const changed = await call(t, w.admin, 'PATCH', `/api/v1/email/mailboxes/${box.id}`, {
      imap: noPassword,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.imap).toMatchObject({ poll_seconds: 30, password_set: true });
    expect((await stateOf(box.id)).password_sealed).toBe(row.password_sealed);
  });

  it('tests a connection and reports the server’s answer', async () => {
    const box = await addImapMailbox();
    const url = `/api/v1/email/mailboxes/${box.id}/imap-test`;
    const ok = await call(t, w.admin, 'POST', url, {});
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, messages: expect.any(Number) });
    const refused = await call(t, w.admin, 'POST', url, { password: 'nope' });
    expect(refused.body.ok).toBe(false);
    expect(refused.body.message).toMatch(/^Login refused: .*authentication failure/i);
    const noFolder = await call(t, w.admin, 'POST', url, { folder: 'Nowhere' });
    expect(noFolder.body.ok).toBe(false);
    expect((await call(t, w.agent, 'POST', url, {})).status).toBe(403);
    expect((await call(t, w.admin, 'POST', url, { port: 0 })).body.reason).toBe('validation_failed');
  });

  it('refuses an IMAP mailbox without settings or password, and leaves no trace', async () => {
    const address = `refused-${uniq()}@example.test`;
    const none = await call(t, w.admin, 'POST', '/api/v1/email/mailboxes', { address, mode: 'imap' });
    expect(none.status).toBe(400);
    expect(none.body.reason).toBe('validation_failed');
    const { password: _, ...noPassword } = settings();
    const noPw = await call(t, w.admin, 'POST', '/api/v1/email/mailboxes', {
      address,
      mode: 'imap',
      imap: noPassword,
    });
    expect(noPw.status).toBe(400);
    const smtp = await call(t, w.admin, 'POST', '/api/v1/email/mailboxes', { address });
    expect(smtp.status).toBe(201);
    const switched = await call(t, w.admin, 'PATCH', `/api/v1/email/mailboxes/${smtp.body.id}`, {
      mode: 'imap',
    });
    expect(switched.status).toBe(400);
    expect(switched.body.reason).toBe('imap_settings_required');
    const after = await call(t, w.admin, 'GET', '/api/v1/email/mailboxes');
    expect(after.body.items.find((m: { id: string }) => m.id === smtp.body.id)).toMatchObject({
      mode: 'smtp',
      imap: null,
    });
  });

  it('keeps one workspace’s IMAP mailboxes away from another (404)', async () => {
    const box = await addImapMailbox();
    const other = await makeWorkspace(t);
    const url = `/api/v1/email/mailboxes/${box.id}`;
    expect((await call(t, other.admin, 'POST', `${url}/imap-test`, {})).status).toBe(404);
    expect((await call(t, other.admin, 'PATCH', url, { imap: settings({ password: 'x' }) })).status).toBe(
      404,
    );
    const theirs = await call(t, other.admin, 'GET', '/api/v1/email/mailboxes');
    expect(theirs.body.items.some((m: { id: string }) => m.id === box.id)).toBe(false);
    expect(openImapPassword(t.deps, (await stateOf(box.id)).password_sealed)).toBe(imap.password);
  });

  it('the sweep queues a poll for every IMAP mailbox that has none', async () => {
    const box = await addImapMailbox();
    await sql`select graphile_worker.remove_job(${`email.imap.poll:${box.id}`})`.execute(t.deps.db);
    expect(await ensureImapPolls(t.deps)).toBeGreaterThan(0);
    const job = await t.deps.db
      .selectFrom('graphile_worker.jobs' as never)
      .select(['key' as never])
      .where('key' as never, '=', `email.imap.poll:${box.id}` as never)
      .executeTakeFirst();
    expect(job).toBeDefined();
  });
});
