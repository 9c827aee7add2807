import { RequestCreate } from '@fairdesk/contract';
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { notifyDone } from '../../lib/notify.ts';
import { FactsEditor } from './FactsEditor.tsx';
import { emptyFacts, type FactsState, factsOf } from './facts.ts';
import { type FieldErrors, fieldErrors } from './issues.ts';
import { notifyFailed } from './notify.ts';
import type { CaseRequest, RequestKind } from './types.ts';
import { useRecordRequest } from './useRequests.ts';
import { aRole, KIND_LABEL, KINDS, OUTCOME_LABEL } from './words.ts';

type Props = { caseId: string; onClose: () => void; onRecorded: (r: CaseRequest) => void };

/** Records what the customer asks; the answer carries the engine's decision, shown at once. */
export function RecordRequestForm({ caseId, onClose, onRecorded }: Props) {
  const [kind, setKind] = useState<RequestKind | null>(null);
  const [amount, setAmount] = useState<string | number>('');
  const [currency, setCurrency] = useState('GBP');
  const [facts, setFacts] = useState<FactsState>(emptyFacts);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const record = useRecordRequest(caseId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const hasAmount = amount !== '' && amount !== null;
    const input = {
      kind,
      amount: hasAmount ? Math.round(Number(amount) * 100) : null,
      currency: hasAmount ? currency.trim().toUpperCase() : null,
      facts: factsOf(facts),
      description,
    };
    const parsed = RequestCreate.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    record.mutate(parsed.data, {
      onSuccess: (r) => {
        const role = r.decision.required_role;
        notifyDone(
          `Request recorded: ${OUTCOME_LABEL[r.decision.outcome].toLowerCase()}${
            r.decision.outcome === 'needs_authorisation' && role ? ` by ${aRole(role)}` : ''
          }`,
        );
        onRecorded(r);
      },
      onError: (err) => notifyFailed(err, 'The request was not recorded'),
    });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title="Record a request"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Select
            label="What the customer asks for"
            placeholder="Choose a kind"
            required
            data-autofocus
            data={KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
            value={kind}
            onChange={(v) => setKind(v as RequestKind | null)}
            error={errors.kind}
          />
          <Group grow align="flex-start">
            <NumberInput
              label="Amount"
              description="Optional, e.g. 150.00"
              min={0}
              decimalScale={2}
              fixedDecimalScale
              thousandSeparator=","
              value={amount}
              onChange={setAmount}
              error={errors.amount}
            />
            <TextInput
              label="Currency"
              description="ISO code, with an amount"
              maxLength={3}
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value)}
              error={errors.currency}
            />
          </Group>
          <FactsEditor value={facts} onChange={setFacts} error={errors.facts} />
          <Textarea
            label="Description"
            description="In the customer’s terms: what, which item, since when"
            autosize
            minRows={2}
            maxRows={6}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          {errors[''] && <Alert color="red">{errors['']}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={record.isPending}>
              Record and decide
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
