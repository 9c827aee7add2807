import { Badge, Button, NumberInput, Stack, Table, TagsInput, Text } from '@mantine/core';
import { useState } from 'react';
import type { RoutingOverview } from '../../lib/types.ts';
import { ScheduleModal } from './ScheduleModal.tsx';
import { describeSchedule } from './schedule.format.ts';
import { useSetAgentRouting } from './useRouting.ts';

type Agent = RoutingOverview['agents'][number];

const AVAILABILITY_COLOR = { online: 'teal.9', away: 'yellow.4', offline: 'gray.7' } as const;

export function AgentRoutingTable({ agents }: { agents: RoutingOverview['agents'] }) {
  const set = useSetAgentRouting();
  const [editing, setEditing] = useState<Agent | null>(null);
  return (
    <>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Agent</Table.Th>
            <Table.Th w={110}>Status</Table.Th>
            <Table.Th w={230}>Shift</Table.Th>
            <Table.Th w={90}>Open</Table.Th>
            <Table.Th w={110}>Difficult today</Table.Th>
            <Table.Th w={150}>Capacity</Table.Th>
            <Table.Th>Skills</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agents.map((a) => (
            <Table.Tr key={a.staff_id}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {a.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge
                  color={AVAILABILITY_COLOR[a.availability]}
                  variant="filled"
                  autoContrast
                  tt="capitalize"
                >
                  {a.availability}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Badge color={a.on_shift ? 'teal.9' : 'gray.7'} variant="light" autoContrast>
                    {a.on_shift ? 'On shift now' : 'Off shift'}
                  </Badge>
                  <Text size="xs">{describeSchedule(a.schedule)}</Text>
                  <Button
                    size="compact-xs"
                    variant="default"
                    aria-label={`Edit the shifts of ${a.name}`}
                    onClick={() => setEditing(a)}
                  >
                    Edit shifts
                  </Button>
                </Stack>
              </Table.Td>
              <Table.Td>{a.open_cases}</Table.Td>
              <Table.Td>{a.difficult_today}</Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={`Capacity of ${a.name}`}
                  placeholder="Team default"
                  min={1}
                  max={1000}
                  defaultValue={a.capacity ?? ''}
                  onBlur={(e) => {
                    const raw = e.currentTarget.value.trim();
                    const capacity = raw === '' ? null : Number(raw);
                    if (capacity !== a.capacity) set.mutate({ staffId: a.staff_id, capacity });
                  }}
                />
              </Table.Td>
              <Table.Td>
                <TagsInput
                  aria-label={`Skills of ${a.name}`}
                  placeholder="e.g. spanish, tents"
                  defaultValue={a.skills}
                  onChange={(skills) => set.mutate({ staffId: a.staff_id, skills })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && (
        <ScheduleModal
          staffId={editing.staff_id}
          name={editing.name}
          schedule={editing.schedule}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
