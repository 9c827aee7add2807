import { Button, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { AssignmentMode, RoutingOverview } from '../../lib/types.ts';
import { SkillRulesModal } from './SkillRulesModal.tsx';
import { describeRule } from './schedule.format.ts';
import { useSetTeamRouting } from './useRouting.ts';

type Team = RoutingOverview['teams'][number];

const MODES: { value: AssignmentMode; label: string }[] = [
  { value: 'manual', label: 'Manual' },
  { value: 'round_robin', label: 'Round robin' },
  { value: 'load_balanced', label: 'Load balanced' },
];

export function TeamRoutingTable({ teams }: { teams: RoutingOverview['teams'] }) {
  const set = useSetTeamRouting();
  const [editing, setEditing] = useState<Team | null>(null);
  return (
    <>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Team</Table.Th>
            <Table.Th w={200}>Assignment</Table.Th>
            <Table.Th w={170}>Default capacity</Table.Th>
            <Table.Th w={110}>Members</Table.Th>
            <Table.Th>Skill rules</Table.Th>
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
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Text size="xs">
                    {t.skill_rules.length ? t.skill_rules.map(describeRule).join('; ') : 'Tags only'}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="default"
                    aria-label={`Edit the skill rules of ${t.name}`}
                    onClick={() => setEditing(t)}
                  >
                    Edit rules
                  </Button>
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && (
        <SkillRulesModal
          teamId={editing.team_id}
          name={editing.name}
          mode={editing.mode}
          rules={editing.skill_rules}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
