import { Text, Timeline } from '@mantine/core';
import { ago, fullDate, STATUS_LABEL } from '../../lib/format.ts';
import type { CaseStatus, TimelineEvent } from '../../lib/types.ts';
import { describeAutomationRun } from '../automations/describeRun.ts';

const FIELD: Record<string, string> = {
  assignee_id: 'assignee',
  team_id: 'team',
  status: 'status',
  priority: 'priority',
  tags: 'tags',
  subject: 'subject',
};

/** Who an escalation told, as recorded with it ("… notified Ana, Sam"); older events say nothing. */
function notified(e: TimelineEvent): string {
  const told = (e.data as { notified?: { name?: string }[] }).notified;
  if (!Array.isArray(told)) return '';
  if (told.length === 0) return ' (nobody to notify)';
  return `, notified ${told.map((p) => p.name ?? 'a colleague').join(', ')}`;
}

/** One line a person reads for each recorded event. */
export function describeEvent(e: TimelineEvent): string {
  const d = e.data as { changes?: Record<string, [unknown, unknown]>; visibility?: string; cause?: string };
  switch (e.type) {
    case 'case.created':
      return 'opened the case';
    case 'message.added':
      return d.visibility === 'internal' ? 'added an internal note' : 'wrote a message';
    case 'case.updated': {
      const parts = Object.entries(d.changes ?? {}).map(([field, [, after]]) => {
        if (field === 'status') return `set status to ${STATUS_LABEL[after as CaseStatus] ?? after}`;
        if (field === 'assignee_id') return after ? 'changed the assignee' : 'unassigned the case';
        if (field === 'team_id') return after ? 'changed the team' : 'removed the team';
        if (field === 'tags') return `set tags to ${(after as string[]).join(', ') || 'none'}`;
        return `changed the ${FIELD[field] ?? field}${typeof after === 'string' ? ` to ${after}` : ''}`;
      });
      const by =
        d.cause === 'message' ? ' (after a message)' : 'automation_rule_id' in d ? ' (automation)' : '';
      return parts.join(', ') + by;
    }
    case 'case.routed':
      return `routed the case: ${(e.data as { explanation?: string }).explanation ?? 'automatic assignment'}`;
    case 'sla.warning':
      return `warned: the ${String((e.data as { target?: string }).target ?? 'service level').replace('_', ' ')} target is at risk${notified(e)}`;
    case 'sla.breached':
      return `escalated: the ${String((e.data as { target?: string }).target ?? 'service level').replace('_', ' ')} target was breached${notified(e)}`;
    case 'automation.ran':
      return describeAutomationRun(e.data);
    default:
      return e.type.replace(/[._]/g, ' ');
  }
}

export function TimelineList({ events }: { events: TimelineEvent[] }) {
  return (
    <Timeline bulletSize={14} lineWidth={2} active={events.length}>
      {[...events].reverse().map((e) => (
        <Timeline.Item
          key={e.seq}
          title={<Text size="sm">{`${e.actor.name ?? 'Fairdesk'} ${describeEvent(e)}`}</Text>}
        >
          <Text size="xs" c="dimmed" title={fullDate(e.created_at)}>
            {ago(e.created_at)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
