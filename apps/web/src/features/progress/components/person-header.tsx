import type { SensitivityTier } from '@countersign/contracts/directory';
import type { PersonDetail } from '@countersign/contracts/progress';
import { ROLE_LABELS } from '@countersign/contracts/permissions';
import { Avatar, Badge, Box, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { initials } from '../../../lib/format';

const TIER_LABELS: Record<SensitivityTier, string> = {
  standard: 'Standard',
  elevated: 'Elevated',
  high: 'High',
};

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {value}
      </Text>
    </div>
  );
}

export function PersonHeader({ user }: { user: PersonDetail['user'] }) {
  useDocumentTitle(`${user.name} · Countersign`);
  return (
    <Paper withBorder radius="lg" p="lg">
      <Group gap="lg" align="flex-start" wrap="nowrap">
        <Avatar color="navy" variant="filled" radius="xl" size={64} aria-hidden>
          {initials(user.name)}
        </Avatar>
        <Stack gap="md" style={{ flex: 1 }}>
          <Box>
            <Group gap="sm">
              <Title order={1} fz="h2">
                {user.name}
              </Title>
              {user.status === 'deactivated' && (
                // A leaver: kept as evidence, out of completion rates and new assignments.
                <Badge color="gray" variant="light">
                  Deactivated
                </Badge>
              )}
            </Group>
            <Text c="dimmed">{user.email}</Text>
          </Box>
          <SimpleGrid component="dl" cols={{ base: 2, md: 4 }} spacing="md" m={0}>
            <Fact label="Role" value={ROLE_LABELS[user.role]} />
            <Fact label="Department" value={user.department?.name ?? 'None'} />
            <Fact label="Manager" value={user.manager?.name ?? 'None'} />
            <Fact label="Sensitivity tier" value={TIER_LABELS[user.sensitivityTier]} />
          </SimpleGrid>
        </Stack>
      </Group>
    </Paper>
  );
}
