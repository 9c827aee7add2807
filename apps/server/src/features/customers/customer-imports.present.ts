import type { CustomerImport } from '@fairdesk/contract';
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
  created_at: r.created_at.toISOString(),
  updated_at: r.updated_at.toISOString(),
  finished_at: r.finished_at ? r.finished_at.toISOString() : null,
});
