import { Checkbox, Group, NumberInput, SegmentedControl, Table, Text } from '@mantine/core';
import type { SlaTargets } from './types.ts';
import { TARGETS } from './words.ts';

type Spec = { minutes: number; business: boolean };
type Props = { value: SlaTargets; onChange: (v: SlaTargets) => void };

const DEFAULT: Spec = { minutes: 8 * 60, business: true };

/** The three targets, each on or off, as hours and minutes of business or calendar time. */
export function TargetsTable({ value, onChange }: Props) {
  const put = (key: keyof SlaTargets, spec: Spec | undefined) => onChange({ ...value, [key]: spec });
  return (
    <Table verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Target</Table.Th>
          <Table.Th>Within</Table.Th>
          <Table.Th>Counted in</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {TARGETS.map((t) => {
          const spec = value[t.key];
          const hours = spec ? Math.floor(spec.minutes / 60) : 0;
          const minutes = spec ? spec.minutes % 60 : 0;
          const setTime = (h: number, m: number) =>
            spec && put(t.key, { ...spec, minutes: Math.max(0, h) * 60 + Math.max(0, m) });
          return (
            <Table.Tr key={t.key}>
              <Table.Td>
                <Checkbox
                  label={t.label}
                  description={t.hint}
                  checked={!!spec}
                  onChange={(e) => put(t.key, e.currentTarget.checked ? DEFAULT : undefined)}
                />
              </Table.Td>
              <Table.Td>
                {spec ? (
                  <Group gap={6} wrap="nowrap">
                    <NumberInput
                      size="xs"
                      w={80}
                      min={0}
                      max={8760}
                      aria-label={`${t.label}: hours`}
                      value={hours}
                      onChange={(v) => setTime(Number(v) || 0, minutes)}
                    />
                    <Text size="sm">h</Text>
                    <NumberInput
                      size="xs"
                      w={70}
                      min={0}
                      max={59}
                      aria-label={`${t.label}: minutes`}
                      value={minutes}
                      onChange={(v) => setTime(hours, Number(v) || 0)}
                    />
                    <Text size="sm">min</Text>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    No target
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {spec && (
                  <SegmentedControl
                    size="xs"
                    aria-label={`${t.label}: counted in`}
                    data={[
                      { value: 'business', label: 'Business hours' },
                      { value: 'calendar', label: 'Around the clock' },
                    ]}
                    value={spec.business ? 'business' : 'calendar'}
                    onChange={(v) => put(t.key, { ...spec, business: v === 'business' })}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
