import { CommunicationCreate } from '@fairdesk/contract';
import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { notifyDone } from '../../lib/notify.ts';
import { ListInput } from './ListInput.tsx';
import { notifyFailed } from './notify.ts';
import { OutcomeBadge } from './OutcomeBadge.tsx';
import type { CaseRequest } from './types.ts';
import { useCommunicate } from './useRequests.ts';
import { explain } from './words.ts';

const clean = (xs: string[]) => xs.map((x) => x.trim()).filter(Boolean);

/**
 * Tells the customer the decision, pre-filled from the policies. The words can be edited and
 * alternatives added, but a refusal cannot go without its reason and at least one alternative.
 */
export function DecisionComposer({ request, onClose }: { request: CaseRequest; onClose: () => void }) {
  const d = request.decision;
  const refusal = d.outcome === 'refused';
  const [explanation, setExplanation] = useState(d.explanation);
  const [alternatives, setAlternatives] = useState(
    d.alternatives.length ? d.alternatives : refusal ? [''] : [],
  );
  const [errors, setErrors] = useState<{ explanation?: string; alternatives?: string }>({});
  const send = useCommunicate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: typeof errors = {};
    if (!explanation.trim()) problems.explanation = 'Say the decision in plain words';
    if (refusal && clean(alternatives).length === 0)
      problems.alternatives = 'A refusal offers at least one alternative';
    const parsed = CommunicationCreate.safeParse({ explanation, alternatives: clean(alternatives) });
    if (!parsed.success) problems.explanation ??= parsed.error.issues[0]?.message;
    setErrors(problems);
    if (Object.keys(problems).length || !parsed.success) return;
    send.mutate(
      { id: request.id, explanation: parsed.data.explanation ?? '', alternatives: parsed.data.alternatives },
      {
        onSuccess: () => {
          notifyDone('The decision was sent to the customer');
          onClose();
        },
        onError: (err) => notifyFailed(err, 'The decision was not sent'),
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={
        <Group gap="xs">
          <Text fw={600}>Send the decision</Text>
          <OutcomeBadge outcome={d.outcome} />
        </Group>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            This goes to the customer as a public reply on the case
            {refusal ? ', with the reason, the rule it rests on and what we can offer instead.' : '.'}
          </Text>
          <Textarea
            label="Explanation for the customer"
            required
            autosize
            minRows={3}
            maxRows={10}
            data-autofocus
            value={explanation}
            onChange={(e) => setExplanation(e.currentTarget.value)}
            error={errors.explanation}
          />
          <ListInput
            legend={refusal ? 'Alternatives offered (at least one)' : 'Alternatives offered'}
            item="alternative"
            values={alternatives}
            onChange={setAlternatives}
            min={refusal ? 1 : 0}
            error={errors.alternatives}
          />
          {d.conditions.length > 0 && (
            <div>
              <Text size="sm" fw={500}>
                Conditions (from the authorisation)
              </Text>
              <List size="sm">
                {d.conditions.map((c) => (
                  <List.Item key={c}>{c}</List.Item>
                ))}
              </List>
            </div>
          )}
          {d.citations.length > 0 && (
            <Text size="xs" c="dimmed">
              Rests on: {d.citations.map((c) => `${c.name} (${c.citation})`).join('; ')}
            </Text>
          )}
          {send.isError && (
            <Alert color="red" title="Not sent">
              {explain(send.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" leftSection={<IconSend size={16} />} loading={send.isPending}>
              Send to the customer
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
