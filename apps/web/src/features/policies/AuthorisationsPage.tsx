import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useSearchParams } from 'react-router';
import { QueueItemCard } from './QueueItemCard.tsx';
import { type QueueStatus, useAuthorisationQueue } from './useAuthorisations.ts';
import { explain } from './words.ts';

const STATUSES: { value: QueueStatus; label: string }[] = [
  { value: 'pending', label: 'Waiting' },
  { value: 'approved', label: 'Approved' },
  { value: 'denied', label: 'Denied' },
  { value: 'expired', label: 'Lapsed' },
];

/** /authorisations: the exceptions waiting for someone with authority, oldest first. */
export function AuthorisationsPage() {
  const [params, setParams] = useSearchParams();
  const status = (STATUSES.find((s) => s.value === params.get('status'))?.value ?? 'pending') as QueueStatus;
  const queue = useAuthorisationQueue(status);
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Authorisations</Title>
          <Text size="sm" c="dimmed">
            Exceptions to flexible policies that need your role, or one below it. Approve or deny with a
            reason; conditions protect both the customer and us.
          </Text>
        </div>
        <SegmentedControl
          aria-label="Which asks"
          data={STATUSES}
          value={status}
          onChange={(v) => setParams(v === 'pending' ? {} : { status: v })}
        />
      </Group>
      {queue.isError && (
        <Alert color="red" title="The queue cannot be shown">
          {explain(queue.error)}
        </Alert>
      )}
      {queue.isPending && (
        <Center p="xl">
          <Loader aria-label="Loading authorisations" />
        </Center>
      )}
      {queue.isSuccess && items.length === 0 && (
        <Paper withBorder radius="md" p="xl">
          <Text ta="center" c="dimmed">
            {status === 'pending' ? 'Nothing is waiting for you. Well done.' : 'None.'}
          </Text>
        </Paper>
      )}
      {items.map((item) => (
        <QueueItemCard key={item.authorisation.id} item={item} />
      ))}
      {queue.hasNextPage && (
        <Center>
          <Button
            variant="default"
            loading={queue.isFetchingNextPage}
            onClick={() => void queue.fetchNextPage()}
          >
            Load more
          </Button>
        </Center>
      )}
    </Stack>
  );
}
