import { Badge, Tooltip } from '@mantine/core';
import type { SlaItem } from '../../lib/types.ts';
import { countdown, liveState, SLA_STATE_COLOR, SLA_STATE_LABEL, SLA_TARGET_LABEL } from './sla.format.ts';
import { useNow } from './useNow.ts';

/** One target's state with a live countdown; `withTarget` names the target in the badge. */
export function SlaBadge({ sla, withTarget = false }: { sla: SlaItem; withTarget?: boolean }) {
  const now = useNow();
  const state = liveState(sla, now);
  const left = countdown(sla, now);
  const text = [withTarget ? SLA_TARGET_LABEL[sla.target] : null, SLA_STATE_LABEL[state], left || null]
    .filter(Boolean)
    .join(' · ');
  const due = sla.due_at ? `due ${new Date(sla.due_at).toLocaleString()}` : 'clock stopped';
  return (
    <Tooltip label={`${SLA_TARGET_LABEL[sla.target]}: ${SLA_STATE_LABEL[state]}, ${due}`}>
      <Badge
        color={SLA_STATE_COLOR[state]}
        variant="filled"
        autoContrast
        radius="sm"
        tt="none"
        style={{ maxWidth: 'none' }}
        data-sla-state={state}
      >
        {text}
      </Badge>
    </Tooltip>
  );
}
