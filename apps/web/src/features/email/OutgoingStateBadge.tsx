import { Badge } from '@mantine/core';
import type { OutgoingEmail } from './useEmailAdmin.ts';
import { OUTGOING_STATE } from './words.ts';

/** Queued, sending, sent, failed or captured: a filled badge whose text colour follows its background. */
export function OutgoingStateBadge({ status }: { status: OutgoingEmail['status'] }) {
  const s = OUTGOING_STATE[status];
  return (
    <Badge color={s.color} variant="filled" autoContrast radius="sm" title={s.hint}>
      {s.label}
    </Badge>
  );
}
