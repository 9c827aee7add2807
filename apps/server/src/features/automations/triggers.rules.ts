import type { AutomationTrigger } from '@fairdesk/contract';
import type { TriggerFacts } from './automations.rules.ts';

/** What a subscribed job receives (see infra/emit.ts). */
export type EventPayload = {
  workspace_id: string;
  event: string;
  case_id: string;
  data: Record<string, unknown>;
};

type Change = [unknown, unknown];

/** The trigger an event may fire, and what it tells conditions; null when it fires none. */
export function triggerOfEvent(p: EventPayload): { trigger: AutomationTrigger; facts: TriggerFacts } | null {
  switch (p.event) {
    case 'case.created':
      return { trigger: 'case_created', facts: {} };
    case 'case.updated': {
      const status = (p.data.changes as Record<string, Change> | undefined)?.status;
      if (!Array.isArray(status)) return null;
      return {
        trigger: 'status_changed',
        facts: { status_from: String(status[0]), status_to: String(status[1]) },
      };
    }
    case 'message.added':
      return p.data.visibility === 'public' ? { trigger: 'customer_replied', facts: {} } : null;
    case 'sla.warning':
      return { trigger: 'sla_warning', facts: { sla_target: String(p.data.target ?? '') } };
    case 'sla.breached':
      return { trigger: 'sla_breached', facts: { sla_target: String(p.data.target ?? '') } };
    default:
      return null;
  }
}
