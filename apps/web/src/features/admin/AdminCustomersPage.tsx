import { Button, Group } from '@mantine/core';
import { IconFileImport, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CustomerFormModal } from '../customers/CustomerFormModal.tsx';
import { CustomerList } from '../customers/CustomerList.tsx';
import { ImportCustomersModal } from '../customers/ImportCustomersModal.tsx';
import { SectionHeader } from './SectionHeader.tsx';

export function AdminCustomersPage() {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  return (
    <>
      <SectionHeader
        title="Customers"
        description="Everyone who has written to you, found by name or any of their addresses"
        action={
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} />}
              onClick={() => setImporting(true)}
            >
              Import CSV
            </Button>
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
              New customer
            </Button>
          </Group>
        }
      />
      <CustomerList />
      {creating && (
        <CustomerFormModal
          customer={null}
          onClose={() => setCreating(false)}
          onSaved={(c) => navigate(`/customers/${c.id}`)}
        />
      )}
      {importing && <ImportCustomersModal onClose={() => setImporting(false)} />}
    </>
  );
}
