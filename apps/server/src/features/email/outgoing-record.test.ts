import { describe, expect, it } from 'vitest';
import { call, uniq } from '../../../test/factories.ts';
import {
  casesOf,
  drain,
  mailbox,
  sender,
  sendJobsOf,
  staffReply,
  t,
  useEmailHarness,
  w,
} from './email.harness.ts';
import { recordOutgoing } from './outbound.service.ts';

// recordOutgoing reads what a mail is made of in one statement and writes the mail, its thread entry
// and its send job in another (outgoing.queries.ts): these pin what each of them decides.
useEmailHarness();

const outgoingRow = (id: string) =>
  t.deps.db.selectFrom('outgoing_emails').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const threadOf = (caseId: string) =>
  t.deps.db
    .selectFrom('email_messages')
    .select(['message_id_header', 'direction'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();

describe('an outgoing mail is recorded with its sender, its thread and its send job', () => {
  it('answers from the mailbox the case came in by, threaded after the customer’s mail', async () => {
    const sales = `sales-${uniq()}@example.test`;
    const made = await call(t, w.admin, 'POST', '/api/v1/email/mailboxes', {
      address: sales,
      name: 'Sales desk',
      team_id: w.team.id,
    });
    expect(made.status).toBe(201);
    const from = `via-sales.${uniq()}@example.org`;
    const firstId = `<first-${uniq()}@example.org>`;
    await sender.sendMail({ from, to: sales, subject: 'A quote', text: 'How much?', messageId: firstId });
    await drain();
    const [c] = await casesOf(from);
    const { outgoingId } = await staffReply(c!.id, 'Ten euros.');

    const row = await outgoingRow(outgoingId);
    // Not the workspace's first mailbox (the harness's), though it is older.
    expect(row.from_address).toBe(`"Sales desk" <${sales}>`);
    expect(row.in_reply_to).toBe(firstId);
    expect(row.references_header).toBe(firstId);
    expect(row.reply_to).toMatch(/^reply\+[0-9a-f]{24}@mail\.fairdesk\.test$/);
    expect(await threadOf(c!.id)).toEqual([
      { message_id_header: firstId, direction: 'in' },
      { message_id_header: row.message_id_header, direction: 'out' },
    ]);
    expect(await sendJobsOf(outgoingId)).toBe(1);

    // A second reply keeps the case's reply address and references the whole thread.
    const second = await outgoingRow((await staffReply(c!.id, 'Or nine.')).outgoingId);
    expect(second.reply_to).toBe(row.reply_to);
    expect(second.in_reply_to).toBe(firstId);
    expect(second.references_header).toBe(`${firstId} ${row.message_id_header}`);
  });

  it('records a repeat of the same message as nothing: no second mail, thread entry or send job', async () => {
    const from = `repeat.${uniq()}@example.org`;
    await sender.sendMail({ from, to: mailbox, subject: 'Twice', text: 'Hello' });
    await drain();
    const [c] = await casesOf(from);
    const { messageId, outgoingId } = await staffReply(c!.id, 'Once only.');
    const again = await t.deps.db.transaction().execute((trx) =>
      recordOutgoing(t.deps, trx, {
        workspaceId: w.ws.id,
        caseId: c!.id,
        messageId,
        workspaceName: 'Ignored',
        to: from,
        subject: 'Re: Twice',
        text: 'Once only.',
        html: '<p>Once only.</p>',
      }),
    );
    expect(again).toBeNull();
    expect(await threadOf(c!.id)).toHaveLength(2);
    expect(await sendJobsOf(outgoingId)).toBe(1);
    const mails = await t.deps.db
      .selectFrom('outgoing_emails')
      .select('id')
      .where('message_id', '=', messageId)
      .execute();
    expect(mails).toEqual([{ id: outgoingId }]);
  });

  it('sends a notification on a case that never came in by mail from the workspace’s first mailbox', async () => {
    const customer = await call(t, w.admin, 'POST', '/api/v1/customers', {
      name: 'Web Customer',
      email: `web.${uniq()}@example.org`,
    });
    expect(customer.status).toBe(201);
    const opened = await call(t, w.agent, 'POST', '/api/v1/cases', {
      customer_id: customer.body.id,
      subject: 'From the web',
      body: 'Typed in a form',
    });
    expect(opened.status).toBe(201);
    const id = await t.deps.db.transaction().execute((trx) =>
      recordOutgoing(t.deps, trx, {
        workspaceId: w.ws.id,
        caseId: opened.body.id,
        messageId: null,
        workspaceName: 'Acme',
        to: customer.body.email,
        subject: 'We answered',
        text: 'See the portal',
        html: '<p>See the portal</p>',
        notification: { kind: 'agent_replied', causeKey: `test:${uniq()}` },
      }),
    );
    const row = await outgoingRow(id!);
    // The harness's mailbox has no name: the workspace's name stands in.
    expect(row.from_address).toBe(`"Acme" <${mailbox}>`);
    expect(row.in_reply_to).toBeNull();
    expect(await sendJobsOf(id!)).toBe(1);
  });
});
