import { Button, Group } from '@mantine/core';
import {
  IconAddressBook,
  IconBuilding,
  IconClockHour4,
  IconMail,
  IconMessageBolt,
  IconRobot,
  IconRoute,
  IconSettings,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';

export const SECTIONS = [
  { path: 'staff', label: 'Staff', icon: IconUsers },
  { path: 'teams', label: 'Teams', icon: IconUsersGroup },
  { path: 'routing', label: 'Routing', icon: IconRoute },
  { path: 'service-levels', label: 'Service levels', icon: IconClockHour4 },
  { path: 'customers', label: 'Customers', icon: IconAddressBook },
  { path: 'organisations', label: 'Organisations', icon: IconBuilding },
  { path: 'email', label: 'Email', icon: IconMail },
  { path: 'macros', label: 'Macros', icon: IconMessageBolt },
  { path: 'automations', label: 'Automations', icon: IconRobot },
  { path: 'settings', label: 'Settings', icon: IconSettings },
] as const;

/** The admin sections as links (they are pages with their own address), the current one marked. */
export function AdminNav() {
  const { pathname } = useLocation();
  return (
    <Group
      component="nav"
      aria-label="Administration sections"
      gap={4}
      wrap="wrap"
      pb="xs"
      mb="lg"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
    >
      {SECTIONS.map(({ path, label, icon: Icon }) => {
        const current = pathname.startsWith(`/admin/${path}`);
        return (
          <Button
            key={path}
            component={Link}
            to={`/admin/${path}`}
            aria-current={current ? 'page' : undefined}
            variant={current ? 'light' : 'subtle'}
            color={current ? 'teal' : 'gray'}
            leftSection={<Icon size={16} aria-hidden />}
          >
            {label}
          </Button>
        );
      })}
    </Group>
  );
}
