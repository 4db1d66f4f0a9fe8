import { ROLE_LABELS } from '@countersign/contracts/permissions';
import { ActionIcon, Avatar, Box, Button, Group, Stack, Text, type GroupProps } from '@mantine/core';
import { IconLogout, IconUserCircle } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useCurrentSession, useLogout } from '../../features/auth/api/session';
import { initials } from '../../lib/format';

// The bell's popover brings the floating-ui positioning code; loading it apart keeps the first
// download small (the pages that need it load it anyway).
const NotificationBell = lazy(async () => ({
  default: (await import('../../features/notifications/components/notification-bell')).NotificationBell,
}));

/** Who is signed in, in which role, for which organisation. */
export function UserIdentity(props: GroupProps) {
  const { user } = useCurrentSession();
  return (
    <Group gap="sm" wrap="nowrap" {...props}>
      <Avatar color="navy" radius="xl" size="md" aria-hidden>
        {initials(user.name)}
      </Avatar>
      <Stack gap={0}>
        <Text size="sm" fw={600} lh={1.3}>
          {user.name}
        </Text>
        <Text size="xs" c="dimmed" lh={1.3}>
          {ROLE_LABELS[user.role]} · {user.organisation.name}
        </Text>
      </Stack>
    </Group>
  );
}

export function UserMenu() {
  const logout = useLogout();
  return (
    <Group gap="md" wrap="nowrap">
      <Suspense fallback={<Box w={34} h={34} aria-hidden />}>
        <NotificationBell />
      </Suspense>
      <UserIdentity visibleFrom="sm" />
      <ActionIcon component={Link} to="/account" variant="default" size="lg" aria-label="Your account">
        <IconUserCircle size={18} aria-hidden />
      </ActionIcon>
      <Button
        variant="default"
        size="sm"
        leftSection={<IconLogout size={16} aria-hidden />}
        loading={logout.isPending}
        onClick={() => logout.mutate()}
        visibleFrom="xs"
      >
        Sign out
      </Button>
      {/* On a phone the header also holds the notifications bell: sign-out shrinks to its icon. */}
      <ActionIcon
        variant="default"
        size="lg"
        aria-label="Sign out"
        loading={logout.isPending}
        onClick={() => logout.mutate()}
        hiddenFrom="xs"
      >
        <IconLogout size={18} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
