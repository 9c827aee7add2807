import { Alert, Center, Loader, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useDenyOnForbidden } from '../admin/access.ts';
import { explain } from '../admin/words.ts';
import { LoadMore } from './LoadMore.tsx';
import { OutgoingDrawer } from './OutgoingDrawer.tsx';
import { OutgoingTable } from './OutgoingTable.tsx';
import { PanelHeader } from './PanelHeader.tsx';
import { useOutgoing } from './useEmailAdmin.ts';

/** Every mail Fairdesk sent or tried to send, with its delivery state; captured mail is read here. */
export function OutgoingPanel() {
  const list = useOutgoing();
  useDenyOnForbidden(list.error);
  const [open, setOpen] = useState<string | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const capturing = items.some((m) => m.status === 'captured');
  return (
    <>
      <PanelHeader>
        Replies and notifications to customers, newest first. Failed mail is retried with a growing pause; the
        outgoing server’s last answer is shown.
      </PanelHeader>
      {capturing && (
        <Alert color="blue" title="Outgoing mail is captured, not sent" mb="md">
          No outgoing mail server (SMTP_URL) is configured, so mail is kept here instead of being delivered.
          Open one to read it as the customer would.
        </Alert>
      )}
      {list.isError && (
        <Alert color="red" title="The outgoing mail cannot be shown" mb="md">
          {explain(list.error)}
        </Alert>
      )}
      <Paper withBorder radius="md">
        {list.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading outgoing mail" />
          </Center>
        ) : items.length === 0 ? (
          <Center p="xl">
            <Text c="dimmed">No mail has been sent yet.</Text>
          </Center>
        ) : (
          <OutgoingTable items={items} onOpen={(m) => setOpen(m.id)} />
        )}
      </Paper>
      <LoadMore
        shown={items.length}
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => list.fetchNextPage()}
      />
      <OutgoingDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
