import { Box, Group, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { ago, fullDate } from '../../lib/format.ts';
import type { StaffNotification } from './types.ts';
import './notifications.css';

/**
 * One notification: unread ones are marked by a dot, bold title and a tinted row. With a case it
 * is a link to the case; choosing it marks it read.
 */
export function NotificationItem({
  n,
  onOpen,
}: {
  n: StaffNotification;
  onOpen: (n: StaffNotification) => void;
}) {
  const unread = n.read_at === null;
  const content = (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Box
        mt={6}
        w={8}
        h={8}
        style={{ borderRadius: '50%', flexShrink: 0 }}
        bg={unread ? 'blue.8' : 'transparent'}
        aria-hidden
      />
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={unread ? 700 : 400} lh={1.3}>
          {unread && <VisuallyHidden>Unread: </VisuallyHidden>}
          {n.title}
        </Text>
        {n.case && (
          <Text size="xs" c="blue.9" fw={600} truncate="end">
            {`#${n.case.number} · ${n.case.subject}`}
          </Text>
        )}
        {n.body && (
          <Text size="xs" c="gray.8" lineClamp={2}>
            {n.body}
          </Text>
        )}
        <Text size="xs" c="gray.7" title={fullDate(n.created_at)}>
          {ago(n.created_at)}
        </Text>
      </Stack>
    </Group>
  );
  const common = {
    px: 'sm',
    py: 8,
    display: 'block',
    w: '100%',
    bg: unread ? 'blue.0' : undefined,
    onClick: () => onOpen(n),
    className: 'notification-item',
    'data-unread': unread || undefined,
  };
  return n.case ? (
    <UnstyledButton component={Link} to={`/cases/${n.case.id}`} {...common}>
      {content}
    </UnstyledButton>
  ) : (
    <UnstyledButton {...common}>{content}</UnstyledButton>
  );
}
