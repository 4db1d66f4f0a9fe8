import { ROLE_LABELS } from '@countersign/contracts/permissions';
import { Avatar, Button, Group, Stack, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useCurrentSession, useLogout } from '../../features/auth/api/session';
import { initials } from '../../lib/format';

/** Who is signed in, for which organisation, and the way out. */
export function UserMenu() {
  const { user } = useCurrentSession();
  const logout = useLogout();

  return (
    <Group gap="md" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" visibleFrom="sm">
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
