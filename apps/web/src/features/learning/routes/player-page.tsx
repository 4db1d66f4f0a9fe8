import { Anchor, Group, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { isApiError } from '../../../lib/api-client';
import { useAttempt } from '../api/attempt';
import { Player } from '../components/player';

function PlayerSkeleton() {
  return (
    <Stack gap="lg" role="status" aria-label="Loading the module">
      <Skeleton h={28} w="50%" />
      <Skeleton h={16} w="90%" />
      <Skeleton h={16} w="80%" />
      <Skeleton h={220} radius="lg" />
      <Skeleton h={56} />
      <Skeleton h={56} />
    </Stack>
  );
}

/** Starts (or resumes) the attempt of an assignment and plays it. */
export function PlayerPage() {
  const { assignmentId = '' } = useParams();
  const attempt = useAttempt(assignmentId);
  const state = attempt.data;
  useDocumentTitle(`${state?.module.title ?? 'Training'} · Countersign`);

  return (
    <Stack gap="lg" maw={860} mx="auto" data-testid="player">
      <Anchor component={Link} to="/training" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          My training
        </Group>
      </Anchor>

      {state && (
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
      )}

      {attempt.isPending && <PlayerSkeleton />}
      {attempt.isError &&
        (isApiError(attempt.error) && attempt.error.isNotFound ? (
          <ErrorState error={attempt.error} title="This training is not assigned to you" />
        ) : (
          <ErrorState
            error={attempt.error}
            title="The module could not be opened"
            onRetry={() => attempt.refetch()}
          />
        ))}
      {state && <Player key={state.attemptId} state={state} />}
    </Stack>
  );
}
