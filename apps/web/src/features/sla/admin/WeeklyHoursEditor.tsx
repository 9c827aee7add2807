import { ActionIcon, Button, Group, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { WeeklyInterval } from './types.ts';
import { WEEK_ORDER, WEEKDAYS } from './words.ts';

type Props = { value: WeeklyInterval[]; onChange: (v: WeeklyInterval[]) => void };

const DEFAULT = { start: '09:00', end: '17:00' };

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** A further opening starting where the last ends, two hours long (until 23:59 at the latest). */
const after = (end: string) => {
  const from = Number(end.slice(0, 2)) * 60 + Number(end.slice(3, 5));
  return { start: hhmm(Math.min(from, 1438)), end: hhmm(Math.min(from + 120, 1439)) };
};

/** Opening hours per weekday: closed, or one or more openings; an end before the start runs past midnight. */
export function WeeklyHoursEditor({ value, onChange }: Props) {
  const ofDay = (day: number) => value.filter((w) => w.day === day);
  const setDay = (day: number, intervals: { start: string; end: string }[]) =>
    onChange([...value.filter((w) => w.day !== day), ...intervals.map((i) => ({ day, ...i }))]);
  return (
    <Table verticalSpacing={6} withRowBorders={false}>
      <Table.Tbody>
        {WEEK_ORDER.map((day) => {
          const intervals = ofDay(day);
          const name = WEEKDAYS[day] as string;
          return (
            <Table.Tr key={day}>
              <Table.Td w={150} style={{ verticalAlign: 'top' }}>
                <Switch
                  mt={6}
                  label={name}
                  checked={intervals.length > 0}
                  onChange={(e) => setDay(day, e.currentTarget.checked ? [DEFAULT] : [])}
                />
              </Table.Td>
              <Table.Td>
                {intervals.length === 0 ? (
                  <Text size="sm" c="dimmed" mt={6}>
                    Closed
                  </Text>
                ) : (
                  <Stack gap={6}>
                    {intervals.map((w, i) => {
                      const put = (patch: Partial<WeeklyInterval>) =>
                        setDay(
                          day,
                          intervals.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                        );
                      const overnight = w.end <= w.start;
                      return (
                        // biome-ignore lint/suspicious/noArrayIndexKey: openings have no identity but their place
                        <Group key={i} gap="xs" wrap="nowrap">
                          <TextInput
                            type="time"
                            size="xs"
                            w={110}
                            aria-label={`${name}, opening ${i + 1}, from`}
                            value={w.start}
                            onChange={(e) => put({ start: e.currentTarget.value })}
                          />
                          <Text size="sm" aria-hidden>
                            to
                          </Text>
                          <TextInput
                            type="time"
                            size="xs"
                            w={110}
                            aria-label={`${name}, opening ${i + 1}, until`}
                            value={w.end}
                            onChange={(e) => put({ end: e.currentTarget.value })}
                          />
                          {overnight && (
                            <Text size="xs" c="dimmed">
                              {w.end === w.start ? 'all day' : 'runs past midnight'}
                            </Text>
                          )}
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={`Remove ${name} opening ${i + 1}`}
                            onClick={() =>
                              setDay(
                                day,
                                intervals.filter((_, j) => j !== i),
                              )
                            }
                          >
                            <IconX size={14} />
                          </ActionIcon>
                          {i === intervals.length - 1 && (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              leftSection={<IconPlus size={12} aria-hidden />}
                              aria-label={`Add an opening on ${name}`}
                              onClick={() => setDay(day, [...intervals, after(w.end)])}
                            >
                              Add hours
                            </Button>
                          )}
                        </Group>
                      );
                    })}
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
