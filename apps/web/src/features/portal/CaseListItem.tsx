import { Group, Paper, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ago, fullDate } from '../../lib/format.ts';
import type { CaseSummary } from '../../lib/types.ts';
import { CustomerStatus } from './CustomerStatus.tsx';

/** One case as a whole-card link: large enough to tap, and its subject is a heading to jump between. */
export function CaseListItem({ c }: { c: CaseSummary }) {
  const updated = lastVisibleChange(c);
  return (
    <Paper component={Link} to={`/cases/${c.id}`} withBorder radius="md" p="md" className="portal-card-link">
      <Title order={3} size="h5" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {c.subject}
      </Title>
      <Group gap="xs" mt={8} align="center">
        <CustomerStatus status={c.status} />
        <Text size="sm" c="dimmed">
          Case #{c.number} · updated{' '}
          <time dateTime={updated} title={fullDate(updated)}>
            {ago(updated)}
          </time>
        </Text>
      </Group>
    </Paper>
  );
}

/** What the customer can see changed last: a message, or the case being solved or closed (not internal housekeeping). */
const lastVisibleChange = (c: CaseSummary) =>
  [c.created_at, c.last_message_at, c.solved_at, c.closed_at]
    .filter((t): t is string => !!t)
    .sort((a, b) => Date.parse(b) - Date.parse(a))[0]!;
