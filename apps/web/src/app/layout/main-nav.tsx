import { NavLink, Stack } from '@mantine/core';
import { Link, useMatch } from 'react-router';
import { TooltipOnDemand } from '../../components/ui/tooltip-on-demand';
import { useCurrentSession } from '../../features/auth/api/session';
import { navItemsFor, type NavItem } from '../navigation';

interface MainNavLinkProps {
  item: NavItem;
  onNavigate: () => void;
  compact: boolean;
}

function MainNavLink({ item, onNavigate, compact }: MainNavLinkProps) {
  const active = useMatch({ path: item.to, end: item.end ?? false }) !== null;
  const Icon = item.icon;
  return (
    // Collapsed, the label moves into a tooltip (on hover and on keyboard focus) and the link's name.
    <TooltipOnDemand
      label={item.label}
      position="right"
      disabled={!compact}
      events={{ hover: true, focus: true, touch: false }}
    >
      <NavLink
        component={Link}
        to={item.to}
        label={item.label}
        aria-label={compact ? item.label : undefined}
        leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
        active={active}
        aria-current={active ? 'page' : undefined}
        onClick={onNavigate}
        fw={500}
      />
    </TooltipOnDemand>
  );
}

/** The menu, built from what the signed-in role may do; `compact` shows only the icons (from `sm` up). */
export function MainNav({ onNavigate, compact = false }: { onNavigate: () => void; compact?: boolean }) {
  const { user } = useCurrentSession();
  return (
    <Stack gap={4}>
      {navItemsFor(user.role).map((item) => (
        <MainNavLink key={item.to} item={item} onNavigate={onNavigate} compact={compact} />
      ))}
    </Stack>
  );
}
