import { Badge } from '@mantine/core';
import { PRIORITY_COLOR, STATUS_COLOR, STATUS_LABEL } from '../../lib/format.ts';
import type { CasePriority, CaseStatus } from '../../lib/types.ts';

export const StatusBadge = ({ status }: { status: CaseStatus }) => (
  <Badge color={STATUS_COLOR[status]} variant="filled" autoContrast radius="sm">
    {STATUS_LABEL[status]}
  </Badge>
);

export const PriorityBadge = ({ priority }: { priority: CasePriority }) => (
  <Badge
    color={PRIORITY_COLOR[priority]}
    variant={priority === 'urgent' ? 'filled' : 'outline'}
    radius="sm"
    tt="capitalize"
  >
    {priority}
  </Badge>
);
