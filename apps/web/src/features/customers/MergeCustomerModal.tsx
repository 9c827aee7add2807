import { CustomerMerge } from '@fairdesk/contract';
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowsJoin } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Customer } from '../../lib/types.ts';
import { issuesByField } from '../admin/forms.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { CustomerSummary } from './CustomerSummary.tsx';
import { useMergeCustomer } from './useCustomers.ts';

type Step = 'pick' | 'confirm' | 'done';

/** Pick the duplicate, confirm what happens to it, then show the customer that remains. */
export function MergeCustomerModal({ target, onClose }: { target: Customer; onClose: () => void }) {
  const [step, setStep] = useState<Step>('pick');
  const [source, setSource] = useState<Customer | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<Customer | null>(null);
  const merge = useMergeCustomer(target, (c) => {
    setResult(c && typeof c === 'object' && 'emails' in c ? c : null);
    setStep('done');
  });
  const review = () => {
    const r = CustomerMerge.safeParse({ source_id: source?.id });
    if (!r.success) return setError(issuesByField(r.error.issues).source_id ?? 'Choose the duplicate');
    setStep('confirm');
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened
      onClose={onClose}
      title={`Merge a duplicate into ${target.name}`}
      size="xl"
    >
      {step === 'pick' && (
        <Stack gap="md">
          <Text size="sm">
            Choose the duplicate record. It is merged into <b>{target.name}</b>, who is kept.
          </Text>
          <CustomerPicker
            label="Duplicate customer"
            exclude={target.id}
            value={source}
            onChange={(c) => {
              setSource(c);
              setError(undefined);
            }}
            error={error}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={review}>Review the merge</Button>
          </Group>
        </Stack>
      )}
      {step === 'confirm' && source && (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CustomerSummary customer={source} heading="Duplicate — will be removed" />
            <CustomerSummary customer={target} heading="Kept" />
          </SimpleGrid>
          <Alert color="orange" icon={<IconArrowsJoin size={18} aria-hidden />} title="This cannot be undone">
            The cases and email addresses of {source.name} move to {target.name}, and the record of{' '}
            {source.name} is deleted.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep('pick')} data-autofocus>
              Back
            </Button>
            <Button color="red" loading={merge.isPending} onClick={() => merge.mutate(source)}>
              Merge
            </Button>
          </Group>
        </Stack>
      )}
      {step === 'done' && (
        <Stack gap="md">
          <Alert color="teal" title="Merged">
            {source?.name} is now part of {target.name}. Their cases and addresses are together.
          </Alert>
          {result && <CustomerSummary customer={result} heading="The customer now" />}
          <Group justify="flex-end">
            <Button component={Link} to={`/customers/${target.id}`} variant="default" onClick={onClose}>
              Open the customer
            </Button>
            <Button onClick={onClose} data-autofocus>
              Done
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
