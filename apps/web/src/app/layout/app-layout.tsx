import { AppShell, Burger, Container, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconShieldCheck } from '@tabler/icons-react';
import { Link, Outlet } from 'react-router';
import { MainNav } from './main-nav';
import { UserIdentity, UserMenu } from './user-menu';
import classes from './app-layout.module.css';

export function AppLayout() {
  const [navOpened, nav] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
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
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section grow>
          <MainNav onNavigate={nav.close} />
        </AppShell.Section>
        <AppShell.Section hiddenFrom="sm" pt="md">
          <UserIdentity />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Container size="xl" py="xl" px={{ base: 'md', md: 'xl' }}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
