import { ActionIcon, Indicator, Popover } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { NotificationPanel } from './NotificationPanel.tsx';
import { useNotifications } from './useNotifications.ts';

/** The bell in the console header: the unread count, and the newest notifications on click. */
export function NotificationBell() {
  const [opened, popover] = useDisclosure();
  const { unread } = useNotifications();
  // The button's name carries the count; the badge repeats it for the eye only.
  const label = unread ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <Indicator
      label={<span aria-hidden>{unread > 99 ? '99+' : unread}</span>}
      disabled={unread === 0}
      size={18}
      color="red.8"
      offset={6}
    >
      <Popover
        opened={opened}
        onChange={popover.set}
        position="bottom-end"
        width={360}
        shadow="md"
        withinPortal
        trapFocus
        returnFocus
      >
        <Popover.Target>
          <ActionIcon variant="subtle" color="gray.8" size="lg" aria-label={label} onClick={popover.toggle}>
            <IconBell size={20} />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0}>
          <NotificationPanel onOpened={popover.close} />
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
