import { Button, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft, IconMapQuestion } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { isApiError } from '../../../lib/api-client';

/**
 * Why the player could not open a module. A link that names no training of this person (an
 * unknown id answers 404, a malformed one 400) gets a plain "not found" and the way back, never
 * the server's wording about ids; anything else keeps its message and a retry.
 */
export function PlayerLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (isApiError(error) && error.isNotFound) {
    return (
      <Stack align="center" gap="md" py={48} ta="center" maw={520} mx="auto" data-testid="training-not-found">
        <ThemeIcon size={64} radius="xl" variant="light" aria-hidden>
          <IconMapQuestion size={32} />
        </ThemeIcon>
        <Title order={1} fz="h2">
          This training was not found
        </Title>
        <Text c="dimmed">
          The link may be mistyped or out of date, or the training is not assigned to you. Everything assigned
          to you is listed in My training.
        </Text>
        <Button component={Link} to="/training" leftSection={<IconArrowLeft size={16} aria-hidden />}>
          Back to my training
        </Button>
      </Stack>
    );
  }
  return <ErrorState error={error} title="The module could not be opened" onRetry={onRetry} />;
}
