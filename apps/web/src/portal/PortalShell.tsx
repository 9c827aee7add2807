import { Button, Group, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useReplyAlerts } from '../features/portal/useReplyAlerts.ts';
import { useSignOut } from '../features/portal/useSignOut.ts';
import type { CurrentUser } from '../lib/types.ts';
import { PortalFrame } from './PortalFrame.tsx';

type Customer = Extract<CurrentUser, { kind: 'customer' }>;

/** The signed-in frame: who is here, sign out, and live updates of their own cases. */
export function PortalShell({ me, children }: { me: Customer; children: ReactNode }) {
  const signOut = useSignOut();
  useReplyAlerts();
  const actions = (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" c="dimmed" visibleFrom="sm" lineClamp={1}>
        {me.name}
      </Text>
      <Button
        variant="default"
        size="sm"
        leftSection={<IconLogout size={16} />}
        onClick={() => signOut.mutate()}
        loading={signOut.isPending}
      >
        Sign out
      </Button>
    </Group>
  );
  return (
    <PortalFrame workspace={me.workspace_name} actions={actions}>
      {children}
    </PortalFrame>
  );
}
