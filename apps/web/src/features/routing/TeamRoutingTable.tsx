import { NumberInput, Select, Table, Text } from '@mantine/core';
import type { AssignmentMode, RoutingOverview } from '../../lib/types.ts';
import { useSetTeamRouting } from './useRouting.ts';

const MODES: { value: AssignmentMode; label: string }[] = [
  { value: 'manual', label: 'Manual' },
  { value: 'round_robin', label: 'Round robin' },
  { value: 'load_balanced', label: 'Load balanced' },
];

export function TeamRoutingTable({ teams }: { teams: RoutingOverview['teams'] }) {
  const set = useSetTeamRouting();
  return (
    <Table verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Team</Table.Th>
          <Table.Th w={200}>Assignment</Table.Th>
          <Table.Th w={170}>Default capacity</Table.Th>
          <Table.Th w={110}>Members</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {teams.map((t) => (
          <Table.Tr key={t.team_id}>
            <Table.Td>
              <Text fw={600} size="sm">
                {t.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Select
                aria-label={`Assignment mode of ${t.name}`}
                data={MODES}
                value={t.mode}
                allowDeselect={false}
                onChange={(v) => v && set.mutate({ teamId: t.team_id, mode: v as AssignmentMode })}
              />
            </Table.Td>
            <Table.Td>
              <NumberInput
                aria-label={`Default capacity of ${t.name}`}
                min={1}
                max={1000}
                defaultValue={t.default_capacity}
                onBlur={(e) => {
                  const n = Number(e.currentTarget.value);
                  if (n >= 1 && n !== t.default_capacity)
                    set.mutate({ teamId: t.team_id, mode: t.mode, default_capacity: n });
                }}
              />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t.member_ids.length}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
