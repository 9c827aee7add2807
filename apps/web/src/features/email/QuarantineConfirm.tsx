import { Alert } from '@mantine/core';
import { useState } from 'react';
import { ConfirmModal } from '../admin/ConfirmModal.tsx';
import { explain } from '../admin/words.ts';
import { type QuarantinedEmail, useDeleteQuarantined, useReleaseQuarantined } from './useEmailAdmin.ts';
import { reasonWords, senderOf, subjectOf } from './words.ts';

export type QuarantineAction = { kind: 'release' | 'delete'; item: QuarantinedEmail };

type Props = {
  action: QuarantineAction | null;
  onDone: (a: QuarantineAction) => void;
  onClose: () => void;
};

/** Asks before a release (the message skips the check that held it) or a delete (it is gone). */
export function QuarantineConfirm({ action, onDone, onClose }: Props) {
  const [error, setError] = useState<string | null>(null);
  const release = useReleaseQuarantined((item) => onDone({ kind: 'release', item }));
  const remove = useDeleteQuarantined((item) => onDone({ kind: 'delete', item }));
  const close = () => {
    setError(null);
    onClose();
  };
  if (!action) return null;
  const { kind, item } = action;
  const releasing = kind === 'release';
  const mutation = releasing ? release : remove;
  const what = `“${subjectOf(item)}” from ${senderOf(item)}`;
  return (
    <ConfirmModal
      opened
      title={releasing ? 'Release this message?' : 'Delete this message?'}
      confirmLabel={releasing ? 'Release' : 'Delete'}
      danger={!releasing}
      loading={mutation.isPending}
      onClose={close}
      onConfirm={() => {
        setError(null);
        mutation.mutate(item, { onError: (err) => setError(explain(err)) });
      }}
    >
      {releasing
        ? `Fairdesk will process ${what} as ordinary mail, without the check that held it back (${reasonWords(item.reason).toLowerCase()}). Its attachments reach the case. Release only mail you trust.`
        : `${what} is deleted for good. Fairdesk keeps only a record that it arrived. This cannot be undone.`}
      {error && (
        <Alert color="red" mt="md" title={releasing ? 'Not released' : 'Not deleted'}>
          {error}
        </Alert>
      )}
    </ConfirmModal>
  );
}
