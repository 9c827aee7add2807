import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ago, fullDate } from '../../lib/format.ts';
import { OutcomeBadge } from './OutcomeBadge.tsx';
import { QueueDecide } from './QueueDecide.tsx';
import type { QueueItem } from './types.ts';
import { AMBER, aRole, KIND_LABEL, money } from './words.ts';

/** An ask in the queue: the case, the customer, the request, who asked, when it lapses. */
export function QueueItemCard({ item }: { item: QueueItem }) {
  const { authorisation: a, request: r } = item;
  const [deciding, setDeciding] = useState(false);
  const amount = money(r.amount, r.currency);
  const titleId = `ask-${a.id}`;
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Text fw={600} id={titleId}>
              {KIND_LABEL[r.kind]}
              {amount && ` · ${amount}`} for {item.customer.name}
            </Text>
            <Anchor component={Link} to={`/cases/${item.case.id}`} size="sm">
              Case #{item.case.number}: {item.case.subject}
            </Anchor>
          </Stack>
          <Group gap={4} wrap="nowrap">
            {a.required_role && (
              <Badge color={AMBER} variant="outline" radius="sm">
                needs {aRole(a.required_role)}
              </Badge>
            )}
            {r.outcome !== 'needs_authorisation' && <OutcomeBadge outcome={r.outcome} />}
          </Group>
        </Group>
        {r.description && <Text size="sm">{r.description}</Text>}
        <Text size="sm" c="dimmed">
          {r.explanation}
        </Text>
        {a.note && (
          <Text size="sm">
            <Text span fw={500}>
              Note:{' '}
            </Text>
            {a.note}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Asked {ago(a.requested_at)}
          {a.requested_by && ` by ${a.requested_by.name}`} ·{' '}
          {a.status === 'pending' ? `lapses ${fullDate(a.expires_at)}` : `${a.status}`}
          {a.decided_by && ` · decided by ${a.decided_by.name} ${ago(a.decided_at)}`}
          {a.reason && `: “${a.reason}”`}
        </Text>
        {a.status === 'pending' && !deciding && (
          <Group>
            <Button
              size="xs"
              variant="light"
              color={AMBER}
              leftSection={<IconGavel size={14} />}
              onClick={() => setDeciding(true)}
              aria-label={`Decide on case #${item.case.number}`}
            >
              Decide
            </Button>
          </Group>
        )}
        {deciding && <QueueDecide requestId={r.id} onClose={() => setDeciding(false)} />}
      </Stack>
    </Paper>
  );
}
