import { ActionIcon, AppShell, Burger, Container, Group, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import {
  IconLayoutSidebarLeftCollapse,
  IconLayoutSidebarLeftExpand,
  IconShieldCheck,
} from '@tabler/icons-react';
import { Link, Outlet } from 'react-router';
import { TooltipOnDemand } from '../../components/ui/tooltip-on-demand';
import { MainNav } from './main-nav';
import { NavCollapseProvider, useNavCollapse } from './nav-collapse';
import { UserIdentity, UserMenu } from './user-menu';
import classes from './app-layout.module.css';

/** The navigation's width, open and collapsed to its icons (from the `sm` breakpoint up). */
export const NAV_WIDTH = { open: 248, collapsed: 68 } as const;

export function AppLayout() {
  return (
    <NavCollapseProvider>
      <Shell />
    </NavCollapseProvider>
  );
}

/** On wider screens, the button that collapses the navigation to its icons and opens it again. */
function NavCollapseToggle() {
  const { collapsed, toggle } = useNavCollapse();
  const label = collapsed ? 'Expand the navigation' : 'Collapse the navigation';
  return (
    <TooltipOnDemand label={label} position="bottom-start">
      <ActionIcon
        variant="subtle"
        color="gray"
        size="lg"
        visibleFrom="sm"
        aria-label={label}
        aria-expanded={!collapsed}
        aria-controls="main-navigation"
        onClick={toggle}
        data-testid="nav-collapse-toggle"
      >
        {collapsed ? (
          <IconLayoutSidebarLeftExpand size={20} aria-hidden />
        ) : (
          <IconLayoutSidebarLeftCollapse size={20} aria-hidden />
        )}
      </ActionIcon>
    </TooltipOnDemand>
  );
}

function Shell() {
  const [navOpened, nav] = useDisclosure(false);
  const { collapsed: collapsedChoice, workspace } = useNavCollapse();
  // On a phone the navigation is a full-width drawer: never collapsed to icons there.
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const collapsed = collapsedChoice && wide !== false;

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{
        width: { sm: collapsed ? NAV_WIDTH.collapsed : NAV_WIDTH.open },
        breakpoint: 'sm',
        collapsed: { mobile: !navOpened },
      }}
      padding={0}
    >
      <a href="#main" className={classes.skipLink}>
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navOpened}
            />
            <NavCollapseToggle />
            <Link to="/" className={classes.brand}>
              <IconShieldCheck size={26} aria-hidden />
              <Text component="span" fw={700} fz="lg">
                Countersign
              </Text>
            </Link>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        id="main-navigation"
        p="sm"
        aria-label="Main navigation"
        data-collapsed={collapsed || undefined}
      >
        <AppShell.Section grow>
          <MainNav onNavigate={nav.close} compact={collapsed} />
        </AppShell.Section>
        <AppShell.Section hiddenFrom="sm" pt="md">
          <UserIdentity />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        {workspace ? (
          // A workspace (the scenario editor) uses the whole width, with narrow margins.
          <Container fluid py="md" px="md">
            <Outlet />
          </Container>
        ) : (
          <Container size="xl" py="xl" px={{ base: 'md', md: 'xl' }}>
            <Outlet />
          </Container>
        )}
      </AppShell.Main>
    </AppShell>
  );
}
