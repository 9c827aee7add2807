import type { MultipartFile } from '@fastify/multipart';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../infra/actor.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import * as q from './attachments.queries.ts';
import { attachmentAllowed, safeFilename } from './cases.rules.ts';

/**
 * Streams an upload to storage and records it, not yet linked to any message; the uploader links
 * it by naming its id in `attachment_ids` when opening a case or sending a message.
 */
export async function uploadAttachment(deps: Deps, actor: Actor, file: MultipartFile | undefined) {
  if (!file)
    throw new AppError('invalid', 'Send one file in a multipart/form-data field named "file"', {
      reason: 'file_required',
    });
  const filename = safeFilename(file.filename);
  if (!attachmentAllowed(file.mimetype, filename)) {
    file.file.resume(); // drain, so the connection can answer
    throw new AppError('unsupported_media_type', `Files of type ${file.mimetype} are not accepted`, {
      reason: 'attachment_type_not_allowed',
    });
  }
  const stored = await deps.storage.put(file.file, deps.config.ATTACHMENT_MAX_BYTES);
  if (file.file.truncated) {
    await deps.storage.remove(stored.key);
    throw new AppError(
      'payload_too_large',
      `Files may be at most ${deps.config.ATTACHMENT_MAX_BYTES} bytes`,
      { reason: 'file_too_large' },
    );
  }
  try {
    return await q.insertAttachment(deps.db, {
      workspace_id: actor.workspaceId,
      filename,
      content_type: file.mimetype,
      size_bytes: stored.size,
      sha256: stored.sha256,
      storage_key: stored.key,
      uploaded_by_kind: actor.kind,
      uploaded_by_id: actor.kind === 'staff' ? actor.staffId : actor.customerId,
      created_at: deps.clock.now(),
    });
  } catch (err) {
    await deps.storage.remove(stored.key);
    throw err;
  }
}

/** Opens an attachment for download if this actor may see it. */
export async function openAttachment(deps: Deps, actor: Actor, id: string) {
  const a = await q.findAttachment(deps.db, actor.workspaceId, id);
  if (!a) throw notFound('Attachment');
  if (actor.kind === 'customer') {
    const own = a.uploaded_by_kind === 'customer' && a.uploaded_by_id === actor.customerId;
    const sharedWithThem = a.customer_id === actor.customerId && a.visibility === 'public';
    if (!own && !sharedWithThem) throw notFound('Attachment');
  }
  return { meta: a, stream: await deps.storage.open(a.storage_key) };
}
