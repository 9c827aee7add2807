import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useId } from 'react';
import { BOOLEAN_FACTS, type FactsState, type Tri } from './facts.ts';

type Props = { value: FactsState; onChange: (v: FactsState) => void; error?: string };

const TRI = [
  { value: 'unknown', label: 'Not known' },
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** What is known about the request: the facts policies read, each yes / no / not known, plus any others. */
export function FactsEditor({ value, onChange, error }: Props) {
  const id = useId();
  const setFlag = (name: string, v: Tri) => onChange({ ...value, flags: { ...value.flags, [name]: v } });
  const setFree = (i: number, patch: Partial<FactsState['free'][number]>) =>
    onChange({ ...value, free: value.free.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  return (
    <Fieldset legend="Facts">
      <Stack gap="xs">
        {BOOLEAN_FACTS.map((f) => (
          <Group key={f.name} justify="space-between" wrap="nowrap" gap="sm">
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" id={`${id}-${f.name}`}>
                {f.label}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {f.name}
              </Text>
            </div>
            <SegmentedControl
              size="xs"
              style={{ flexShrink: 0 }}
              aria-labelledby={`${id}-${f.name}`}
              data={TRI}
              value={value.flags[f.name] ?? 'unknown'}
              onChange={(v) => setFlag(f.name, v as Tri)}
            />
          </Group>
        ))}
        <NumberInput
          label="Days since delivery"
          description="days_since_delivery — leave empty when not known"
          min={0}
          max={100000}
          allowDecimal={false}
          value={value.days}
          onChange={(v) => onChange({ ...value, days: String(v) })}
        />
        {value.free.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
          <Group key={i} gap={6} wrap="nowrap" align="flex-end">
            <TextInput
              label={`Other fact ${i + 1}: name`}
              placeholder="e.g. order_number"
              value={f.key}
              onChange={(e) => setFree(i, { key: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <TextInput
              label={`Other fact ${i + 1}: value`}
              placeholder="true, false, a number or text"
              value={f.value}
              onChange={(e) => setFree(i, { value: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              mb={6}
              aria-label={`Remove other fact ${i + 1}`}
              onClick={() => onChange({ ...value, free: value.free.filter((_, j) => j !== i) })}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {error && (
          <Text size="xs" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange({ ...value, free: [...value.free, { key: '', value: '' }] })}
          >
            Add another fact
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
