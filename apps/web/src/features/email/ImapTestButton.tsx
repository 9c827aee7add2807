import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../lib/api.ts';
import { type Mailbox, useTestImap } from './useEmailAdmin.ts';

const closeButtonProps = { 'aria-label': 'Dismiss notification' };

/** Tries the saved IMAP settings and says the server's answer in a notification. */
export function ImapTestButton({ mailbox }: { mailbox: Mailbox }) {
  const test = useTestImap();
  const run = () =>
    test.mutate(
      { id: mailbox.id, settings: {} },
      {
        onSuccess: (r) =>
          notifications.show({
            color: r.ok ? 'teal' : 'red',
            // No title: a notification's description is grey, below AA contrast for the answer itself.
            message: `${mailbox.address}: ${r.ok ? '' : 'could not connect. '}${r.message}`,
            autoClose: r.ok ? 4000 : 10_000,
            closeButtonProps,
          }),
        onError: (err) =>
          notifications.show({
            color: 'red',
            message: `The test could not run: ${errorMessage(err)}`,
            autoClose: 7000,
            closeButtonProps,
          }),
      },
    );
  return (
    <Button
      size="xs"
      variant="default"
      onClick={run}
      loading={test.isPending}
      aria-label={`Test connection of ${mailbox.address}`}
    >
      Test connection
    </Button>
  );
}
