import { z } from 'zod';
import { Email, Id, PageQuery, Text, Timestamp } from './common.ts';

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
  domain: z.string().trim().toLowerCase().max(253).nullable().default(null),
  notes: z.string().max(10000).default(''),
});
export const OrganisationUpdate = z
  .object({
    name: Text(200),
    domain: z.string().trim().toLowerCase().max(253).nullable(),
    notes: z.string().max(10000),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Give at least one field to change');

export const Customer = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  emails: z.array(z.string()),
  phone: z.string().nullable(),
  language: z.string(),
  notes: z.string(),
  organisation: z.object({ id: Id, name: z.string() }).nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Customer = z.infer<typeof Customer>;

const Phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+0-9 ()\-.]*$/, 'Digits, spaces and + ( ) - . only');
const Language = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'A language code such as en or en-GB');

export const CustomerCreate = z.object({
  name: Text(200),
  email: Email,
  emails: z.array(Email).max(20).default([]),
  phone: Phone.nullable().default(null),
  language: Language.default('en'),
  notes: z.string().max(10000).default(''),
  organisation_id: Id.nullable().default(null),
});
export const CustomerUpdate = z
  .object({
    name: Text(200),
    email: Email,
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
