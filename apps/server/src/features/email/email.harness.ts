import { sql } from 'kysely';
// Shared by the email test files: a real outbound relay, a running app with a mailbox, and a
// real inbound SMTP listener. Exported `let`s are live bindings, filled in by useEmailHarness().
import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/app.ts';
import { call, makeWorkspace, uniq, type World } from '../../../test/factories.ts';
import { type Relay, startRelay } from '../../../test/relay.ts';
import { processInbound } from './inbound.service.ts';
import { type InboundSmtp, startInboundSmtp } from './inbound-smtp.ts';
import { queueReply } from './outbound.service.ts';

/** The outbound relay: a real SMTP server on loopback that keeps what it receives. */
let relay: Relay;
export let relayed: Relay['received'];
/** Makes the relay refuse (550) or accept what it receives. */
export const setRelayRejects = (v: boolean) => relay.answerWith(() => (v ? 'refuse' : 'accept'));

export let t: TestContext;
export let w: World;
export let inbound: InboundSmtp;
export let mailbox: string;
export let sender: Transporter;

/** Call once at the top of a test file. */
export function useEmailHarness() {
  beforeAll(async () => {
    relay = await startRelay();
    relayed = relay.received;
    t = await startTestApp({ env: { SMTP_URL: relay.url, MAIL_DOMAIN: 'mail.fairdesk.test' } });
    w = await makeWorkspace(t);
    mailbox = `support-${uniq()}@example.test`;
    const made = await call(t, w.admin, 'POST', '/api/v1/email/mailboxes', {
      address: mailbox,
      team_id: w.team.id,
    });
    expect(made.status).toBe(201);
    inbound = await startInboundSmtp(t.deps, { host: '127.0.0.1', port: 0 });
    sender = nodemailer.createTransport({
      host: '127.0.0.1',
      port: inbound.port,
      secure: false,
      ignoreTLS: true,
    });
  });
  afterAll(async () => {
    await inbound.close();
    await t.close();
    await relay.close();
  });
}

/** Runs the processing job for every stored message of the workspace that is still waiting. */
export async function drain(workspaceId = w.ws.id) {
  const rows = await t.deps.db
    .selectFrom('inbound_emails')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'received')
    .orderBy('received_at')
    .execute();
  for (const r of rows) await processInbound(t.deps, r.id);
}

export const casesOf = (customerEmail: string) =>
  t.deps.db
    .selectFrom('cases as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select(['c.id', 'c.number', 'c.status', 'c.channel', 'c.team_id', 'c.subject', 'c.message_count'])
    .where('c.workspace_id', '=', w.ws.id)
    .where('cu.email', '=', customerEmail)
    .orderBy('c.number')
    .execute();

export const messagesOf = (caseId: string) =>
  t.deps.db
    .selectFrom('messages')
    .select(['id', 'body', 'author_kind'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();

/** A staff reply through the API, then the message.added job and the send job, as the worker would. */
export async function staffReply(caseId: string, body: string) {
  const res = await call(t, w.agent, 'POST', `/api/v1/cases/${caseId}/messages`, {
    body,
    visibility: 'public',
  });
  expect(res.status).toBe(201);
  const outgoingId = await queueReply(t.deps, w.ws.id, res.body.id);
  expect(outgoingId).toBeTruthy();
  return { messageId: res.body.id as string, outgoingId: outgoingId as string };
}

export const headerIn = (raw: string, name: string) =>
  new RegExp(`^${name}:\\s*(.+(?:\\r?\\n[ \\t].+)*)`, 'im')
    .exec(raw)?.[1]
    ?.replace(/\r?\n[ \t]+/g, ' ')
    .trim();

/** How many `email.send` jobs wait for this outgoing mail (the worker does not run in these tests). */
export const sendJobsOf = async (id: string) =>
  (
    await sql<{ n: number }>`select count(*)::int as n from graphile_worker.jobs
      where task_identifier = 'email.send' and key = ${`email.send:${id}`}`.execute(t.deps.db)
  ).rows[0]!.n;
