import { Badge } from '@mantine/core';
import { STATUS_FOR_CUSTOMER } from '../../lib/format.ts';
import type { CaseStatus } from '../../lib/types.ts';

// The console's colours signal urgency to agents (open is red); a customer needs calm ones, and
// orange only where it is their move.
const COLOR: Record<CaseStatus, string> = {
  new: 'blue',
  open: 'teal',
  pending: 'orange',
  on_hold: 'grape',
  solved: 'green',
  closed: 'gray',
};

/** The status in the customer's words ("Waiting for your reply"); a coloured dot beside dark text keeps it readable. */
export const CustomerStatus = ({ status, size = 'lg' }: { status: CaseStatus; size?: 'md' | 'lg' }) => (
  <Badge
    color={COLOR[status]}
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
