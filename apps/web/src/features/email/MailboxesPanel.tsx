import { Alert, Button, Center, Loader, Paper, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useDenyOnForbidden } from '../admin/access.ts';
import { ConfirmModal } from '../admin/ConfirmModal.tsx';
import { useAllTeams } from '../admin/useStaffAdmin.ts';
import { explain } from '../admin/words.ts';
import { MailboxFormModal } from './MailboxFormModal.tsx';
import { MailboxTable } from './MailboxTable.tsx';
import { PanelHeader } from './PanelHeader.tsx';
import { type Mailbox, useDeleteMailbox, useMailboxes } from './useEmailAdmin.ts';
import { mailboxLabel } from './words.ts';

/** The addresses Fairdesk receives mail for, and the team each one routes new cases to. */
export function MailboxesPanel() {
  const mailboxes = useMailboxes();
  const teams = useAllTeams();
  useDenyOnForbidden(mailboxes.error);
  const [editing, setEditing] = useState<Mailbox | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Mailbox | null>(null);
  const remove = useDeleteMailbox(() => setDeleting(null));
  return (
    <>
      <PanelHeader
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Add mailbox
          </Button>
        }
      >
        Mail sent to these addresses becomes a case, or joins the case it answers. New cases go to the
        mailbox’s team.
      </PanelHeader>
      {mailboxes.isError && (
        <Alert color="red" title="The mailboxes cannot be shown" mb="md">
          {explain(mailboxes.error)}
        </Alert>
      )}
      <Paper withBorder radius="md">
        {mailboxes.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading mailboxes" />
          </Center>
        ) : mailboxes.data?.length === 0 ? (
          <Center p="xl">
            <Text c="dimmed">No mailboxes yet. Add one so that customers’ mail becomes cases.</Text>
          </Center>
        ) : (
          <MailboxTable
            mailboxes={mailboxes.data ?? []}
            teams={teams.data ?? []}
            onEdit={setEditing}
            onDelete={setDeleting}
          />
        )}
      </Paper>
      {editing && (
        <MailboxFormModal
          mailbox={editing === 'new' ? null : editing}
          teams={teams.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={`Remove the mailbox ${deleting?.address ?? ''}?`}
        confirmLabel="Remove mailbox"
        danger
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        Mail sent to {deleting ? mailboxLabel(deleting) : 'it'} will no longer reach Fairdesk. Cases it
        already opened stay as they are.
      </ConfirmModal>
    </>
  );
}
