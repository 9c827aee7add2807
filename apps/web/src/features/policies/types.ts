import type * as C from '@fairdesk/contract';
import type { z } from 'zod';

// The wire shapes of requests, decisions, authorisations and policies, from the shared contract.
export type RequestKind = z.output<typeof C.RequestKind>;
export type DecisionOutcome = z.output<typeof C.DecisionOutcome>;
export type PolicyLayer = z.output<typeof C.PolicyLayer>;
export type PolicyStrength = z.output<typeof C.PolicyStrength>;
export type PolicyEffect = z.output<typeof C.PolicyEffect>;
export type TraceResult = z.output<typeof C.TraceResult>;
export type StaffRole = z.output<typeof C.StaffRole>;
export type CaseRequest = z.output<typeof C.CaseRequest>;
export type Decision = z.output<typeof C.Decision>;
export type TraceEntry = z.output<typeof C.TraceEntry>;
export type Authorisation = z.output<typeof C.Authorisation>;
export type Communication = z.output<typeof C.Communication>;
export type QueueItem = z.output<typeof C.AuthorisationQueueItem>;
export type Policy = z.output<typeof C.Policy>;
export type PolicyDetail = z.output<typeof C.PolicyDetail>;
export type PolicyVersion = z.output<typeof C.PolicyVersion>;
export type Authority = z.output<typeof C.Authority>;
export type PolicyCreate = z.input<typeof C.PolicyCreate>;
export type WhatIfResult = z.output<typeof C.WhatIfResult>;
