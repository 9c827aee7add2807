import { Text } from '@mantine/core';
import type { CurrentUser } from '../../lib/types.ts';

export function AdminRoutes(_: { me: Extract<CurrentUser, { kind: 'staff' }> }) {
  return <Text>Administration</Text>;
}
