import { Badge } from '@mantine/core';
import { STATUS_COLOR, STATUS_FOR_CUSTOMER } from '../../lib/format.ts';
import type { CaseStatus } from '../../lib/types.ts';

/** The status in the customer's words ("Waiting for your reply"); a coloured dot beside dark text keeps it readable. */
export const CustomerStatus = ({ status, size = 'md' }: { status: CaseStatus; size?: 'md' | 'lg' }) => (
  <Badge
    color={STATUS_COLOR[status]}
    variant="dot"
    radius="sm"
    size={size}
    tt="none"
    fw={600}
    style={{ flexShrink: 0 }}
  >
    {STATUS_FOR_CUSTOMER[status]}
  </Badge>
);
