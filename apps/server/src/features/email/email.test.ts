import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../../../test/app.ts';
import { call, makeWorkspace, uniq } from '../../../test/factories.ts';
import {
  casesOf,
  drain,
  headerIn,
  mailbox,
  messagesOf,
  relayed,
  sender,
  setRelayRejects,
  staffReply,
  t,
  useEmailHarness,
  w,
} from './email.harness.ts';
import { processInbound } from './inbound.service.ts';
import { startInboundSmtp } from './inbound-smtp.ts';
import { queueReply, sendOutgoing } from './outbound.service.ts';

useEmailHarness();

describe('inbound mail over SMTP', () => {
  it('turns a new mail into an email case for a new customer, routed to the mailbox team', async () => {
    const from = `new.${uniq()}@example.org`;
    const info = await sender.sendMail({
      from: `"New Person" <${from}>`,
      to: mailbox,
      subject: 'Broken kettle',
      text: 'It leaks.',
    });
    expect(info.accepted).toContain(mailbox);
    const stored = await t.deps.db
      .selectFrom('inbound_emails')
      .select(['status', 'raw'])
      .where('mail_from', '=', from)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('received');
    expect(stored.raw?.length).toBeGreaterThan(0);
    await drain();
    const [c] = await casesOf(from);
    expect(c).toMatchObject({
      channel: 'email',
      status: 'new',
      team_id: w.team.id,
      subject: 'Broken kettle',
    });
    expect((await messagesOf(c!.id))[0]!.body).toBe('It leaks.');
  });

  it('refuses mail for an address that is not a mailbox here', async () => {
    await expect(
      sender.sendMail({
        from: 'x@example.org',
        to: `nobody-${uniq()}@example.test`,
        subject: 'Hi',
        text: 'Hi',
      }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });

  it('makes one message of the same mail delivered twice', async () => {
    const from = `dup.${uniq()}@example.org`;
    const mail = {
      from,
      to: mailbox,
      subject: 'Twice',
      text: 'Once please',
      messageId: `<dup-${uniq()}@example.org>`,
    };
    await sender.sendMail(mail);
    await sender.sendMail(mail);
    await drain();
    const cases = await casesOf(from);
    expect(cases).toHaveLength(1);
    expect(await messagesOf(cases[0]!.id)).toHaveLength(1);
    const statuses = await t.deps.db
      .selectFrom('inbound_emails')
      .select(['status', 'reason'])
      .where('mail_from', '=', from)
      .execute();
    expect(statuses.map((s) => s.reason).sort()).toEqual(['duplicate', 'new_case']);
  });

  it('never opens a case for an auto-reply', async () => {
    const from = `ooo.${uniq()}@example.org`;
    await sender.sendMail({
      from,
      to: mailbox,
      subject: 'Out of office',
      text: 'Away',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await drain();
    expect(await casesOf(from)).toHaveLength(0);
    const row = await t.deps.db
      .selectFrom('inbound_emails')
      .select(['status', 'reason'])
      .where('mail_from', '=', from)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'ignored', reason: 'auto_submitted' });
  });

  it('limits how many messages one sender may send per minute', async () => {
    const t2 = await startTestApp({ env: { INBOUND_RATE_PER_MINUTE: '2' } });
    const smtp = await startInboundSmtp(t2.deps, { host: '127.0.0.1', port: 0 });
    const tx = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, ignoreTLS: true });
    try {
      const from = `flood.${uniq()}@example.org`;
      const send = () => tx.sendMail({ from, to: mailbox, subject: 'x', text: 'x' });
      await send();
      await send();
      await expect(send()).rejects.toMatchObject({ responseCode: 421 });
    } finally {
      tx.close();
      await smtp.close();
      await t2.close();
    }
  });

  it('refuses a message over the size limit', async () => {
    const t2 = await startTestApp({ env: { INBOUND_MAX_BYTES: '4096' } });
    const smtp = await startInboundSmtp(t2.deps, { host: '127.0.0.1', port: 0 });
    const tx = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, ignoreTLS: true });
    try {
      await expect(
        tx.sendMail({ from: 'big@example.org', to: mailbox, subject: 'big', text: 'x'.repeat(10_000) }),
      ).rejects.toMatchObject({ responseCode: 552 });
    } finally {
      tx.close();
      await smtp.close();
      await t2.close();
    }
  });
});

