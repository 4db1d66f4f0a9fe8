import { ROLE_LABELS } from '@countersign/contracts/permissions';
import { Avatar, Button, Group, Stack, Text, type GroupProps } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useCurrentSession, useLogout } from '../../features/auth/api/session';
import { initials } from '../../lib/format';

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
      <UserIdentity visibleFrom="sm" />
      <Button
        variant="default"
        size="sm"
        leftSection={<IconLogout size={16} aria-hidden />}
        loading={logout.isPending}
        onClick={() => logout.mutate()}
      >
        Sign out
      </Button>
    </Group>
  );
}
