import { CaseSummary } from './cases.ts';
import { Email, Id, PageQuery, page, Text, Timestamp } from './common.ts';
import { z } from './zod.ts';

/** A mail domain such as example.com; a leading @ or www. is dropped, since people paste either. */
const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, '').replace(/^www\./, ''))
  .pipe(
    z
      .string()
      .max(253)
      .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/, 'A domain such as example.com'),
  );

export const Organisation = z.object({
  id: Id,
  name: z.string(),
  domain: z.string().nullable(),
  notes: z.string(),
  customer_count: z.number().int(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export const OrganisationCreate = z.object({
  name: Text(200),
  domain: Domain.nullable().default(null),
  notes: z.string().max(10000).default(''),
});
export const OrganisationUpdate = z
  .object({
    name: Text(200),
    domain: Domain.nullable(),
    notes: z.string().max(10000),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Give at least one field to change');

export type Organisation = z.infer<typeof Organisation>;
export const OrganisationPage = page(Organisation);

export const Customer = z.object({
  id: Id,
  name: z.string(),
  /** The primary address: where replies go. */
  email: z.string(),
  /** Every address the customer writes from, the primary one first. */
  emails: z.array(z.string()),
  phone: z.string().nullable(),
  language: z.string(),
  notes: z.string(),
  organisation: z.object({ id: Id, name: z.string() }).nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Customer = z.infer<typeof Customer>;
export const CustomerPage = page(Customer);

const Phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+0-9 ()\-.]*$/, 'Digits, spaces and + ( ) - . only');
const Language = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'A language code such as en or en-GB');

export const CustomerCreate = z.object({
  name: Text(200),
  email: Email,
  /** Further addresses besides the primary one. */
  emails: z.array(Email).max(20).default([]),
  phone: Phone.nullable().default(null),
  language: Language.default('en'),
  notes: z.string().max(10000).default(''),
  organisation_id: Id.nullable().default(null),
});
export const CustomerUpdate = z
  .object({
    name: Text(200),
    /** A new primary address; the old ones stay unless `emails` says otherwise. */
    email: Email,
    /** The whole set of addresses (the primary one is always kept among them). */
    emails: z.array(Email).max(20),
    phone: Phone.nullable(),
    language: Language,
    notes: z.string().max(10000),
    organisation_id: Id.nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Give at least one field to change');

export const CustomerListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  organisation_id: Id.optional(),
});
export const OrganisationListQuery = PageQuery.extend({ q: z.string().trim().max(200).optional() });

/** One case in a customer's history, newest activity first. */
export const CustomerCaseItem = CaseSummary.pick({
  id: true,
  number: true,
  subject: true,
  status: true,
  priority: true,
  channel: true,
  created_at: true,
  updated_at: true,
});
export type CustomerCaseItem = z.infer<typeof CustomerCaseItem>;
export const CustomerCasePage = page(CustomerCaseItem);

/** Merges the duplicate `source_id` into the customer of the path; the source is deleted. */
export const CustomerMerge = z.object({ source_id: Id });

export const CustomerImportStatus = z.enum(['queued', 'running', 'done', 'failed']);

/** A CSV import's progress and report; poll it (or follow `customer_import.progress` on the stream). */
export const CustomerImport = z.object({
  id: Id,
  status: CustomerImportStatus,
  filename: z.string(),
  /** Data rows in the file (the header not counted); null until the worker has counted them. */
  total: z.number().int().nullable(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** The first 1,000 rejected rows; `line` is the file's line number (the header is line 1). */
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  rejected_count: z.number().int(),
  /** Why the whole import failed, when status is `failed`. */
  failure_reason: z.string().nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
  finished_at: Timestamp.nullable(),
});
export type CustomerImport = z.infer<typeof CustomerImport>;
