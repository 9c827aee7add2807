import { useState } from 'react';
import type { Organisation } from '../../lib/types.ts';
import { ConfirmModal } from '../admin/ConfirmModal.tsx';
import { OrganisationFormModal } from './OrganisationFormModal.tsx';
import { OrganisationTable } from './OrganisationTable.tsx';
import { SearchedList } from './SearchedList.tsx';
import { useDeleteOrganisation, useOrganisationList } from './useOrganisations.ts';

const WORDS = {
  find: 'Find an organisation',
  placeholder: 'Name',
  one: 'organisation',
  many: 'organisations',
};
const useList = (q: string) => useOrganisationList(q);

/** Search, page through, edit and delete organisations. */
export function OrganisationList() {
  const [editing, setEditing] = useState<Organisation | null>(null);
  const [deleting, setDeleting] = useState<Organisation | null>(null);
  const remove = useDeleteOrganisation(() => setDeleting(null));
  return (
    <>
      <SearchedList words={WORDS} useList={useList}>
        {(orgs) => <OrganisationTable organisations={orgs} onEdit={setEditing} onDelete={setDeleting} />}
      </SearchedList>
      {editing && <OrganisationFormModal organisation={editing} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? 'the organisation'}?`}
        confirmLabel="Delete organisation"
        danger
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        {deleting?.customer_count
          ? `Its ${deleting.customer_count} customers stay, without an organisation. This cannot be undone.`
          : 'This cannot be undone.'}
      </ConfirmModal>
    </>
  );
}
