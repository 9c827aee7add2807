import { Alert, Button } from '@mantine/core';
import { useState } from 'react';
import { ConfirmModal } from '../admin/ConfirmModal.tsx';
import { explain } from '../admin/words.ts';
import { type OutgoingEmail, useResendOutgoing } from './useEmailAdmin.ts';

/**
 * "Send again" for a failed mail. Fairdesk never resends on its own after an interrupted delivery
 * (the mail may have arrived), so the person is asked to check with the recipient first.
 */
export function OutgoingResend({ mail }: { mail: OutgoingEmail }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resend = useResendOutgoing(() => setAsking(false));
  if (mail.status !== 'failed') return null;
  const close = () => {
    setError(null);
    setAsking(false);
  };
  return (
    <>
      <Button size="xs" onClick={() => setAsking(true)}>
        Send again
      </Button>
      <ConfirmModal
        opened={asking}
        title="Send this mail again?"
        confirmLabel="Send again"
        loading={resend.isPending}
        onClose={close}
        onConfirm={() => {
          setError(null);
          resend.mutate(mail, { onError: (err) => setError(explain(err)) });
        }}
      >
        Fairdesk will hand “{mail.subject}” to the outgoing mail server again now. If the last delivery was
        interrupted, {mail.to_address} may already have it: send again only once you have checked with them.
        {error && (
          <Alert color="red" mt="md" title="Not sent again">
            {error}
          </Alert>
        )}
      </ConfirmModal>
    </>
  );
}
