import { Badge } from '@mantine/core';
import type { Staff } from '../../lib/types.ts';

/** Active, invited (no password chosen yet) or deactivated. */
export function StaffStatus({ person: s }: { person: Staff }) {
  const [label, color] = !s.active
    ? ['Deactivated', 'gray']
    : s.invitation_pending
      ? ['Invited', 'yellow']
      : ['Active', 'teal'];
  return (
    <Badge variant="dot" color={color} radius="sm" tt="none">
      {label}
    </Badge>
  );
}
