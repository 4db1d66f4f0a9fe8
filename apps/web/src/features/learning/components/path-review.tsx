import type { ChoiceFeedback } from '@countersign/contracts/learning';
import { Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { Narrative } from './narrative';
import { PlainList } from '../../../components/ui/plain-list';

/** The learner's route through the scenario: each choice with its feedback and red flags. */
export function PathReview({ history }: { history: ChoiceFeedback[] }) {
  if (history.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} fz="h5">
        Your path through the scenario
      </Title>
      <PlainList ordered gap="sm">
        {history.map((entry, index) => (
          <Paper key={`${entry.stepId}-${index}`} component="li" withBorder radius="md" p="md">
            <Text size="xs" c="dimmed" fw={600}>
              Step {index + 1}: {entry.stepTitle}
            </Text>
            <Text fw={600} mt={2}>
              You chose: {entry.choiceLabel}
            </Text>
            <Box mt={6}>
              <Narrative text={entry.feedback} size="sm" />
            </Box>
            {entry.redFlags.length > 0 && (
              <Group gap={6} mt="sm">
                <Text size="xs" fw={600}>
                  Red flags:
                </Text>
                {entry.redFlags.map((flag) => (
                  <Badge
                    key={flag.key}
                    color="red"
                    variant="light"
                    leftSection={<IconFlag size={12} aria-hidden />}
                  >
                    {flag.title}
                  </Badge>
                ))}
              </Group>
            )}
          </Paper>
        ))}
      </PlainList>
    </Stack>
  );
}
