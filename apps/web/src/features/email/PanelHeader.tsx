import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** The one-line summary of an email part, with its main action on the right. */
export function PanelHeader({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Group justify="space-between" align="center" mb="md" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed" maw={720}>
        {children}
      </Text>
      {action}
    </Group>
  );
}
