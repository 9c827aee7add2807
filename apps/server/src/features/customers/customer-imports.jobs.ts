import { pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { Task } from 'graphile-worker';
import type { Deps } from '../../deps.ts';
import { emit } from '../../events.ts';
import { AppError } from '../../infra/errors.ts';
import { notify, type RealtimeMessage } from '../../infra/realtime.ts';
import { applyImportRow, type BatchContext } from './customer-import-rows.service.ts';
import * as iq from './customer-imports.queries.ts';
import {
  IMPORT_BATCH_SIZE,
  missingColumns,
  normaliseHeader,
  type Rejection,
  readImportRow,
  rejectionsToKeep,
} from './customer-imports.rules.ts';

export type CustomerImportPayload = { workspace_id: string; import_id: string };
type Import = iq.ImportRowDb;
type CsvRecord = { line: number; record: Record<string, unknown> };

/** A reason the import cannot succeed however often it is tried. */
class ImportFailure extends Error {}

/** The file's records with their line numbers, streamed from storage. */
async function* readRecords(deps: Deps, key: string): AsyncGenerator<CsvRecord> {
  const source = await deps.storage.open(key).catch(() => {
    throw new ImportFailure('The uploaded file is no longer stored; upload it again');
  });
  let header: string[] | null = null;
  // pipeline, not pipe: a read error must reach the parser (and so this loop) instead of hanging it.
  const parser = pipeline(
    source,
    parse({
      columns: (cells: string[]) => {
        header = normaliseHeader(cells);
        return header;
      },
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }),
    () => {},
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, unknown>;
      info: { lines: number };
    }>) {
      const missing = missingColumns(header ?? []);
      if (missing.length) throw new ImportFailure(`The header row has no ${missing.join(', ')} column`);
      yield { line: info.lines, record };
    }
  } finally {
    source.destroy();
  }
}

const progress = (imp: Import, state: { status: string; processed: number; total: number | null }) =>
  ({
    workspace_id: imp.workspace_id,
    type: 'customer_import.progress',
    case_id: null,
    actor: { kind: 'system', id: null },
    data: { import_id: imp.id, status: state.status, processed: state.processed, total: state.total },
  }) satisfies RealtimeMessage;

/** Applies one batch and advances the counters in the same transaction: all of it or none. */
async function commitBatch(deps: Deps, imp: Import, offset: number, batch: CsvRecord[]) {
  await deps.db.transaction().execute(async (trx) => {
    const state = await iq.lockImport(trx, imp.id);
    if (state.processed !== offset) throw new Error(`import ${imp.id} was advanced by another run`);
    const by = imp.created_by
      ? { kind: 'staff' as const, id: imp.created_by }
      : { kind: 'system' as const, id: null };
    const ctx: BatchContext = { deps, trx, workspaceId: imp.workspace_id, by, organisations: new Map() };
    const counts = { created: 0, updated: 0 };
    const rejected: Rejection[] = [];
    for (const { line, record } of batch) {
      const read = readImportRow(record);
      if (!read.ok) {
        rejected.push({ line, reason: read.reason });
        continue;
      }
      try {
        counts[await applyImportRow(ctx, read.row)]++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        rejected.push({ line, reason: err.message });
      }
    }
    const after = await iq.recordBatch(trx, imp.id, {
      rows: batch.length,
      ...counts,
      rejected,
      rejectedKept: rejectionsToKeep(state.rejected_count, rejected),
      at: deps.clock.now(),
    });
    await notify(trx, [progress(imp, after)]);
  });
}

async function finish(deps: Deps, imp: Import, failure: string | null) {
  await deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now();
    const end = await iq.finishImport(trx, imp.id, {
      status: failure ? 'failed' : 'done',
      failure_reason: failure,
      at,
    });
    await emit(trx, { workspaceId: imp.workspace_id, actor: { kind: 'system', id: null }, at }, [
      {
        type: 'customer_import.finished',
        data: {
          import_id: imp.id,
          status: end.status,
          total: end.total,
          processed: end.processed,
          created: end.created,
          updated: end.updated,
          rejected_count: end.rejected_count,
          failure_reason: failure,
        },
      },
    ]);
    await notify(trx, [progress(imp, end)]);
  });
}

/** Counts the rows first (for the progress bar), then works through them from where it stopped. */
async function processImport(deps: Deps, imp: Import) {
  let total = 0;
  for await (const _ of readRecords(deps, imp.storage_key)) total++;
  await iq.markRunning(deps.db, imp.id, total, deps.clock.now());
  await notify(deps.db, [progress(imp, { status: 'running', processed: imp.processed, total })]);
  let index = 0;
  let batch: CsvRecord[] = [];
  for await (const r of readRecords(deps, imp.storage_key)) {
    index++;
    if (index <= imp.processed) continue; // committed by an earlier attempt
    batch.push(r);
    if (batch.length === IMPORT_BATCH_SIZE) {
      await commitBatch(deps, imp, index - batch.length, batch);
      batch = [];
    }
  }
  if (batch.length) await commitBatch(deps, imp, index - batch.length, batch);
  await finish(deps, imp, null);
}

/**
 * Runs an import. Idempotent: a finished import is left alone, and a retried one resumes after
 * the last committed batch. A bad file fails at once; other errors are retried, and fail the
 * import only on the last attempt.
 */
export async function runCustomerImport(
  deps: Deps,
  payload: CustomerImportPayload,
  attempt: { final: boolean } = { final: true },
) {
  const found = await iq.findImport(deps.db, payload.workspace_id, payload.import_id);
  if (!found || found.status === 'done' || found.status === 'failed') return;
  try {
    await processImport(deps, found);
  } catch (err) {
    const permanent = err instanceof ImportFailure || err instanceof CsvError;
    if (!permanent && !attempt.final) throw err;
    if (!permanent) deps.log.error({ err, importId: found.id }, 'customer import failed');
    const reason = permanent
      ? `${err instanceof CsvError ? 'The file is not valid CSV: ' : ''}${(err as Error).message}`
      : 'The import stopped on an unexpected error; upload the file again';
    await finish(deps, found, reason);
  }
}

/** The graphile-worker task `customers.import`. */
export const customerImportJob =
  (deps: Deps): Task =>
  async (payload, helpers) => {
    const p = payload as Partial<CustomerImportPayload> | null;
    if (typeof p?.workspace_id !== 'string' || typeof p.import_id !== 'string') {
      helpers.logger.error('customers.import: payload without workspace_id and import_id');
      return;
    }
    await runCustomerImport(
      deps,
      { workspace_id: p.workspace_id, import_id: p.import_id },
      {
        final: helpers.job.attempts >= helpers.job.max_attempts,
      },
    );
  };
