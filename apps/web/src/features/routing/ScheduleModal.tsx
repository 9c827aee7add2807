import { ShiftSchedule as ShiftScheduleSchema } from '@fairdesk/contract';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { type ShiftHours, type ShiftSchedule, WEEK } from './schedule.format.ts';
import { useSetAgentRouting } from './useRouting.ts';

const ZONES = Intl.supportedValuesOf('timeZone');
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

type Props = { staffId: string; name: string; schedule: ShiftSchedule | null; onClose: () => void };

/** An agent's weekly shifts: per weekday, any number of intervals (an end before the start runs past midnight). */
export function ScheduleModal({ staffId, name, schedule, onClose }: Props) {
  const [enabled, setEnabled] = useState(schedule !== null);
  const [zone, setZone] = useState(schedule?.time_zone ?? browserZone());
  const [weekly, setWeekly] = useState<ShiftHours[]>(schedule?.weekly ?? []);
  const [error, setError] = useState<string | null>(null);
  const set = useSetAgentRouting();
  const zones = useMemo(() => (ZONES.includes(zone) ? ZONES : [zone, ...ZONES]), [zone]);
  /** The interval's number within its own day, for labels. */
  const nth = (i: number) => weekly.slice(0, i).filter((h) => h.day === weekly[i]?.day).length + 1;
  const edit = (i: number, patch: Partial<ShiftHours>) =>
    setWeekly((w) => w.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = enabled ? ShiftScheduleSchema.safeParse({ time_zone: zone, weekly }) : null;
    if (parsed && !parsed.success) {
      setError(parsed.error.issues.map((i) => i.message).join('; '));
      return;
    }
    set.mutate({ staffId, schedule: parsed ? parsed.data : null }, { onSuccess: onClose });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Shifts of ${name}`}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Switch
            label="Works to a schedule (without one, on shift whenever online)"
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
          />
          {enabled && (
            <>
              <Select
                label="Time zone"
                data={zones}
                value={zone}
                onChange={(v) => v && setZone(v)}
                searchable
              />
              {WEEK.map((d) => (
                <Group key={d.day} align="flex-start" gap="sm" wrap="nowrap">
                  <Text w={90} pt={6} size="sm" fw={600}>
                    {d.long}
                  </Text>
                  <Stack gap={6} style={{ flex: 1 }}>
                    {weekly.map((h, i) =>
                      h.day !== d.day ? null : (
                        // biome-ignore lint/suspicious/noArrayIndexKey: intervals have no identity until saved
                        <Group key={`${d.day}-${i}`} gap="xs" wrap="nowrap">
                          <TextInput
                            type="time"
                            aria-label={`${d.long} shift ${nth(i)} starts`}
                            value={h.start}
                            onChange={(e) => edit(i, { start: e.currentTarget.value })}
                          />
                          <Text size="sm">to</Text>
                          <TextInput
                            type="time"
                            aria-label={`${d.long} shift ${nth(i)} ends`}
                            value={h.end}
                            onChange={(e) => edit(i, { end: e.currentTarget.value })}
                          />
                          <ActionIcon
                            variant="subtle"
                            color="red.9"
                            aria-label={`Remove ${d.long} shift ${nth(i)}`}
                            onClick={() => setWeekly((w) => w.filter((_, j) => j !== i))}
                          >
                            ×
                          </ActionIcon>
                        </Group>
                      ),
                    )}
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      w="fit-content"
                      aria-label={`Add hours on ${d.long}`}
                      onClick={() => setWeekly((w) => [...w, { day: d.day, start: '09:00', end: '17:00' }])}
                    >
                      Add hours
                    </Button>
                  </Stack>
                </Group>
              ))}
              <Text size="xs" c="dimmed">
                An end at or before the start runs past midnight (22:00 to 06:00 is a night shift).
              </Text>
            </>
          )}
          {error && <Alert color="red.9">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={set.isPending}>
              Save shifts
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
