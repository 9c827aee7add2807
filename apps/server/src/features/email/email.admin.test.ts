import { describe, expect, it } from 'vitest';
import { call, makeWorkspace, uniq } from '../../../test/factories.ts';
import {
  casesOf,
  drain,
  mailbox,
  messagesOf,
  sender,
  staffReply,
  t,
  useEmailHarness,
  w,
} from './email.harness.ts';

useEmailHarness();

describe('quarantine and admin', () => {
  it('quarantines mail without a sender, lists it with the reason, releases or deletes it', async () => {
    const bad = `no-sender-${uniq()}`;
    await sender.sendMail({
      envelope: { from: 'env@example.org', to: [mailbox] },
      raw: `To: ${mailbox}\r\nSubject: ${bad}\r\n\r\nNo from header\r\n`,
    });
    const huge = `huge-${uniq()}`;
    await sender.sendMail({
      from: `huge.${uniq()}@example.org`,
      to: mailbox,
      subject: huge,
      text: 'hi',
      headers: { 'X-Pad': 'y'.repeat(70_000) },
    });
    await drain();
    const list = await call(t, w.admin, 'GET', '/api/v1/email/quarantine?limit=100');
    expect(list.status).toBe(200);
    const a = list.body.items.find((i: { subject: string }) => i.subject === bad);
    const b = list.body.items.find((i: { subject: string }) => i.subject === huge);
    expect(a.reason).toBe('no_valid_sender');
    expect(b.reason).toBe('headers_too_large');
    expect((await call(t, w.agent, 'GET', '/api/v1/email/quarantine')).status).toBe(403);
    expect((await call(t, w.admin, 'POST', `/api/v1/email/quarantine/${b.id}/release`)).status).toBe(202);
    await drain();
    const released = await t.deps.db
      .selectFrom('inbound_emails')
      .select(['status', 'case_id'])
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(released.status).toBe('processed');
    expect(released.case_id).toBeTruthy();
    expect((await call(t, w.admin, 'DELETE', `/api/v1/email/quarantine/${a.id}`)).status).toBe(204);
    const gone = await t.deps.db
      .selectFrom('inbound_emails')
      .select(['status', 'raw'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(gone).toEqual({ status: 'deleted', raw: null });
  });

  it('manages mailboxes (admin only, one workspace per address)', async () => {
    const address = `Sales-${uniq()}@Example.test`;
    const made = await call(t, w.admin, 'POST', '/api/v1/email/mailboxes', { address, name: 'Sales' });
    expect(made.body.address).toBe(address.toLowerCase());
    expect((await call(t, w.admin, 'POST', '/api/v1/email/mailboxes', { address })).body.reason).toBe(
      'mailbox_address_taken',
    );
    expect(
      (await call(t, w.agent, 'POST', '/api/v1/email/mailboxes', { address: `x-${uniq()}@example.test` }))
        .status,
    ).toBe(403);
    const patched = await call(t, w.admin, 'PATCH', `/api/v1/email/mailboxes/${made.body.id}`, {
      team_id: w.team.id,
    });
    expect(patched.body.team_id).toBe(w.team.id);
    expect((await call(t, w.admin, 'DELETE', `/api/v1/email/mailboxes/${made.body.id}`)).status).toBe(204);
    expect(
      (await call(t, w.admin, 'GET', '/api/v1/email/mailboxes')).body.items.map((m: { id: string }) => m.id),
    ).not.toContain(made.body.id);
  });

  it('keeps workspaces apart: mailboxes, quarantine, outgoing mail and threading', async () => {
    const other = await makeWorkspace(t);
    const mine = await call(t, w.admin, 'GET', '/api/v1/email/mailboxes');
    const theirs = await call(t, other.admin, 'GET', '/api/v1/email/mailboxes');
    expect(theirs.body.items).toEqual([]);
    const boxId = mine.body.items[0].id;
    expect(
      (await call(t, other.admin, 'PATCH', `/api/v1/email/mailboxes/${boxId}`, { name: 'x' })).status,
    ).toBe(404);
    expect((await call(t, other.admin, 'DELETE', `/api/v1/email/mailboxes/${boxId}`)).status).toBe(404);
    const q = await call(t, w.admin, 'GET', '/api/v1/email/quarantine');
    expect((await call(t, other.admin, 'GET', '/api/v1/email/quarantine')).body.items).toEqual([]);
    if (q.body.items[0]) {
      expect(
        (await call(t, other.admin, 'POST', `/api/v1/email/quarantine/${q.body.items[0].id}/release`)).status,
      ).toBe(404);
    }
    // An outgoing mail of this workspace: a mailed-in case and a staff reply to it.
    const customer = `out.${uniq()}@example.org`;
    await sender.sendMail({ from: customer, to: mailbox, subject: 'Needs an answer', text: 'Hello' });
    await drain();
    const [mailed] = await casesOf(customer);
    await staffReply(mailed!.id, 'Here is your answer.');
    const out = await call(t, w.admin, 'GET', '/api/v1/email/outgoing');
    expect((await call(t, other.admin, 'GET', '/api/v1/email/outgoing')).body.items).toEqual([]);
    expect((await call(t, other.admin, 'GET', `/api/v1/email/outgoing/${out.body.items[0].id}`)).status).toBe(
      404,
    );
    // A case number of this workspace, mailed to the other workspace's mailbox, opens a case there.
    const otherBox = `other-${uniq()}@example.test`;
    await call(t, other.admin, 'POST', '/api/v1/email/mailboxes', { address: otherBox });
    const from = `iso.${uniq()}@example.org`;
    await sender.sendMail({ from, to: mailbox, subject: 'Mine', text: 'x' });
    await drain();
    const [c] = await casesOf(from);
    await sender.sendMail({ from, to: otherBox, subject: `Re: [#${c!.number}] Mine`, text: 'y' });
    await drain(other.ws.id);
    expect(await messagesOf(c!.id)).toHaveLength(1);
    const there = await t.deps.db
      .selectFrom('cases')
      .select('id')
      .where('workspace_id', '=', other.ws.id)
      .execute();
    expect(there).toHaveLength(1);
  });
});
