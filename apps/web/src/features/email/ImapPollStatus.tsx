import { Text } from '@mantine/core';
import { ago } from '../../lib/format.ts';
import type { Mailbox } from './useEmailAdmin.ts';

/** How an IMAP mailbox's polling is going: the last check, or the error that stops it. */
export function ImapPollStatus({ imap }: { imap: NonNullable<Mailbox['imap']> }) {
  if (imap.last_error && imap.failures > 0)
    return (
      <>
        <Text size="xs" c="red.9" fw={600}>
          Failing: {imap.failures} {imap.failures === 1 ? 'try' : 'tries in a row'}
        </Text>
        <Text size="xs" c="red.9" lineClamp={2} title={imap.last_error}>
          {imap.last_error}
        </Text>
        <Text size="xs" c="dimmed">
          Last tried {ago(imap.last_poll_at)}; last worked{' '}
          {imap.last_success_at ? ago(imap.last_success_at) : 'never'}
        </Text>
      </>
    );
  return (
    <>
      <Text size="xs" c="dimmed">
        {imap.host} · {imap.folder}
      </Text>
      <Text size="xs" c="dimmed">
        {imap.last_poll_at ? `Checked ${ago(imap.last_poll_at)}` : 'Not checked yet'}
      </Text>
      {imap.last_error && (
        <Text size="xs" c="orange.9" lineClamp={2} title={imap.last_error}>
          {imap.last_error}
        </Text>
      )}
    </>
  );
}
