import { AuthorisationCreate } from '@fairdesk/contract';
import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyDone } from '../../lib/notify.ts';
import { ListInput } from './ListInput.tsx';
import { notifyFailed } from './notify.ts';
import type { CaseRequest } from './types.ts';
import { useAuthorise } from './useRequests.ts';
import { explain } from './words.ts';

type Props = {
  requestId: string;
  canApprove: boolean;
  canDeny: boolean;
  onDone?: (r: CaseRequest) => void;
  onCancel?: () => void;
};

/** Approve or deny an exception with a reason and the conditions that protect both sides. */
export function AuthoriseForm({ requestId, canApprove, canDeny, onDone, onCancel }: Props) {
  const [reason, setReason] = useState('');
  const [conditions, setConditions] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const authorise = useAuthorise();
  const run = (decision: 'approve' | 'deny') => {
    const parsed = AuthorisationCreate.safeParse({
      decision,
      reason,
      conditions: conditions.map((c) => c.trim()).filter(Boolean),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(issue?.path[0] === 'reason' ? 'Give the reason for your decision' : issue?.message);
      return;
    }
    setError(undefined);
    authorise.mutate(
      { id: requestId, ...parsed.data },
      {
        onSuccess: (r) => {
          notifyDone(decision === 'approve' ? 'Exception approved' : 'Exception denied');
          onDone?.(r);
        },
        onError: (err) => notifyFailed(err, decision === 'approve' ? 'Not approved' : 'Not denied'),
      },
    );
  };
  return (
    <Stack gap="sm">
      <Textarea
        label="Reason"
        description="Recorded with your name and role; the customer does not see it"
        required
        autosize
        minRows={2}
        maxRows={6}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={error}
      />
      {canApprove && (
        <ListInput
          legend="Conditions (what protects both sides)"
          description="e.g. Return the item unused within 14 days. The customer is told them."
          item="condition"
          values={conditions}
          onChange={setConditions}
        />
      )}
      {authorise.isError && (
        <Alert color="red" title="Not decided">
          {explain(authorise.error)}
        </Alert>
      )}
      <Group justify="flex-end" gap="xs">
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        )}
        {canDeny && (
          <Button
            variant="light"
            color="red"
            leftSection={<IconX size={16} />}
            loading={authorise.isPending && authorise.variables?.decision === 'deny'}
            onClick={() => run('deny')}
          >
            Deny
          </Button>
        )}
        {canApprove && (
          <Button
            leftSection={<IconCheck size={16} />}
            loading={authorise.isPending && authorise.variables?.decision === 'approve'}
            onClick={() => run('approve')}
          >
            Approve
          </Button>
        )}
      </Group>
    </Stack>
  );
}
