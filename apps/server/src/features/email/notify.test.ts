import { Logger, runOnce } from 'graphile-worker';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Person } from '../../../test/factories.ts';
import { DEMO_POLICY_SET } from '../../demo/policies.data.ts';
import { jobs } from '../../jobs.ts';
import { seedDemoPolicies } from '../policies/index.ts';
import {
  casesOf,
  drain,
  headerIn,
  mailbox,
  relayed,
  sender,
  t,
  useEmailHarness,
  w,
} from './email.harness.ts';
import { notifyReceivedJob, notifyReplyJob } from './notify.jobs.ts';
import { DEFAULT_TEMPLATES } from './templates.defaults.ts';

useEmailHarness();

const TASKS = [
  'email.reply',
  'email.notify_received',
  'email.notify_reply',
  'email.notify_decision',
  'email.send',
];

/** Runs the jobs the events queued, as the worker would: notifications, replies, then sending. */
async function runJobs() {
  const all = jobs(t.deps);
  await runOnce({
    pgPool: t.deps.pool,
    taskList: Object.fromEntries(TASKS.map((n) => [n, all[n]!])),
    logger: new Logger(() => () => {}),
  });
}

const outgoingOf = (caseId: string) =>
  t.deps.db
    .selectFrom('outgoing_emails')
    .select(['id', 'notification_kind', 'message_id', 'message_id_header', 'status', 'cause_key'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();

/** The mails the relay received for an address, parsed. */
async function mailsTo(address: string) {
  const raws = relayed.filter((m) => m.to.includes(address)).map((m) => m.raw);
  return Promise.all(raws.map(async (raw) => ({ raw, parsed: await simpleParser(raw) })));
}

const portalCase = async (customer: Person, subject = 'My tent pole is bent') => {
  const res = await call(t, customer, 'POST', '/api/v1/cases', { subject, body: 'It arrived bent.' });
  expect(res.status).toBe(201);
  return res.body as { id: string; number: number };
};

beforeAll(async () => {
  expect((await call(t, w.admin, 'PATCH', '/api/v1/workspace', { languages: ['en', 'de'] })).status).toBe(
    200,
  );
  await seedDemoPolicies(t.deps, w.ws.id, { policies: DEMO_POLICY_SET.policies, requests: [] });
});

describe('customer notifications', () => {
  it('acknowledges a portal case in the customer’s language, marked automatic, and the answer threads back', async () => {
    expect(
      (await call(t, w.agent, 'PATCH', `/api/v1/customers/${w.alice.id}`, { language: 'de-AT' })).status,
    ).toBe(200);
    const c = await portalCase(w.alice, 'Zelt kaputt');
    await runJobs();
    const out = await outgoingOf(c.id);
    expect(out).toEqual([
      expect.objectContaining({
        notification_kind: 'case_received',
        status: 'sent',
        cause_key: `case_received:${c.id}`,
      }),
    ]);
    const [mail] = (await mailsTo(w.alice.email)).filter(
      (m) => m.parsed.messageId === out[0]!.message_id_header,
    );
    expect(mail).toBeTruthy();
    const { parsed, raw } = mail!;
    expect(parsed.subject).toBe(`[#${c.number}] Wir haben Ihre Anfrage erhalten: Zelt kaputt`);
    expect(parsed.text).toContain('Guten Tag Alice Walker,');
    expect(parsed.text).toContain(`Ihre Vorgangsnummer lautet ${c.number}.`);
    expect(parsed.text).toContain(`http://localhost:3000/portal/cases/${c.id}`);
    expect(parsed.html).toContain(`<a href="http://localhost:3000/portal/cases/${c.id}">`);
    expect(headerIn(raw, 'Auto-Submitted')).toBe('auto-replied');
    expect(headerIn(raw, 'X-Fairdesk-Loop')).toBe('mail.fairdesk.test');
    const replyTo = parsed.replyTo?.value[0]?.address ?? '';
    expect(replyTo).toMatch(/^reply\+[a-z0-9_-]+@mail\.fairdesk\.test$/i);

    await sender.sendMail({
      from: w.alice.email,
      to: replyTo,
      subject: `Re: ${parsed.subject}`,
      text: 'Hier noch ein Foto.',
      inReplyTo: parsed.messageId,
    });
    await drain();
    const thread = await casesOf(w.alice.email);
    expect(thread.find((x) => x.id === c.id)?.message_count).toBe(2);
    expect(thread.filter((x) => x.subject.includes('Zelt'))).toHaveLength(1);
    await call(t, w.agent, 'PATCH', `/api/v1/customers/${w.alice.id}`, { language: 'en' });
  });

  it('sends no acknowledgement for a case staff opened on a customer’s behalf', async () => {
    const res = await call(t, w.agent, 'POST', '/api/v1/cases', {
      subject: 'Phoned in',
      body: 'The customer called about a refund.',
      customer_id: w.bob.id,
      channel: 'phone',
    });
    expect(res.status).toBe(201);
    await runJobs();
    expect(await outgoingOf(res.body.id)).toEqual([]);
  });

  it('tells a portal customer of an agent’s reply with the text and the portal link, threaded', async () => {
    const c = await portalCase(w.alice, 'Where is my order?');
    await runJobs();
    const reply = await call(t, w.agent, 'POST', `/api/v1/cases/${c.id}/messages`, {
      body: 'It left our warehouse today.\n\nTracking: https://track.example/123',
      visibility: 'public',
    });
    await call(t, w.agent, 'POST', `/api/v1/cases/${c.id}/messages`, {
      body: 'internal',
      visibility: 'internal',
    });
    await runJobs();
    const out = await outgoingOf(c.id);
    expect(out.map((o) => o.notification_kind)).toEqual(['case_received', 'agent_replied']);
    expect(out[1]).toMatchObject({ message_id: reply.body.id, status: 'sent' });
    const mail = (await mailsTo(w.alice.email)).find(
      (m) => m.parsed.messageId === out[1]!.message_id_header,
    )!;
    expect(mail.parsed.subject).toBe(`[#${c.number}] New reply to your request: Where is my order?`);
    expect(mail.parsed.text).toContain(`${w.agent.name} has replied to your request "Where is my order?":`);
    expect(mail.parsed.text).toContain('It left our warehouse today.');
    expect(mail.parsed.text).toContain(`http://localhost:3000/portal/cases/${c.id}`);
    expect(mail.parsed.html).toContain('<a href="https://track.example/123">');
    expect(mail.parsed.references).toContain(out[0]!.message_id_header);
    expect(headerIn(mail.raw, 'Auto-Submitted')).toBe('auto-replied');
  });

  it('keeps the plain reply on an email case, without a notification around it', async () => {
    const from = `mailer.${Date.now()}@example.org`;
    await sender.sendMail({ from, to: mailbox, subject: 'Broken stove', text: 'It will not light.' });
    await drain();
    const [c] = await casesOf(from);
    await runJobs();
    const reply = await call(t, w.agent, 'POST', `/api/v1/cases/${c!.id}/messages`, {
      body: 'Please clean the jet.',
      visibility: 'public',
    });
    await runJobs();
    const out = await outgoingOf(c!.id);
    expect(out.map((o) => [o.notification_kind, o.message_id])).toEqual([
      ['case_received', null],
      [null, reply.body.id],
    ]);
    const mails = await mailsTo(from);
    expect(mails[0]!.parsed.subject).toBe(`[#${c!.number}] We have received your request: Broken stove`);
    const plain = mails.find((m) => m.parsed.messageId === out[1]!.message_id_header)!;
    expect(plain.parsed.text?.trim()).toBe('Please clean the jet.');
    expect(headerIn(plain.raw, 'Auto-Submitted')).toBeUndefined();
  });

  it('mails a communicated decision once, framed by decision_made, on portal and email cases', async () => {
    const portal = await portalCase(w.bob, 'Return my boots');
    const from = `decide.${Date.now()}@example.org`;
    await sender.sendMail({ from, to: mailbox, subject: 'Return my jacket', text: 'Please take it back.' });
    await drain();
    const [emailCase] = await casesOf(from);
    for (const caseId of [portal.id, emailCase!.id]) {
      const req = await call(t, w.agent, 'POST', `/api/v1/cases/${caseId}/requests`, {
        kind: 'return',
        facts: { faulty: false, days_since_delivery: 120 },
      });
      expect(req.status).toBe(201);
      const sent = await call(t, w.agent, 'POST', `/api/v1/requests/${req.body.id}/communications`, {
        explanation: 'We cannot take this back after 120 days.',
        alternatives: ['Store credit for the full value'],
      });
      expect(sent.status).toBe(201);
    }
    await runJobs();
    for (const [caseId, to] of [
      [portal.id, w.bob.email],
      [emailCase!.id, from],
    ] as const) {
      const out = await outgoingOf(caseId);
      expect(out.map((o) => o.notification_kind)).toEqual(['case_received', 'decision_made']);
      const mail = (await mailsTo(to)).find((m) => m.parsed.messageId === out[1]!.message_id_header)!;
      expect(mail.parsed.subject).toMatch(/^\[#\d+\] A decision on your request: Return my/);
      expect(mail.parsed.text).toContain('We cannot take this back after 120 days.');
      expect(mail.parsed.text).toContain('- Store credit for the full value');
      expect(mail.parsed.text).toContain(`Kind regards,\n${w.agent.name}`);
      expect(mail.parsed.html).toContain('<li>Store credit for the full value</li>');
    }
  });

  it('writes a decision to a German-speaking customer in German, the words around the agent’s too', async () => {
    expect(
      (await call(t, w.agent, 'PATCH', `/api/v1/customers/${w.bob.id}`, { language: 'de' })).status,
    ).toBe(200);
    try {
      const c = await portalCase(w.bob, 'Stiefel zurückgeben');
      const req = await call(t, w.agent, 'POST', `/api/v1/cases/${c.id}/requests`, {
        kind: 'return',
        facts: { faulty: false, days_since_delivery: 120 },
      });
      const sent = await call(t, w.agent, 'POST', `/api/v1/requests/${req.body.id}/communications`, {
        explanation: 'Nach 120 Tagen können wir die Stiefel nicht mehr zurücknehmen.',
        alternatives: ['Ein Guthaben über den vollen Wert'],
      });
      expect(sent.status).toBe(201);
      await runJobs();
      const out = await outgoingOf(c.id);
      const mail = (await mailsTo(w.bob.email)).find(
        (m) => m.parsed.messageId === out.at(-1)!.message_id_header,
      )!;
      expect(mail.parsed.subject).toMatch(/^\[#\d+\] Entscheidung zu Ihrer Anfrage: Stiefel/);
      expect(mail.parsed.text).toContain(
        'Was wir Ihnen stattdessen anbieten können:\n- Ein Guthaben über den vollen Wert',
      );
      expect(mail.parsed.text).not.toMatch(/What we can offer|This rests on|This comes with/);
    } finally {
      await call(t, w.agent, 'PATCH', `/api/v1/customers/${w.bob.id}`, { language: 'en' });
    }
  });

  it('still mails a decision on an email case as the plain reply when decision_made is off', async () => {
    const path = '/api/v1/email/templates/decision_made/en';
    await call(t, w.admin, 'PUT', path, { ...DEFAULT_TEMPLATES.en!.decision_made, enabled: false });
    const from = `off.${Date.now()}@example.org`;
    await sender.sendMail({ from, to: mailbox, subject: 'Return my tent', text: 'Please take it back.' });
    await drain();
    const [c] = await casesOf(from);
    const req = await call(t, w.agent, 'POST', `/api/v1/cases/${c!.id}/requests`, {
      kind: 'return',
      facts: { faulty: false, days_since_delivery: 120 },
    });
    await call(t, w.agent, 'POST', `/api/v1/requests/${req.body.id}/communications`, {
      explanation: 'Not after 120 days.',
      alternatives: ['Store credit'],
    });
    await runJobs();
    const out = await outgoingOf(c!.id);
    expect(out.map((o) => o.notification_kind)).toEqual(['case_received', null]);
    const plain = (await mailsTo(from)).find((m) => m.parsed.messageId === out[1]!.message_id_header)!;
    expect(plain.parsed.text).toContain('Not after 120 days.');
    expect(headerIn(plain.raw, 'Auto-Submitted')).toBeUndefined();
    await call(t, w.admin, 'PUT', path, { ...DEFAULT_TEMPLATES.en!.decision_made, enabled: true });
  });

  it('uses the workspace’s own text, and sends nothing for a kind switched off', async () => {
    const custom = await call(t, w.admin, 'PUT', '/api/v1/email/templates/agent_replied/en', {
      subject: '{{agent.name}} answered',
      body: 'Dear {{customer.name}},\n\n{{reply.text}}\n\n-- {{workspace.name}}',
    });
    expect(custom.status).toBe(200);
    const off = await call(t, w.admin, 'PUT', '/api/v1/email/templates/case_received/en', {
      subject: 'x [#{{case.number}}]',
      body: 'x',
      enabled: false,
    });
    expect(off.body.enabled).toBe(false);
    const c = await portalCase(w.bob, 'Custom please');
    await call(t, w.agent, 'POST', `/api/v1/cases/${c.id}/messages`, { body: 'Done.', visibility: 'public' });
    await runJobs();
    const out = await outgoingOf(c.id);
    expect(out.map((o) => o.notification_kind)).toEqual(['agent_replied']);
    const mail = (await mailsTo(w.bob.email)).find((m) => m.parsed.messageId === out[0]!.message_id_header)!;
    expect(mail.parsed.subject).toBe(`[#${c.number}] ${w.agent.name} answered`);
    expect(mail.parsed.text).toBe(`Dear Bob Marsh,\n\nDone.\n\n-- ${w.ws.name}`);
    await call(t, w.admin, 'DELETE', '/api/v1/email/templates/agent_replied/en');
    await call(t, w.admin, 'PUT', '/api/v1/email/templates/case_received/en', { subject: 'x', body: 'x' });
    await call(t, w.admin, 'DELETE', '/api/v1/email/templates/case_received/en');
  });

  it('makes one mail when a job runs again after a crash, or twice at once', async () => {
    const c = await portalCase(w.alice, 'Twice?');
    const reply = await call(t, w.agent, 'POST', `/api/v1/cases/${c.id}/messages`, {
      body: 'Once.',
      visibility: 'public',
    });
    const received = notifyReceivedJob(t.deps);
    const replied = notifyReplyJob(t.deps);
    const ev = { workspace_id: w.ws.id, case_id: c.id };
    const msg = { ...ev, data: { message_id: reply.body.id, visibility: 'public' } };
    const helpers = {} as Parameters<typeof received>[1];
    await Promise.all([
      received(ev, helpers),
      received(ev, helpers),
      replied(msg, helpers),
      replied(msg, helpers),
    ]);
    await received(ev, helpers);
    await replied(msg, helpers);
    await runJobs();
    const out = await outgoingOf(c.id);
    expect(out.map((o) => o.notification_kind).sort()).toEqual(['agent_replied', 'case_received']);
    const sends = await t.deps.db
      .selectFrom('email_messages')
      .select('message_id_header')
      .where('case_id', '=', c.id)
      .where('direction', '=', 'out')
      .execute();
    expect(sends).toHaveLength(2);
  });
});
