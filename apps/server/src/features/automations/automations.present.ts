import type { AutomationRule, AutomationSchedule, AutomationStep } from '@fairdesk/contract';
import { isoTime } from '../../infra/iso-time.ts';
import type { RuleRow } from './automations.queries.ts';

export const presentRule = (r: RuleRow): AutomationRule => ({
  id: r.id,
  name: r.name,
  trigger: r.trigger,
  schedule: (r.schedule ?? null) as AutomationSchedule | null,
  conditions: r.conditions,
  actions: (Array.isArray(r.actions) ? r.actions : []) as Record<string, unknown>[],
  position: r.position,
  active: r.active,
  created_at: isoTime(r.created_at),
  updated_at: isoTime(r.updated_at),
});

const steps = (v: unknown): AutomationStep[] => (Array.isArray(v) ? (v as AutomationStep[]) : []);

export const presentRun = (r: {
  id: string;
  rule_id: string;
  rule_name: string;
  trigger: AutomationRule['trigger'];
  cause: string;
  depth: number;
  done: unknown;
  skipped: unknown;
  error: string | null;
  created_at: Date;
}) => ({
  id: r.id,
  rule_id: r.rule_id,
  rule_name: r.rule_name,
  trigger: r.trigger,
  cause: r.cause,
  depth: r.depth,
  done: steps(r.done),
  skipped: steps(r.skipped),
  error: r.error,
  created_at: isoTime(r.created_at),
});
