import { Anchor, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { ago } from '../../lib/format.ts';
import type { CaseSummary } from '../../lib/types.ts';
import { SlaBadge } from '../sla/index.ts';
import { PriorityBadge, StatusBadge } from './CaseBadges.tsx';

export function CaseTable({ cases }: { cases: CaseSummary[] }) {
  const navigate = useNavigate();
  return (
    <Table highlightOnHover verticalSpacing="sm" stickyHeader>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={70}>#</Table.Th>
          <Table.Th>Subject</Table.Th>
          <Table.Th w={110}>Status</Table.Th>
          <Table.Th w={100}>Priority</Table.Th>
          <Table.Th w={230}>Service level</Table.Th>
          <Table.Th w={160} visibleFrom="md">
            Assignee
          </Table.Th>
          <Table.Th w={130} visibleFrom="lg">
            Updated
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cases.map((c) => (
          <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/cases/${c.id}`)}>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {c.number}
              </Text>
            </Table.Td>
            <Table.Td>
              <Anchor
                component={Link}
                to={`/cases/${c.id}`}
                fw={600}
                size="sm"
                c="dark"
                onClick={(e) => e.stopPropagation()}
              >
                {c.subject}
              </Anchor>
              <Text size="xs" c="dimmed">
                {c.customer.name}
                {c.organisation ? ` · ${c.organisation.name}` : ''}
                {c.team ? ` · ${c.team.name}` : ''}
                {c.tags.length ? ` · ${c.tags.map((t) => `#${t}`).join(' ')}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <StatusBadge status={c.status} />
            </Table.Td>
            <Table.Td>
              <PriorityBadge priority={c.priority} />
            </Table.Td>
            <Table.Td>{c.sla_next ? <SlaBadge sla={c.sla_next} /> : null}</Table.Td>
            <Table.Td visibleFrom="md">
              <Text size="sm" c={c.assignee ? undefined : 'dimmed'}>
                {c.assignee?.name ?? 'Unassigned'}
              </Text>
            </Table.Td>
            <Table.Td visibleFrom="lg">
              <Text size="sm" c="dimmed" title={c.updated_at}>
                {ago(c.updated_at)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
