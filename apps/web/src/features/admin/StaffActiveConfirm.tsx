import { Alert } from '@mantine/core';
import { useState } from 'react';
import type { Staff } from '../../lib/types.ts';
import { ConfirmModal } from './ConfirmModal.tsx';
import { useUpdateStaff } from './useStaffAdmin.ts';
import { explain } from './words.ts';

/** Deactivation signs the person out at once, so it is asked first; reactivation too, for symmetry. */
export function StaffActiveConfirm({ person, onClose }: { person: Staff | null; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const update = useUpdateStaff(
    (s) => (s.active ? `${s.name} is active again` : `${s.name} is deactivated`),
    close,
  );
  if (!person) return null;
  const deactivating = person.active;
  return (
    <ConfirmModal
      opened
      title={deactivating ? `Deactivate ${person.name}?` : `Reactivate ${person.name}?`}
      confirmLabel={deactivating ? 'Deactivate' : 'Reactivate'}
      danger={deactivating}
      loading={update.isPending}
      onClose={close}
      onConfirm={() =>
        update.mutate(
          { id: person.id, patch: { active: !deactivating } },
          { onError: (err) => setError(explain(err)) },
        )
      }
    >
      {deactivating
        ? `${person.name} is signed out everywhere at once and can no longer sign in. Their past work stays. You can reactivate them later.`
        : `${person.name} can sign in again with their existing password.`}
      {error && (
        <Alert color="red" mt="md" title="Not changed">
          {error}
        </Alert>
      )}
    </ConfirmModal>
  );
}
