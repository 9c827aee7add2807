import { Alert, Button, Divider, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { errorMessage } from '../../lib/api.ts';
import { NotificationItem } from './NotificationItem.tsx';
import type { StaffNotification } from './types.ts';
import { useMarkRead, useNotifications } from './useNotifications.ts';

/** The popover's content: the newest notifications, newest first, "Mark all read" and older ones on demand. */
export function NotificationPanel({ onOpened }: { onOpened: () => void }) {
  const { query, items, unread } = useNotifications();
  const mark = useMarkRead();
  const open = (n: StaffNotification) => {
    if (n.read_at === null) mark.mutate(n.id);
    if (n.case) onOpened();
  };
  return (
    <Stack gap={0}>
      <Group justify="space-between" px="sm" py="xs">
        <Text fw={700} size="sm" id="notifications-heading">
          Notifications
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          color="blue"
          c={unread === 0 ? undefined : 'blue.9'}
          disabled={unread === 0}
          onClick={() => mark.mutate(null)}
        >
          Mark all read
        </Button>
      </Group>
      <Divider />
      {query.isPending && (
        <Group justify="center" p="md">
          <Loader size="sm" aria-label="Loading notifications" />
        </Group>
      )}
      {query.isError && (
        <Alert color="red" m="sm" title="Could not load notifications">
          {errorMessage(query.error)}
        </Alert>
      )}
      {items?.length === 0 && (
        <Text size="sm" c="gray.7" p="md">
          Nothing yet. Service-level warnings and breaches of your cases will appear here.
        </Text>
      )}
      {!!items?.length && (
        <ScrollArea.Autosize mah={440} type="auto">
          <Stack
            gap={0}
            component="ul"
            aria-labelledby="notifications-heading"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
          >
            {items.map((n) => (
              <li key={n.id}>
                <NotificationItem n={n} onOpen={open} />
              </li>
            ))}
          </Stack>
          {query.hasNextPage && (
            <Group justify="center" p="xs">
              <Button
                size="compact-sm"
                variant="subtle"
                color="blue"
                c="blue.9"
                loading={query.isFetchingNextPage}
                onClick={() => void query.fetchNextPage()}
              >
                Show older
              </Button>
            </Group>
          )}
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
