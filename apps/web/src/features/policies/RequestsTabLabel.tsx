import { Badge, Group, VisuallyHidden } from '@mantine/core';
import { useCaseRequests } from './useRequests.ts';
import { AMBER } from './words.ts';

/** "Requests (3)", with how many still wait for a step (a decision not yet sent, or an authorisation). */
export function RequestsTabLabel({ caseId }: { caseId: string }) {
  const requests = useCaseRequests(caseId);
  const items = requests.data ?? [];
  const open = items.filter(
    (r) =>
      r.can.approve ||
      r.decision.outcome === 'needs_authorisation' ||
      !r.communications.some((c) => c.decision_id === r.decision.id),
  ).length;
  return (
    <Group gap={6} wrap="nowrap">
      Requests{requests.isSuccess ? ` (${items.length})` : ''}
      {open > 0 && (
        <Badge size="xs" color={AMBER} circle>
          {open}
          <VisuallyHidden> waiting for a step</VisuallyHidden>
        </Badge>
      )}
    </Group>
  );
}