describe('a conversation by email, both ways', () => {
  it('sends a staff reply that threads back, and the customer reply joins the case', async () => {
    const from = `conv.${uniq()}@example.org`;
    await sender.sendMail({
      from,
      to: mailbox,
      subject: 'Refund please',
      text: 'I want my money back.',
      messageId: `<first-${uniq()}@example.org>`,
    });
    await drain();
    const [c] = await casesOf(from);
    const { outgoingId } = await staffReply(c!.id, 'Your refund is on its way.');
    // A second delivery of the event or a crashed run: still one outgoing mail.
    expect(await queueReply(t.deps, w.ws.id, (await messagesOf(c!.id))[1]!.id)).toBe(outgoingId);
    expect(await sendOutgoing(t.deps, outgoingId)).toBe('sent');
    expect(await sendOutgoing(t.deps, outgoingId)).toBe('sent');
    const out = relayed.filter((m) => m.to.includes(from));
    expect(out).toHaveLength(1);
    const raw = out[0]!.raw;
    const ourId = headerIn(raw, 'Message-ID')!;
    expect(ourId).toMatch(/@mail\.fairdesk\.test>$/);
    expect(headerIn(raw, 'Subject')).toBe(`Re: [#${c!.number}] Refund please`);
    expect(headerIn(raw, 'In-Reply-To')).toMatch(/^<first-/);
    expect(headerIn(raw, 'References')).toContain('<first-');
    const replyTo = headerIn(raw, 'Reply-To')!;
    expect(replyTo).toMatch(/reply\+[0-9a-f]{24}@mail\.fairdesk\.test/);
    expect(raw).toMatch(/Content-Type: text\/html/);
    expect(raw).toMatch(/Content-Type: text\/plain/);
    const list = await call(t, w.admin, 'GET', '/api/v1/email/outgoing');
    expect(list.body.items.find((o: { id: string }) => o.id === outgoingId)).toMatchObject({
      status: 'sent',
      attempts: 1,
    });

    // The customer answers with In-Reply-To only (mailbox address, no token): the headers thread it.
    await sender.sendMail({
      from,
      to: mailbox,
      subject: 'Re: something else',
      text: 'Thanks!\n\nOn Mon, support wrote:\n> Your refund is on its way.',
      inReplyTo: ourId,
      references: [ourId],
    });
    // And once more through the reply address, with no headers and no number.
    const replyAddress = /<?(reply\+[^>\s]+)>?/.exec(replyTo)![1]!;
    await sender.sendMail({ from, to: replyAddress, subject: 'one more thing', text: 'Also the receipt.' });
    await drain();
    const after = await casesOf(from);
    expect(after).toHaveLength(1);
    const bodies = (await messagesOf(c!.id)).map((m) => m.body);
    expect(bodies.slice(0, 2)).toEqual(['I want my money back.', 'Your refund is on its way.']);
    expect(bodies.slice(2).sort()).toEqual(['Also the receipt.', 'Thanks!']);
  });

  it('threads by [#number] in the subject only for the case’s own customer', async () => {
    const from = `subj.${uniq()}@example.org`;
    await sender.sendMail({ from, to: mailbox, subject: 'Printer', text: 'Jammed.' });
    await drain();
    const [c] = await casesOf(from);
    await sender.sendMail({
      from,
      to: mailbox,
      subject: `Re: [#${c!.number}] Printer`,
      text: 'Still jammed.',
    });
    const stranger = `stranger.${uniq()}@example.org`;
    await sender.sendMail({
      from: stranger,
      to: mailbox,
      subject: `[#${c!.number}] hijack`,
      text: 'Let me in.',
    });
    await drain();
    expect((await messagesOf(c!.id)).map((m) => m.body)).toEqual(['Jammed.', 'Still jammed.']);
    expect(await casesOf(stranger)).toHaveLength(1);
  });

  it('reopens a solved case, and opens a new linked case after a closed one', async () => {
    const from = `reopen.${uniq()}@example.org`;
    await sender.sendMail({ from, to: mailbox, subject: 'Login', text: 'Cannot log in.' });
    await drain();
    const [c] = await casesOf(from);
    expect((await call(t, w.agent, 'PATCH', `/api/v1/cases/${c!.id}`, { status: 'solved' })).status).toBe(
      200,
    );
    await sender.sendMail({
      from,
      to: mailbox,
      subject: `Re: [#${c!.number}] Login`,
      text: 'It broke again.',
    });
    await drain();
    expect((await casesOf(from))[0]!.status).toBe('open');
    await call(t, w.agent, 'PATCH', `/api/v1/cases/${c!.id}`, { status: 'solved' });
    expect((await call(t, w.agent, 'PATCH', `/api/v1/cases/${c!.id}`, { status: 'closed' })).status).toBe(
      200,
    );
    await sender.sendMail({ from, to: mailbox, subject: `Re: [#${c!.number}] Login`, text: 'And again.' });
    await drain();
    const all = await casesOf(from);
    expect(all).toHaveLength(2);
    expect(all[0]!.status).toBe('closed');
    expect(all[1]!.status).toBe('new');
    const row = await t.deps.db
      .selectFrom('inbound_emails')
      .select('linked_case_id')
      .where('case_id', '=', all[1]!.id)
      .executeTakeFirstOrThrow();
    expect(row.linked_case_id).toBe(c!.id);
  });

  it('records a refused delivery as failed with the server’s answer, and retries', async () => {
    const from = `fail.${uniq()}@example.org`;
    await sender.sendMail({ from, to: mailbox, subject: 'Fail', text: 'Hello' });
    await drain();
    const [c] = await casesOf(from);
    const { outgoingId } = await staffReply(c!.id, 'Answer');
    setRelayRejects(true);
    try {
      await expect(sendOutgoing(t.deps, outgoingId)).rejects.toThrow();
    } finally {
      setRelayRejects(false);
    }
    const failed = await call(t, w.admin, 'GET', `/api/v1/email/outgoing/${outgoingId}`);
    expect(failed.body).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.body.last_response).toMatch(/550/);
    expect(await sendOutgoing(t.deps, outgoingId)).toBe('sent');
  });

  it('captures outgoing mail in the table when no relay is configured', async () => {
    const t2 = await startTestApp();
    try {
      const w2 = await makeWorkspace(t2);
      const box = `cap-${uniq()}@example.test`;
      await call(t2, w2.admin, 'POST', '/api/v1/email/mailboxes', { address: box });
      const { storeInbound } = await import('./inbound.service.ts');
      const [id] = await storeInbound(t2.deps, {
        raw: Buffer.from(
          `From: cap@example.org\r\nTo: ${box}\r\nSubject: Hi\r\nMessage-ID: <cap-${uniq()}@x>\r\n\r\nHello\r\n`,
        ),
        mailFrom: 'cap@example.org',
        rcptTo: [box],
        remoteAddress: null,
      });
      const done = await processInbound(t2.deps, id!);
      const res = await call(t2, w2.agent, 'POST', `/api/v1/cases/${done.case_id}/messages`, {
        body: 'Captured answer',
        visibility: 'public',
      });
      const outId = await queueReply(t2.deps, w2.ws.id, res.body.id);
      expect(await sendOutgoing(t2.deps, outId!)).toBe('captured');
      const view = await call(t2, w2.admin, 'GET', `/api/v1/email/outgoing/${outId}`);
      expect(view.body).toMatchObject({
        status: 'captured',
        to_address: 'cap@example.org',
        text_body: 'Captured answer',
      });
      expect(view.body.html_body).toContain('<p>Captured answer</p>');
    } finally {
      await t2.close();
    }
  });

  it('does not mail internal notes or replies on cases from other channels', async () => {
    const from = `note.${uniq()}@example.org`;
    await sender.sendMail({ from, to: mailbox, subject: 'Note', text: 'Hello' });
    await drain();
    const [c] = await casesOf(from);
    const note = await call(t, w.agent, 'POST', `/api/v1/cases/${c!.id}/messages`, {
      body: 'internal',
      visibility: 'internal',
    });
    expect(await queueReply(t.deps, w.ws.id, note.body.id)).toBeNull();
    const portal = await call(t, w.alice, 'POST', '/api/v1/cases', {
      subject: 'Portal',
      body: 'From the portal',
    });
    const reply = await call(t, w.agent, 'POST', `/api/v1/cases/${portal.body.id}/messages`, {
      body: 'Hi',
      visibility: 'public',
    });
    expect(await queueReply(t.deps, w.ws.id, reply.body.id)).toBeNull();
  });
});
