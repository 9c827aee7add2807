import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { explain } from '../../admin/words.ts';
import { ConditionBuilder } from '../../policies/ConditionBuilder.tsx';
import { SLA_SUBJECT, slaFields } from './slaFields.ts';
import { TargetsTable } from './TargetsTable.tsx';
import type { SlaPolicy, SlaPolicyInput } from './types.ts';
import { useSavePolicy } from './useSlaAdmin.ts';
import { PAUSE_STATUSES } from './words.ts';

type Named = { id: string; name: string };
type Props = { policy: SlaPolicy | null; teams: Named[]; organisations: Named[]; onClose: () => void };

const NEW: SlaPolicyInput = {
  name: '',
  conditions: true,
  targets: {
    first_response: { minutes: 8 * 60, business: true },
    resolution: { minutes: 40 * 60, business: true },
  },
  pause_statuses: ['pending', 'on_hold'],
  warn_before_minutes: 60,
  raise_priority_on_breach: false,
  active: true,
};

const inputOf = (p: SlaPolicy): SlaPolicyInput => ({
  name: p.name,
  conditions: p.conditions as SlaPolicyInput['conditions'],
  targets: p.targets,
  pause_statuses: p.pause_statuses,
  warn_before_minutes: p.warn_before_minutes,
  raise_priority_on_breach: p.raise_priority_on_breach,
  active: p.active,
});

/** Adds or edits a policy: when it applies, its targets, what pauses the clock, warnings. */
export function PolicyEditorModal({ policy, teams, organisations, onClose }: Props) {
  const [v, setV] = useState<SlaPolicyInput>(() => (policy ? inputOf(policy) : NEW));
  const [incomplete, setIncomplete] = useState(0);
  const [refused, setRefused] = useState<string | null>(null);
  const save = useSavePolicy(onClose);
  const fields = useMemo(() => slaFields(teams, organisations), [teams, organisations]);
  const set = <K extends keyof SlaPolicyInput>(k: K, value: SlaPolicyInput[K]) =>
    setV((old) => ({ ...old, [k]: value }));
  const noTarget = !Object.values(v.targets).some(Boolean);
  const zero = Object.values(v.targets).some((t) => t && t.minutes < 1);
  const problem = !v.name.trim()
    ? 'Give the policy a name.'
    : noTarget
      ? 'Set at least one target.'
      : zero
        ? 'A target needs at least one minute.'
        : incomplete
          ? `${incomplete} rule${incomplete === 1 ? '' : 's'} still need a value.`
          : null;
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={policy ? `Edit ${policy.name}` : 'Add an SLA policy'}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (problem) return;
          setRefused(null);
          save.mutate(
            { id: policy?.id ?? null, body: { ...v, name: v.name.trim() } },
            { onError: (err) => setRefused(explain(err)) },
          );
        }}
      >
        <Stack gap="lg">
          <TextInput
            label="Name"
            placeholder="e.g. Urgent cases"
            value={v.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            required
            data-autofocus
          />
          <Stack gap={4}>
            <Title order={5}>Applies to</Title>
            <ConditionBuilder
              value={v.conditions}
              onChange={(c, n) => {
                set('conditions', c as SlaPolicyInput['conditions']);
                setIncomplete(n);
              }}
              fields={fields}
              subject={SLA_SUBJECT}
            />
          </Stack>
          <Stack gap={4}>
            <Title order={5}>Targets</Title>
            <TargetsTable value={v.targets} onChange={(t) => set('targets', t)} />
          </Stack>
          <Checkbox.Group
            label="The clock stops while a case is"
            description="Solved and closed cases always stop it."
            value={v.pause_statuses}
            onChange={(s) => set('pause_statuses', s as SlaPolicyInput['pause_statuses'])}
          >
            <Group gap="lg" mt={6}>
              {PAUSE_STATUSES.map((s) => (
                <Checkbox key={s.value} value={s.value} label={s.label} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group gap="xl" align="flex-end">
            <NumberInput
              label="Warn before the due time"
              description="Minutes; the case shows “at risk” from then."
              min={0}
              max={10080}
              w={260}
              value={v.warn_before_minutes}
              onChange={(n) => set('warn_before_minutes', Math.max(0, Number(n) || 0))}
            />
            <Stack gap="xs">
              <Switch
                label="Raise the priority on a breach"
                checked={v.raise_priority_on_breach}
                onChange={(e) => set('raise_priority_on_breach', e.currentTarget.checked)}
              />
              <Switch
                label="Active"
                checked={v.active}
                onChange={(e) => set('active', e.currentTarget.checked)}
              />
            </Stack>
          </Group>
          {refused && (
            <Alert color="red" title="Not saved">
              {refused}
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="sm" c={problem ? 'red.9' : 'dimmed'}>
              {problem ?? 'Saving recomputes the due times of open cases.'}
            </Text>
            <Group>
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!!problem}>
                {policy ? 'Save policy' : 'Add policy'}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
