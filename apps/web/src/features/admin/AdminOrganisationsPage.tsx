import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { OrganisationFormModal } from '../customers/OrganisationFormModal.tsx';
import { OrganisationList } from '../customers/OrganisationList.tsx';
import { SectionHeader } from './SectionHeader.tsx';

export function AdminOrganisationsPage() {
  const [creating, setCreating] = useState(false);
  return (
    <>
      <SectionHeader
        title="Organisations"
        description="The companies your customers belong to"
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New organisation
          </Button>
        }
      />
      <OrganisationList />
      {creating && <OrganisationFormModal organisation={null} onClose={() => setCreating(false)} />}
    </>
  );
}
