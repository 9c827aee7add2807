import type { MultipartFile } from '@fastify/multipart';
import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { actorRef, type StaffActor } from '../../infra/actor.ts';
import { AppError, notFound } from '../../infra/errors.ts';
import * as iq from './customer-imports.queries.ts';

const CSV_TYPES = [
  'text/csv',
  'text/plain',
  'application/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

/** Browsers label CSV files inconsistently (Excel's type on Windows, none at all): trust the name too. */
const looksLikeCsv = (file: MultipartFile) =>
  /\.csv$/i.test(file.filename) || CSV_TYPES.includes(file.mimetype.toLowerCase());

/**
 * Streams the uploaded CSV to storage, records the import as queued and enqueues the job that
 * runs it, in one transaction (a failed request leaves no job behind, and no file).
 */
export async function startCustomerImport(deps: Deps, actor: StaffActor, file: MultipartFile | undefined) {
  if (!file) {
    throw new AppError('invalid', 'Send the CSV file in a multipart/form-data field named "file"', {
      reason: 'file_required',
    });
  }
  if (!looksLikeCsv(file)) {
    file.file.resume();
    throw new AppError('unsupported_media_type', 'Send a .csv file', { reason: 'csv_expected' });
  }
  const max = deps.config.ATTACHMENT_MAX_BYTES;
  const stored = await deps.storage.put(file.file, max);
  try {
    if (file.file.truncated) {
      throw new AppError('payload_too_large', `Files may be at most ${max} bytes`, {
        reason: 'file_too_large',
      });
    }
    return await deps.db.transaction().execute(async (trx) => {
      const at = deps.clock.now();
      const row = await iq.insertImport(trx, {
        workspace_id: actor.workspaceId,
        created_by: actor.staffId,
        filename: file.filename.slice(0, 200),
        storage_key: stored.key,
        created_at: at,
      });
      await emit(trx, { workspaceId: actor.workspaceId, actor: actorRef(actor), at }, [
        {
          type: 'customer_import.created',
          data: { import_id: row.id, filename: row.filename, size: stored.size },
        },
      ]);
      await iq.enqueueImportJob(trx, { workspace_id: actor.workspaceId, import_id: row.id });
      return row;
    });
  } catch (err) {
    await deps.storage.remove(stored.key);
    throw err;
  }
}

export async function getCustomerImport(deps: Deps, actor: StaffActor, id: string) {
  const row = await iq.findImport(deps.db, actor.workspaceId, id);
  if (!row) throw notFound('Customer import');
  return row;
}
