import {
  IdParams,
  ImapTestInput,
  ImapTestResult,
  Mailbox,
  MailboxCreate,
  MailboxList,
  MailboxUpdate,
  NoContent,
  OutgoingEmailDetail,
  OutgoingList,
  PageQuery,
  QuarantineList,
} from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireStaff } from '../../infra/actor.ts';
import * as admin from './admin.service.ts';
import {
  presentMailbox,
  presentOutgoing,
  presentOutgoingDetail,
  presentQuarantined,
} from './email.present.ts';
import { testImapConnection } from './imap-settings.service.ts';

const tags = ['email'];

export const emailRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/email/mailboxes',
      { schema: { tags, summary: 'The workspace’s mailboxes (admin)', response: { 200: MailboxList } } },
      async (req) => ({
        items: (await admin.listMailboxes(deps, requireStaff(req, 'admin'))).map(presentMailbox),
      }),
    );
    app.post(
      '/email/mailboxes',
      { schema: { tags, summary: 'Add a mailbox (admin)', body: MailboxCreate, response: { 201: Mailbox } } },
      async (req, reply) => {
        const actor = requireStaff(req, 'admin');
        return reply
          .status(201)
          .send(presentMailbox(await admin.addMailbox(deps, actor.workspaceId, req.body)));
      },
    );
    app.patch(
      '/email/mailboxes/:id',
      {
        schema: {
          tags,
          summary: 'Change a mailbox (admin)',
          params: IdParams,
          body: MailboxUpdate,
          response: { 200: Mailbox },
        },
      },
      async (req) =>
        presentMailbox(await admin.changeMailbox(deps, requireStaff(req, 'admin'), req.params.id, req.body)),
    );
    app.delete(
      '/email/mailboxes/:id',
      {
        schema: { tags, summary: 'Remove a mailbox (admin)', params: IdParams, response: { 204: NoContent } },
      },
      async (req, reply) => {
        await admin.removeMailbox(deps, requireStaff(req, 'admin'), req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/email/mailboxes/:id/imap-test',
      {
        schema: {
          tags,
          summary:
            'Try to sign in to the mailbox’s IMAP server and open its folder; given fields replace the stored ones (admin)',
          params: IdParams,
          body: ImapTestInput,
          response: { 200: ImapTestResult },
        },
      },
      async (req) => testImapConnection(deps, requireStaff(req, 'admin'), req.params.id, req.body),
    );
    app.get(
      '/email/quarantine',
      {
        schema: {
          tags,
          summary: 'Quarantined inbound mail with the reason, newest first (admin)',
          querystring: PageQuery,
          response: { 200: QuarantineList },
        },
      },
      async (req) => {
        const res = await admin.listQuarantine(
          deps,
          requireStaff(req, 'admin'),
          req.query.limit,
          req.query.cursor,
        );
        return { items: res.items.map(presentQuarantined), next_cursor: res.next_cursor };
      },
    );
    app.post(
      '/email/quarantine/:id/release',
      {
        schema: {
          tags,
          summary: 'Process a quarantined message anyway (admin)',
          params: IdParams,
          response: { 202: NoContent },
        },
      },
      async (req, reply) => {
        await admin.releaseQuarantined(deps, requireStaff(req, 'admin'), req.params.id);
        return reply.status(202).send(null);
      },
    );
    app.delete(
      '/email/quarantine/:id',
      {
        schema: {
          tags,
          summary: 'Delete a quarantined message (admin)',
          params: IdParams,
          response: { 204: NoContent },
        },
      },
      async (req, reply) => {
        await admin.deleteQuarantined(deps, requireStaff(req, 'admin'), req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/email/outgoing',
      {
        schema: {
          tags,
          summary: 'Outgoing mail with its delivery status, newest first (admin)',
          querystring: PageQuery,
          response: { 200: OutgoingList },
        },
      },
      async (req) => {
        const res = await admin.listOutgoing(
          deps,
          requireStaff(req, 'admin'),
          req.query.limit,
          req.query.cursor,
        );
        return { items: res.items.map(presentOutgoing), next_cursor: res.next_cursor };
      },
    );
    app.get(
      '/email/outgoing/:id',
      {
        schema: {
          tags,
          summary: 'One outgoing mail, with its headers and bodies (captured mail is read here) (admin)',
          params: IdParams,
          response: { 200: OutgoingEmailDetail },
        },
      },
      async (req) =>
        presentOutgoingDetail(await admin.getOutgoing(deps, requireStaff(req, 'admin'), req.params.id)),
    );
    app.post(
      '/email/outgoing/:id/resend',
      {
        schema: {
          tags,
          summary:
            'Send a failed mail again: it goes back to queued and its send job runs; 409 `outgoing_not_failed` otherwise (admin)',
          params: IdParams,
          response: { 202: OutgoingEmailDetail },
        },
      },
      async (req, reply) =>
        reply
          .status(202)
          .send(
            presentOutgoingDetail(
              await admin.resendOutgoing(deps, requireStaff(req, 'admin'), req.params.id),
            ),
          ),
    );
  };
