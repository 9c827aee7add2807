import { Badge, NavLink } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import type { StaffRole } from './types.ts';
import { usePendingCount } from './useAuthorisations.ts';
import { AMBER } from './words.ts';

/**
 * "Authorisations" in the navigation, with how many asks wait. The queue holds asks needing the
 * person's role or one below; it is shown when the server answers and either something waits or
 * the person's role is above agent (an agent's queue is almost always empty). A 403 hides it.
 */
export function AuthorisationsNavLink({ role, onClick }: { role: StaffRole; onClick?: () => void }) {
  const { pathname } = useLocation();
  const pending = usePendingCount();
  if (!pending.data) return null;
  const { count, more } = pending.data;
  if (count === 0 && role === 'agent') return null;
  return (
    <NavLink
      component={Link}
      to="/authorisations"
      variant="filled"
      label="Authorisations"
      leftSection={<IconGavel size={16} aria-hidden />}
      active={pathname.startsWith('/authorisations')}
      onClick={onClick}
      rightSection={
        <Badge
          size="sm"
          variant={count ? 'filled' : 'light'}
          color={count ? AMBER : 'gray'}
          aria-label={`${count}${more ? ' or more' : ''} waiting`}
        >
          {count}
          {more ? '+' : ''}
        </Badge>
      }
    />
  );
}
