import { Alert, Anchor, Button, Center, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowsJoin, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ago } from '../../lib/format.ts';
import { explain } from '../admin/words.ts';
import { CustomerCases } from './CustomerCases.tsx';
import { CustomerDetails } from './CustomerDetails.tsx';
import { CustomerFormModal } from './CustomerFormModal.tsx';
import { MergeCustomerModal } from './MergeCustomerModal.tsx';
import { useCustomer } from './useCustomers.ts';

/** /customers/:id — who the customer is (editable) and everything they have asked us. */
export function CustomerPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const cameFromApp = useLocation().key !== 'default';
  const customer = useCustomer(id);
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  if (customer.isPending) {
    return (
      <Center h="50vh">
        <Loader aria-label="Loading customer" />
      </Center>
    );
  }
  if (customer.isError) {
    return (
      <Alert color="red" title="This customer cannot be shown">
        {explain(customer.error)}
      </Alert>
    );
  }
  const c = customer.data;
  return (
    <Stack gap="md">
      {cameFromApp ? (
        <Anchor component="button" type="button" size="sm" onClick={() => navigate(-1)} w="fit-content">
          ← Back
        </Anchor>
      ) : (
        <Anchor component={Link} to="/" size="sm" w="fit-content">
          ← My cases
        </Anchor>
      )}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Title order={2}>{c.name}</Title>
          <Text size="sm" c="dimmed">
            {c.organisation ? `${c.organisation.name} · ` : ''}customer since {ago(c.created_at)}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconArrowsJoin size={16} />}
            onClick={() => setMerging(true)}
          >
            Merge a duplicate
          </Button>
          <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            Edit details
          </Button>
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <CustomerDetails customer={c} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <CustomerCases customerId={c.id} />
        </Grid.Col>
      </Grid>
      {editing && <CustomerFormModal customer={c} onClose={() => setEditing(false)} />}
      {merging && <MergeCustomerModal target={c} onClose={() => setMerging(false)} />}
    </Stack>
  );
}
