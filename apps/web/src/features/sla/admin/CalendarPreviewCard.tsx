import { Badge, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCalendarPreview } from './useSlaAdmin.ts';
import { WEEKDAYS } from './words.ts';

const dayLabel = (date: string, opts: Intl.DateTimeFormatOptions) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, { ...opts, timeZone: 'UTC' });

/** What the saved calendar means in practice: this week's hours and the next days off. */
export function CalendarPreviewCard({ scope, note }: { scope: string; note?: string }) {
  const preview = useCalendarPreview(scope, true);
  if (preview.isPending) return <Loader size="sm" aria-label="Loading the preview" />;
  if (preview.isError) return null;
  const { days, upcoming, time_zone } = preview.data;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <div>
          <Title order={4}>The coming week</Title>
          <Text size="xs" c="dimmed">
            {note ?? 'As saved'}, in {time_zone}
          </Text>
        </div>
        <Table verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {days.map((d) => (
              <Table.Tr key={d.date}>
                <Table.Td w={120}>
                  <Text size="sm" fw={500}>
                    {WEEKDAYS[d.weekday]?.slice(0, 3)} {dayLabel(d.date, { day: 'numeric', month: 'short' })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {d.closed === 'holiday' ? (
                    <Badge color="grape.9" variant="light" tt="none">
                      {d.holiday_name}
                    </Badge>
                  ) : d.closed === 'closure' ? (
                    <Badge color="orange.9" variant="light" tt="none">
                      Closure
                    </Badge>
                  ) : d.hours.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      Closed
                    </Text>
                  ) : (
                    <Text size="sm">{d.hours.map((h) => `${h.start}–${h.end}`).join(', ')}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={4}>Next days off</Title>
        {upcoming.length === 0 ? (
          <Text size="sm" c="dimmed">
            No public holidays or closures ahead.
          </Text>
        ) : (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {upcoming.map((u) => (
              <li key={u.date}>
                <Text size="sm" fw={500} c={u.kind === 'closure' ? 'orange.9' : undefined}>
                  {u.kind === 'closure' ? 'Closure' : u.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {dayLabel(u.date, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
