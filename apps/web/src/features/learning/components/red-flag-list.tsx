import type { RedFlagView } from '@countersign/contracts/training';
import { Accordion, Stack, Text, Title } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';

interface RedFlagListProps {
  flags: RedFlagView[];
  title?: string;
}

/** Red flags by title; each opens to say why it matters and what to do. */
export function RedFlagList({ flags, title = 'Red flags' }: RedFlagListProps) {
  if (flags.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} fz="h5">
        {title} ({flags.length})
      </Title>
      <Accordion multiple variant="separated" radius="md" order={4} data-testid="red-flags">
        {flags.map((flag) => (
          <Accordion.Item key={flag.key} value={flag.key}>
            <Accordion.Control icon={<IconFlag size={18} color="var(--mantine-color-red-8)" aria-hidden />}>
              <Text fw={600} size="sm">
                {flag.title}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                <Text size="sm">{flag.explanation}</Text>
                <Text size="sm">
                  <Text component="span" fw={700} size="sm">
                    What to do:{' '}
                  </Text>
                  {flag.advice}
                </Text>
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
