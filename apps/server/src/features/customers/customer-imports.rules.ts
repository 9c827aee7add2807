import { CustomerCreate, OrganisationCreate } from '@fairdesk/contract';
import type { z } from 'zod';

/** Rows committed together, with the progress they make: a retry resumes after the last batch. */
export const IMPORT_BATCH_SIZE = 100;
/** The report keeps this many rejected rows; `rejected_count` counts them all. */
export const MAX_REJECTED_KEPT = 1000;
export const IMPORT_COLUMNS = ['name', 'email', 'phone', 'language', 'organisation', 'notes'] as const;

export type Rejection = { line: number; reason: string };

/** A valid row: customer fields as the contract reads them, and which optional cells were filled. */
export type ImportRow = {
  name: string;
  email: string;
  /** null when the cell was empty: an update then leaves the stored value alone. */
  phone: string | null;
  language: string | null;
  notes: string;
  organisation: string | null;
};

/** Header cells are matched case- and space-insensitively ("E-mail" is not "email", though). */
export const normaliseHeader = (cells: string[]): string[] => cells.map((c) => c.trim().toLowerCase());

export function missingColumns(header: readonly string[]): string[] {
  return header.includes('email') ? [] : ['email'];
}

const describeIssues = (error: z.ZodError): string =>
  error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');

const cell = (record: Record<string, unknown>, key: string): string => {
  const v = record[key];
  return typeof v === 'string' ? v.trim() : '';
};

/** Reads one CSV record with the same schema as POST /customers; a reason when it is not valid. */
export function readImportRow(
  record: Record<string, unknown>,
): { ok: true; row: ImportRow } | { ok: false; reason: string } {
  const phone = cell(record, 'phone');
  const language = cell(record, 'language');
  const organisation = cell(record, 'organisation');
  const parsed = CustomerCreate.safeParse({
    name: cell(record, 'name'),
    email: cell(record, 'email'),
    phone: phone || null,
    ...(language ? { language } : {}),
    notes: cell(record, 'notes'),
  });
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error) };
  if (organisation) {
    const org = OrganisationCreate.shape.name.safeParse(organisation);
    if (!org.success) return { ok: false, reason: `organisation: ${describeIssues(org.error)}` };
  }
  const c = parsed.data;
  return {
    ok: true,
    row: {
      name: c.name,
      email: c.email,
      phone: c.phone,
      language: language ? c.language : null,
      notes: c.notes,
      organisation: organisation || null,
    },
  };
}

/** The rejections of a batch that still fit in the kept report. */
export const rejectionsToKeep = (alreadyCounted: number, fresh: readonly Rejection[]): Rejection[] =>
  fresh.slice(0, Math.max(0, MAX_REJECTED_KEPT - alreadyCounted));

/** The fields an address already on file takes from a row: only cells that were filled. */
export function importUpdate(row: ImportRow, organisationId: string | null) {
  return {
    name: row.name,
    ...(row.phone !== null ? { phone: row.phone } : {}),
    ...(row.language !== null ? { language: row.language } : {}),
    ...(organisationId !== null ? { organisation_id: organisationId } : {}),
  };
}
