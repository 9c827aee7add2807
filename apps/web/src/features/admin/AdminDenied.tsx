import { Button, EmptyState, Paper } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ApiError } from '../../lib/api.ts';

/** What someone without the admin role sees once the server has said no. */
export function AdminDenied({ error }: { error: ApiError }) {
  return (
    <Paper withBorder radius="md" p="xl" maw={560} mx="auto" mt="xl">
      <EmptyState
        icon={<IconLock size={28} aria-hidden />}
        variant="light"
        title="Administration is for admins"
        description={`The server said: “${error.message}”. If you need a change to staff, customers or settings, ask an admin of your workspace.`}
      >
        <EmptyState.Actions>
          <Button component={Link} to="/queues/mine" variant="light">
            Back to my cases
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
