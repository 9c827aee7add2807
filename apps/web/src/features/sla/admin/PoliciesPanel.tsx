import { ActionIcon, Alert, Badge, Button, Group, Loader, Paper, Table, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { RowActions } from '../../../lib/RowActions.tsx';
import { ConfirmModal } from '../../admin/ConfirmModal.tsx';
import { useAllTeams } from '../../admin/useStaffAdmin.ts';
import { useOrganisationList } from '../../customers/useOrganisations.ts';
import { PolicyConditionText } from './PolicyConditionText.tsx';
import { PolicyEditorModal } from './PolicyEditorModal.tsx';
import type { SlaPolicy } from './types.ts';
import { useDeletePolicy, usePolicies, useReorderPolicies } from './useSlaAdmin.ts';
import { duration, TARGETS } from './words.ts';

/** The policies in the order they are tried: the first whose condition holds sets a case's targets. */
export function PoliciesPanel() {
  const policies = usePolicies();
  const teams = useAllTeams();
  const orgs = useOrganisationList('', 100);
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SlaPolicy | null>(null);
  const remove = useDeletePolicy(() => setDeleting(null));
  const reorder = useReorderPolicies();
  if (policies.isPending) return <Loader aria-label="Loading policies" />;
  if (policies.isError) return <Alert color="red.9">{errorMessage(policies.error)}</Alert>;
  const items = policies.data;
  const organisations = orgs.data?.pages[0]?.items ?? [];
  const move = (i: number, by: -1 | 1) => {
    const ids = items.map((p) => p.id);
    const [id] = ids.splice(i, 1);
    ids.splice(i + by, 0, id as string);
    reorder.mutate(ids);
  };
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed" maw={640}>
          Policies are tried from the top; the first one whose condition holds sets the case’s targets. A case
          no policy matches has no targets.
        </Text>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          Add policy
        </Button>
      </Group>
      <Paper withBorder radius="md">
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>Order</Table.Th>
              <Table.Th>Policy</Table.Th>
              <Table.Th>Targets</Table.Th>
              <Table.Th w={170} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text c="dimmed" ta="center" py="md">
                    No policies yet: cases have no service-level targets.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {items.map((p, i) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <Text size="sm" w={20} ta="right" mr={4}>
                      {i + 1}
                    </Text>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Move ${p.name} up`}
                      disabled={i === 0 || reorder.isPending}
                      onClick={() => move(i, -1)}
                    >
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Move ${p.name} down`}
                      disabled={i === items.length - 1 || reorder.isPending}
                      onClick={() => move(i, 1)}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {p.name}
                    </Text>
                    {!p.active && (
                      <Badge size="sm" color="gray.7" variant="filled">
                        inactive
                      </Badge>
                    )}
                  </Group>
                  <PolicyConditionText policy={p} teams={teams.data ?? []} organisations={organisations} />
                </Table.Td>
                <Table.Td>
                  {TARGETS.filter((t) => p.targets[t.key]).map((t) => {
                    const spec = p.targets[t.key] as { minutes: number; business: boolean };
                    return (
                      <Text key={t.key} size="sm">
                        {t.label}: {duration(spec.minutes)}
                        <Text span size="xs" c="dimmed">
                          {spec.business ? ' business' : ' around the clock'}
                        </Text>
                      </Text>
                    );
                  })}
                </Table.Td>
                <Table.Td>
                  <RowActions name={p.name} onEdit={() => setEditing(p)} onDelete={() => setDeleting(p)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {editing && (
        <PolicyEditorModal
          policy={editing === 'new' ? null : editing}
          teams={teams.data ?? []}
          organisations={organisations}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={`Delete the policy ${deleting?.name ?? ''}?`}
        confirmLabel="Delete policy"
        danger
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        Open cases it applies to fall to the next matching policy, or lose their targets; their due times are
        recomputed.
      </ConfirmModal>
    </>
  );
}
