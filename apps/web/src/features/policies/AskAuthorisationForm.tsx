import { Button, Group, Stack, Textarea } from '@mantine/core';
import { IconHandStop } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyDone } from '../../lib/notify.ts';
import { notifyFailed } from './notify.ts';
import type { CaseRequest } from './types.ts';
import { useAskAuthorisation } from './useRequests.ts';
import { aRole } from './words.ts';

/** Asks the people who hold the authority to decide, with a note for them. */
export function AskAuthorisationForm({ request, onDone }: { request: CaseRequest; onDone: () => void }) {
  const [note, setNote] = useState('');
  const ask = useAskAuthorisation();
  const role = request.decision.required_role;
  return (
    <Stack gap="sm">
      <Textarea
        label="Note for the authoriser"
        description={role ? `It goes to the queue of ${aRole(role)} or above` : undefined}
        autosize
        minRows={2}
        maxRows={5}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          leftSection={<IconHandStop size={16} />}
          loading={ask.isPending}
          onClick={() =>
            ask.mutate(
              { id: request.id, note: note.trim() },
              {
                onSuccess: () => {
                  notifyDone('Authorisation asked for');
                  onDone();
                },
                onError: (err) => notifyFailed(err, 'The ask was not sent'),
              },
            )
          }
        >
          Ask for authorisation
        </Button>
      </Group>
    </Stack>
  );
}
