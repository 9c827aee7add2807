import { Button, Group, Text } from '@mantine/core';

type Props = {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
};

/** The footer of a paged list: how many are shown, and the next page on request. */
export function LoadMore({ shown, hasMore, loading, onMore }: Props) {
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {shown > 0 ? `Showing ${shown}${hasMore ? '' : ' (all)'}` : ''}
      </Text>
      {hasMore && (
        <Button variant="light" loading={loading} onClick={onMore}>
          Load more
        </Button>
      )}
    </Group>
  );
}
