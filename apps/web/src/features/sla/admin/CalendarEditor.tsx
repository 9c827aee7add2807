import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { explain } from '../../admin/words.ts';
import { ClosuresEditor } from './ClosuresEditor.tsx';
import { HolidaySelects } from './HolidaySelects.tsx';
import { TimeZoneSelect } from './TimeZoneSelect.tsx';
import type { BusinessCalendar, CalendarInput, WeeklyInterval } from './types.ts';
import { useSaveCalendar } from './useSlaAdmin.ts';
import { WeeklyHoursEditor } from './WeeklyHoursEditor.tsx';

type Values = Required<CalendarInput> & { weekly: WeeklyInterval[]; closures: string[] };

export const valuesOf = (c: BusinessCalendar): Values => ({
  name: c.name,
  time_zone: c.time_zone,
  weekly: c.weekly,
  holiday_country: c.holiday_country,
  holiday_region: c.holiday_region,
  closures: c.closures,
});

/** A sensible start: Monday to Friday, 09:00 to 17:00, in the browser's zone. */
export const defaultValues = (name: string): Values => ({
  name,
  time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
  holiday_country: null,
  holiday_region: null,
  closures: [],
});

type Props = {
  scope: string;
  title: string;
  initial: Values;
  /** Not saved yet: saving the suggested values is a change. */
  isNew: boolean;
  extra?: React.ReactNode;
  onSaved?: () => void;
};

/** Edits one calendar as a whole and saves it with PUT; the server's refusal is shown in the form. */
export function CalendarEditor({ scope, title, initial, isNew, extra, onSaved }: Props) {
  const [v, setV] = useState<Values>(initial);
  const [refused, setRefused] = useState<string | null>(null);
  const save = useSaveCalendar(() => {
    setRefused(null);
    onSaved?.();
  });
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));
  const dirty = JSON.stringify(v) !== JSON.stringify(initial);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ scope, body: v }, { onError: (err) => setRefused(explain(err)) });
      }}
      noValidate
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Title order={4}>{title}</Title>
          {extra}
        </Group>
        <Group gap="md" align="flex-start">
          <TextInput
            label="Name"
            value={v.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            w={280}
            required
          />
          <TimeZoneSelect value={v.time_zone} onChange={(tz) => set('time_zone', tz)} />
        </Group>
        <div>
          <Text size="sm" fw={500}>
            Opening hours
          </Text>
          <Text size="xs" c="dimmed">
            Business-hour targets count only these hours. An end before the start runs past midnight.
          </Text>
          <WeeklyHoursEditor value={v.weekly} onChange={(w) => set('weekly', w)} />
        </div>
        <HolidaySelects
          country={v.holiday_country}
          region={v.holiday_region}
          onChange={(country, region) =>
            setV((old) => ({ ...old, holiday_country: country, holiday_region: region }))
          }
        />
        <ClosuresEditor value={v.closures} onChange={(c) => set('closures', c)} />
        {refused && (
          <Alert color="red" title="Not saved">
            {refused}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!dirty && !isNew}>
            {isNew ? 'Save these hours' : 'Save hours'}
          </Button>
          {dirty && (
            <Button variant="subtle" color="gray" onClick={() => setV(initial)}>
              Undo changes
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
