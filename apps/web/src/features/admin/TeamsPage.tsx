import { Alert, Button, Center, Loader, Paper, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Team } from '../../lib/types.ts';
import { ConfirmModal } from './ConfirmModal.tsx';
import { SectionHeader } from './SectionHeader.tsx';
import { TeamFormModal } from './TeamFormModal.tsx';
import { TeamTable } from './TeamTable.tsx';
import { useAllStaff, useAllTeams, useDeleteTeam } from './useStaffAdmin.ts';
import { explain } from './words.ts';

/** Teams route cases and give people their team queues. */
export function TeamsPage() {
  const teams = useAllTeams();
  const staff = useAllStaff();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const remove = useDeleteTeam(() => setDeleting(null));
  return (
    <>
      <SectionHeader
        title="Teams"
        description={teams.data ? `${teams.data.length} teams` : 'Groups of people who share a queue'}
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New team
          </Button>
        }
      />
      {teams.isError && (
        <Alert color="red" title="The teams cannot be shown">
          {explain(teams.error)}
        </Alert>
      )}
      <Paper withBorder radius="md">
        {teams.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading teams" />
          </Center>
        ) : teams.data?.length === 0 ? (
          <Center p="xl">
            <Text c="dimmed">No teams yet. Create one to give people a shared queue.</Text>
          </Center>
        ) : (
          <TeamTable
            teams={teams.data ?? []}
            staff={staff.data ?? []}
            onEdit={setEditing}
            onDelete={setDeleting}
          />
        )}
      </Paper>
      {editing && (
        <TeamFormModal
          team={editing === 'new' ? null : editing}
          staff={staff.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={`Delete the team ${deleting?.name ?? ''}?`}
        confirmLabel="Delete team"
        danger
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        Its members stay in the workspace and its cases carry on without a team. This cannot be undone.
      </ConfirmModal>
    </>
  );
}
