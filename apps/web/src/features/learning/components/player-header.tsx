import type { AttemptState } from '@countersign/contracts/learning';
import { Group, Progress, Stack, Text, Title } from '@mantine/core';

/** The module's title and how much of it is done, above the player. */
export function PlayerHeader({ state }: { state: AttemptState }) {
  return (
    <Stack gap="xs">
      <Title order={1} fz="h2">
        {state.module.title}
      </Title>
      <Group gap="sm" wrap="nowrap">
        <Progress
          value={state.progressPercent}
          size="lg"
          radius="xl"
          aria-label="Module progress"
          style={{ flex: 1 }}
        />
        <Text size="sm" fw={600} miw={90} ta="right">
          {Math.round(state.progressPercent)}% done
        </Text>
      </Group>
    </Stack>
  );
}
