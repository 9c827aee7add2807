import {
  ActionIcon,
  AppShell,
  Badge,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import {
  IconChevronDown,
  IconKeyboard,
  IconLifebuoy,
  IconLogout,
  IconScale,
  IconSettings,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { NotificationBell } from '../features/notifications/index.ts';
import { AuthorisationsNavLink } from '../features/policies/AuthorisationsNavLink.tsx';
import { AvailabilitySwitch } from '../features/routing/index.ts';
import { api } from '../lib/api.ts';
import { useLiveUpdates } from '../lib/live.ts';
import type { CurrentUser, QueueCounts } from '../lib/types.ts';
import { GlobalSearch } from './GlobalSearch.tsx';
import { QUEUES } from './queues.ts';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';

type Staff = Extract<CurrentUser, { kind: 'staff' }>;

export function ConsoleShell({ me, children }: { me: Staff; children: ReactNode }) {
  const [navOpen, nav] = useDisclosure();
  const [helpOpen, help] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  useLiveUpdates();
  useHotkeys([['shift+?', help.open]]);
  const counts = useQuery({
    queryKey: ['counts'],
    queryFn: () => api<QueueCounts>('/cases/counts'),
    refetchInterval: 60_000,
  });
  const signOut = useMutation({
    mutationFn: () => api('/sessions/current', { method: 'DELETE' }),
    onSuccess: async () => {
      await qc.resetQueries();
      navigate('/sign-in');
    },
  });
  // Supervisors and up have sections of Administration of their own (features/admin/AdminNav.tsx).
  const seesAdministration = me.role !== 'agent';
  const count = (n: number | undefined) =>
    n === undefined ? null : (
      <Badge size="sm" variant={n ? 'filled' : 'outline'} color={n ? 'teal' : 'gray.7'}>
        {n}
        <VisuallyHidden> cases</VisuallyHidden>
      </Badge>
    );
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={navOpen}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <ThemeIcon radius="md" aria-hidden>
              <IconLifebuoy size={18} />
            </ThemeIcon>
            <Title order={1} size="h4" visibleFrom="xs">
              {me.workspace_name}
            </Title>
          </Group>
          <GlobalSearch />
          <Group gap="xs" wrap="nowrap">
            <AvailabilitySwitch />
            <NotificationBell />
            <Tooltip label="Keyboard shortcuts (?)">
              <ActionIcon variant="subtle" color="gray" onClick={help.open} aria-label="Keyboard shortcuts">
                <IconKeyboard size={20} />
              </ActionIcon>
            </Tooltip>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label="Account menu">
                  <Group gap={6} wrap="nowrap">
                    <div>
                      <Text size="sm" fw={600} lh={1.2}>
                        {me.name}
                      </Text>
                      <Text size="xs" c="dimmed" lh={1.2} tt="capitalize">
                        {me.role}
                      </Text>
                    </div>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me.email}</Menu.Label>
                <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => signOut.mutate()}>
                  Sign out
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Queues">
        <ScrollArea>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={6}>
            Queues
          </Text>
          {QUEUES.map((q) => (
            <NavLink
              variant="filled"
              key={q.key}
              component={Link}
              to={`/queues/${q.key}`}
              label={q.label}
              active={location.pathname === `/queues/${q.key}`}
              rightSection={count(counts.data && q.count(counts.data))}
              onClick={nav.close}
            />
          ))}
          <AuthorisationsNavLink role={me.role} onClick={nav.close} />
          {!!counts.data?.teams.length && (
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={6}>
              Teams
            </Text>
          )}
          {counts.data?.teams.map((t) => (
            <NavLink
              variant="filled"
              key={t.id}
              component={Link}
              to={`/queues/team/${t.id}`}
              label={t.name}
              description={t.is_member ? 'Your team' : undefined}
              active={location.pathname === `/queues/team/${t.id}`}
              rightSection={count(t.open)}
              onClick={nav.close}
            />
          ))}
          {seesAdministration && (
            <>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={6}>
                Admin
              </Text>
              <NavLink
                variant="filled"
                component={Link}
                to="/admin"
                label="Administration"
                leftSection={<IconSettings size={16} />}
                active={location.pathname.startsWith('/admin')}
                onClick={nav.close}
              />
            </>
          )}
          {!seesAdministration && (
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={6}>
              Reference
            </Text>
          )}
          {/* Any colleague may read the policies; admins change them. */}
          <NavLink
            variant="filled"
            component={Link}
            to="/policies"
            label="Policies"
            leftSection={<IconScale size={16} />}
            active={location.pathname.startsWith('/policies')}
            onClick={nav.close}
          />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
      <ShortcutsHelp opened={helpOpen} onClose={help.close} />
    </AppShell>
  );
}
