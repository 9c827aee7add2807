import type * as C from '@fairdesk/contract';
import type { z } from 'zod';

// The wire shapes, inferred from the same contract the server validates with.
export type CaseSummary = z.output<typeof C.CaseSummary>;
export type CaseDetail = z.output<typeof C.CaseDetail> & { viewers?: Viewer[] };
export type Message = z.output<typeof C.Message>;
export type Attachment = z.output<typeof C.Attachment>;
export type TimelineEvent = z.output<typeof C.TimelineEvent>;
export type CaseStatus = z.output<typeof C.CaseStatus>;
export type CasePriority = z.output<typeof C.CasePriority>;
export type QueueCounts = z.output<typeof C.QueueCounts>;
export type SearchResult = z.output<typeof C.SearchResult>;
export type CurrentUser = z.output<typeof C.CurrentUser>;
export type Staff = z.output<typeof C.Staff>;
export type Team = z.output<typeof C.Team>;
export type Customer = z.output<typeof C.Customer>;
export type Organisation = z.output<typeof C.Organisation>;
export type Workspace = z.output<typeof C.Workspace>;
export type Page<T> = { items: T[]; next_cursor: string | null };
export type Viewer = { id: string; name: string; state: 'viewing' | 'replying'; seen_at: string };
export type SlaItem = z.output<typeof C.CaseSlaTarget>;
export type SlaState = z.output<typeof C.SlaState>;
export type Availability = z.output<typeof C.Availability>;
export type RoutingOverview = z.output<typeof C.RoutingOverview>;
export type AssignmentMode = z.output<typeof C.AssignmentMode>;
