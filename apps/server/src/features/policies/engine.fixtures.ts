import type { StaffRole } from '@fairdesk/contract';
import { DEMO_POLICY_SET } from '../../demo/policies.data.ts';
import type { EngineInput, EnginePolicy } from './policies.rules.ts';

// Shared by the engine's tests: the demo policy set as the engine reads it, and request builders.

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The demo set as the engine reads it: the policies of the issue, one version each. */
export const DEMO: EnginePolicy[] = DEMO_POLICY_SET.policies.map((p, i) => ({
  ...p,
  strength: p.strength ?? (p.layer === 'organisational' ? 'flexible' : 'hard'),
  policy_id: uuid(i + 1),
  version_id: uuid(100 + i),
  version: 1,
}));
export const byName = (part: string) => DEMO.find((p) => p.name.includes(part))!;

export const input = (request: Partial<EngineInput['request']>): EngineInput => ({
  request: { kind: 'other', amount: null, currency: null, facts: {}, ...request },
  customer: { tenure_days: 400, lifetime_value: null, segment: 'individual' },
  case: { priority: 'normal', channel: 'email', tags: [] },
});
export const opts = (actor_role: StaffRole = 'agent') => ({
  actor_role,
  default_outcome: 'needs_authorisation' as const,
  default_role: 'supervisor' as const,
});
export const gbp = (amount: number, facts = {}) => ({
  kind: 'goodwill_credit' as const,
  amount,
  currency: 'GBP',
  facts,
});
export const ret = (days: number, faulty = false) => ({
  kind: 'return' as const,
  facts: { faulty, days_since_delivery: days },
});
