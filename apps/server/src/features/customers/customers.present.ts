import type { Customer, CustomerCaseItem, Organisation } from '@fairdesk/contract';
import { isoTime } from '../../infra/iso-time.ts';
import type { CustomerRow } from './customers.queries.ts';
import type { OrganisationRow } from './organisations.queries.ts';

export const presentCustomer = (c: CustomerRow): Customer => ({
  id: c.id,
  name: c.name,
  email: c.email,
  emails: c.emails,
  phone: c.phone,
  language: c.language,
  notes: c.notes,
  organisation:
    c.organisation_id && c.organisation_name ? { id: c.organisation_id, name: c.organisation_name } : null,
  created_at: isoTime(c.created_at),
  updated_at: isoTime(c.updated_at),
});

export const presentOrganisation = (o: OrganisationRow): Organisation => ({
  id: o.id,
  name: o.name,
  domain: o.domain,
  notes: o.notes,
  customer_count: o.customer_count,
  created_at: isoTime(o.created_at),
  updated_at: isoTime(o.updated_at),
});

export const presentCustomerCase = (c: {
  id: string;
  number: number;
  subject: string;
  status: CustomerCaseItem['status'];
  priority: CustomerCaseItem['priority'];
  channel: CustomerCaseItem['channel'];
  created_at: Date;
  updated_at: Date;
}): CustomerCaseItem => ({
  id: c.id,
  number: c.number,
  subject: c.subject,
  status: c.status,
  priority: c.priority,
  channel: c.channel,
  created_at: isoTime(c.created_at),
  updated_at: isoTime(c.updated_at),
});

/** Presents every item of a page, keeping its cursor. */
export const presentPage = <R, T>(
  page: { items: R[]; next_cursor: string | null },
  present: (r: R) => T,
) => ({
  items: page.items.map(present),
  next_cursor: page.next_cursor,
});
