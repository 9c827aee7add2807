import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../lib/api.ts';
import { useCase } from '../cases/useCase.ts';
import { RecordRequestForm } from './RecordRequestForm.tsx';
import { RequestCard } from './RequestCard.tsx';
import { useCaseRequests } from './useRequests.ts';

/**
 * The case's requests and their decisions: the outcome, the trace of every policy considered, and
 * the next step the server allows (send the decision, ask for authorisation, approve or deny).
 */
export function RequestsPanel({ caseId }: { caseId: string }) {
  const requests = useCaseRequests(caseId);
  const kase = useCase(caseId);
  const [recording, setRecording] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  // The server records requests on any case that is not closed.
  const canRecord = kase.data ? kase.data.status !== 'closed' : false;
  const items = [...(requests.data ?? [])].sort((a, b) => b.created_at.localeCompare(a.created_at));
  return (
    <Stack gap="md" component="section" aria-labelledby="requests-heading">
      <Group justify="space-between">
        <Title order={3} size="h4" id="requests-heading">
          Requests and decisions
        </Title>
        {canRecord && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setRecording(true)}>
            Record a request
          </Button>
        )}
      </Group>
      {requests.isPending && (
        <Center p="md">
          <Loader size="sm" aria-label="Loading requests" />
        </Center>
      )}
      {requests.isError && (
        <Alert color="red" title="The requests cannot be shown">
          {errorMessage(requests.error)}
        </Alert>
      )}
      {requests.isSuccess && items.length === 0 && (
        <Paper withBorder radius="md" p="lg">
          <Text size="sm" c="dimmed" ta="center">
            No requests on this case yet. When the customer asks for a refund, a return, an exception or their
            data, record it here: Fairdesk weighs it against the policies and shows the decision.
          </Text>
        </Paper>
      )}
      {items.map((r) => (
        <RequestCard key={r.id} request={r} focused={r.id === focusId} />
      ))}
      {recording && (
        <RecordRequestForm
          caseId={caseId}
          onClose={() => setRecording(false)}
          onRecorded={(r) => {
            setRecording(false);
            setFocusId(r.id);
          }}
        />
      )}
    </Stack>
  );
}
