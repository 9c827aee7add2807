import { Button, Group, Loader, Text } from '@mantine/core';
import { AuthoriseForm } from './AuthoriseForm.tsx';
import { useRequest } from './useAuthorisations.ts';
import { explain } from './words.ts';

/** The approve / deny form, with only the buttons the server's abilities on the request allow. */
export function QueueDecide({ requestId, onClose }: { requestId: string; onClose: () => void }) {
  const request = useRequest(requestId);
  if (request.isPending) return <Loader size="sm" aria-label="Loading the request" />;
  if (request.isError)
    return (
      <Text size="sm" c="red">
        {explain(request.error)}
      </Text>
    );
  const { can } = request.data;
  if (!can.approve && !can.deny)
    return (
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          This is no longer yours to decide.
        </Text>
        <Button size="compact-sm" variant="subtle" onClick={onClose}>
          Close
        </Button>
      </Group>
    );
  return (
    <AuthoriseForm
      requestId={requestId}
      canApprove={can.approve}
      canDeny={can.deny}
      onCancel={onClose}
      onDone={onClose}
    />
  );
}
