import type { StaffRole } from '@fairdesk/contract';
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
import { ROLES } from '../policies/words.ts';

type Section = { path: string; label: string; icon: typeof IconUsers; from: StaffRole };

/**
 * The sections, each with the least role that may open it (the server decides what each may
 * change): supervisors and managers look after service levels, macros and automations.
 */
export const SECTIONS: readonly Section[] = [
  { path: 'staff', label: 'Staff', icon: IconUsers, from: 'admin' },
  { path: 'teams', label: 'Teams', icon: IconUsersGroup, from: 'admin' },
  { path: 'routing', label: 'Routing', icon: IconRoute, from: 'admin' },
  { path: 'service-levels', label: 'Service levels', icon: IconClockHour4, from: 'supervisor' },
  { path: 'customers', label: 'Customers', icon: IconAddressBook, from: 'admin' },
  { path: 'organisations', label: 'Organisations', icon: IconBuilding, from: 'admin' },
  { path: 'email', label: 'Email', icon: IconMail, from: 'admin' },
  { path: 'macros', label: 'Macros', icon: IconMessageBolt, from: 'supervisor' },
  { path: 'automations', label: 'Automations', icon: IconRobot, from: 'supervisor' },
  { path: 'settings', label: 'Settings', icon: IconSettings, from: 'admin' },
];

/** The sections a person with this role may open. */
export const sectionsFor = (role: StaffRole) =>
  SECTIONS.filter((s) => ROLES.indexOf(role) >= ROLES.indexOf(s.from));

/** The admin sections as links (they are pages with their own address), the current one marked. */
export function AdminNav({ role }: { role: StaffRole }) {
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
      {sectionsFor(role).map(({ path, label, icon: Icon }) => {
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
