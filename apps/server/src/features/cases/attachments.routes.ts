import { Attachment, IdParams } from '@fairdesk/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../infra/actor.ts';
import { openAttachment, uploadAttachment } from './attachments.service.ts';
import { presentAttachment } from './cases.present.ts';

export const attachmentsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/attachments',
      {
        schema: {
          tags: ['attachments'],
          summary: 'Upload a file (multipart/form-data, field "file"); link it with attachment_ids',
          consumes: ['multipart/form-data'],
          response: { 201: Attachment },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const row = await uploadAttachment(deps, actor, await req.file());
        return reply.status(201).send(presentAttachment(row));
      },
    );

    app.get(
      '/attachments/:id',
      { schema: { tags: ['attachments'], summary: 'Download an attachment', params: IdParams } },
      async (req, reply) => {
        const { meta, stream } = await openAttachment(deps, requireActor(req), req.params.id);
        return reply
          .header('content-type', meta.content_type)
          .header('content-length', String(meta.size_bytes))
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.filename)}`)
          .header('x-content-type-options', 'nosniff')
          .send(stream);
      },
    );
  };
