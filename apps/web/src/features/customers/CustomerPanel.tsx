import { Anchor, Divider, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconMail, IconPhone } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../lib/api.ts';
import { ago } from '../../lib/format.ts';
import type { Customer, Page } from '../../lib/types.ts';
import { StatusBadge } from '../cases/CaseBadges.tsx';

type CaseItem = {
  id: string;
  number: number;
  subject: string;
  status: 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
  updated_at: string;
};

/** Who the customer is and what else they have asked, beside the case. */
export function CustomerPanel({ customerId, currentCaseId }: { customerId: string; currentCaseId: string }) {
  const customer = useQuery({
    queryKey: ['customer', customerId],
    queryFn: () => api<Customer>(`/customers/${customerId}`),
  });
  const history = useQuery({
    queryKey: ['customer-cases', customerId],
    queryFn: () => api<Page<CaseItem>>(`/customers/${customerId}/cases?limit=10`),
  });
  if (!customer.data) return <Loader size="sm" aria-label="Loading customer" />;
  const c = customer.data;
  const others = (history.data?.items ?? []).filter((x) => x.id !== currentCaseId);
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          <Anchor component={Link} to={`/customers/${c.id}`} c="dark">
            {c.name}
          </Anchor>
        </Title>
        <Group gap={6} wrap="nowrap">
          <IconMail size={14} aria-hidden />
          <Anchor href={`mailto:${c.email}`} size="sm">
            {c.email}
          </Anchor>
        </Group>
        {c.phone && (
          <Group gap={6}>
            <IconPhone size={14} aria-hidden />
            <Text size="sm">{c.phone}</Text>
          </Group>
        )}
        {c.organisation && (
          <Group gap={6}>
            <IconBuilding size={14} aria-hidden />
            <Text size="sm">{c.organisation.name}</Text>
          </Group>
        )}
        <Text size="xs" c="dimmed">
          Language: {c.language} · customer since {ago(c.created_at)}
        </Text>
        {c.notes && (
          <Text size="sm" c="dimmed" fs="italic">
            {c.notes}
          </Text>
        )}
        <Divider my="xs" label="Other cases" labelPosition="left" />
        {others.length === 0 && (
          <Text size="sm" c="dimmed">
            No other cases.
          </Text>
        )}
        {others.map((o) => (
          <Group key={o.id} justify="space-between" wrap="nowrap" gap="xs">
            <Anchor component={Link} to={`/cases/${o.id}`} size="sm" lineClamp={1}>
              #{o.number} {o.subject}
            </Anchor>
            <StatusBadge status={o.status} />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
