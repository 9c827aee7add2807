import { Alert, Button, Center, Loader, Paper } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Staff } from '../../lib/types.ts';
import { InviteStaffModal } from './InviteStaffModal.tsx';
import { SectionHeader } from './SectionHeader.tsx';
import { StaffActiveConfirm } from './StaffActiveConfirm.tsx';
import { StaffEditModal } from './StaffEditModal.tsx';
import { StaffTable } from './StaffTable.tsx';
import { useAllStaff, useAllTeams } from './useStaffAdmin.ts';
import { explain } from './words.ts';

/** Who works in the workspace: invite, change role and teams, deactivate and reactivate. */
export function StaffPage() {
  const staff = useAllStaff();
  const teams = useAllTeams();
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<Staff | null>(null);
  const [toggling, setToggling] = useState<Staff | null>(null);
  const active = staff.data?.filter((s) => s.active).length ?? 0;
  return (
    <>
      <SectionHeader
        title="Staff"
        description={
          staff.data
            ? `${active} active, ${staff.data.length - active} deactivated`
            : 'The people who work in this workspace'
        }
        action={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)}>
            Invite someone
          </Button>
        }
      />
      {staff.isError && (
        <Alert color="red" title="The staff list cannot be shown">
          {explain(staff.error)}
        </Alert>
      )}
      <Paper withBorder radius="md">
        {staff.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading staff" />
          </Center>
        ) : (
          <StaffTable staff={staff.data ?? []} onEdit={setEditing} onToggleActive={setToggling} />
        )}
      </Paper>
      <InviteStaffModal opened={inviting} teams={teams.data ?? []} onClose={() => setInviting(false)} />
      {editing && (
        <StaffEditModal person={editing} teams={teams.data ?? []} onClose={() => setEditing(null)} />
      )}
      <StaffActiveConfirm person={toggling} onClose={() => setToggling(null)} />
    </>
  );
}
