import type { CustomerImport } from '@fairdesk/contract';
import { isoTime, isoTimeOrNull } from '../../infra/iso-time.ts';
import type { ImportRowDb } from './customer-imports.queries.ts';

export const presentImport = (r: ImportRowDb): CustomerImport => ({
  id: r.id,
  status: r.status,
  filename: r.filename,
  total: r.total,
  processed: r.processed,
  created: r.created,
  updated: r.updated,
  rejected: r.rejected as CustomerImport['rejected'],
  rejected_count: r.rejected_count,
  failure_reason: r.failure_reason,
  created_at: isoTime(r.created_at),
  updated_at: isoTime(r.updated_at),
  finished_at: isoTimeOrNull(r.finished_at),
});
