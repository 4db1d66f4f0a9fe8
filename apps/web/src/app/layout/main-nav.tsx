import { NavLink, Stack } from '@mantine/core';
import { Link, useMatch } from 'react-router';
import { useCurrentSession } from '../../features/auth/api/session';
import { navItemsFor, type NavItem } from '../navigation';

function MainNavLink({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const active = useMatch({ path: item.to, end: item.end ?? false }) !== null;
  const Icon = item.icon;
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      fw={500}
    />
  );
}

/** The menu, built from what the signed-in role may do. */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { user } = useCurrentSession();
  return (
    <Stack gap={4}>
      {navItemsFor(user.role).map((item) => (
        <MainNavLink key={item.to} item={item} onNavigate={onNavigate} />
      ))}
    </Stack>
  );
}
