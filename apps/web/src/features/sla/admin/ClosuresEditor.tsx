import { Button, Group, Pill, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';

const MAX = 366;
const label = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** Extra days the desk is closed (a company day off, a move), as local dates. */
export function ClosuresEditor({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const [date, setDate] = useState('');
  const add = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || value.includes(date)) return;
    onChange([...value, date].sort());
    setDate('');
  };
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end">
        <TextInput
          type="date"
          label="Closed on"
          description="Days off beyond the public holidays."
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          w={200}
        />
        <Button variant="default" onClick={add} disabled={!date || value.length >= MAX}>
          Add closure
        </Button>
      </Group>
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          No extra closures.
        </Text>
      ) : (
        <Group gap={6}>
          {value.map((d) => (
            <Pill
              key={d}
              size="md"
              withRemoveButton
              onRemove={() => onChange(value.filter((x) => x !== d))}
              removeButtonProps={{ 'aria-label': `Remove the closure on ${label(d)}` }}
            >
              {label(d)}
            </Pill>
          ))}
        </Group>
      )}
    </Stack>
  );
}
