import type { AttemptState } from '@countersign/contracts/learning';
import { Anchor, Group, Skeleton, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../lib/api-client';
import { useAttempt, useAttemptDriver } from '../api/attempt';
import { Player } from '../components/player';
import { PlayerLoadError } from '../components/player-load-error';
import { PlayerHeader } from '../components/player-header';

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

/** The learner's attempt, played on the server. */
function AttemptPlayer({ state }: { state: AttemptState }) {
  return <Player driver={useAttemptDriver(state)} />;
}

/** Starts (or resumes) the attempt of an assignment and plays it. */
export function PlayerPage() {
  const { assignmentId = '' } = useParams();
  const attempt = useAttempt(assignmentId);
  const state = attempt.data;
  const notFound = isApiError(attempt.error) && attempt.error.isNotFound;
  useDocumentTitle(`${state?.module.title ?? (notFound ? 'Training not found' : 'Training')} · Countersign`);

  return (
    <Stack gap="lg" maw={860} mx="auto" data-testid="player">
      <Anchor component={Link} to="/training" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          My training
        </Group>
      </Anchor>

      {state && <PlayerHeader state={state} />}

      {attempt.isPending && <PlayerSkeleton />}
      {attempt.isError && <PlayerLoadError error={attempt.error} onRetry={() => attempt.refetch()} />}
      {state && <AttemptPlayer key={state.attemptId} state={state} />}
    </Stack>
  );
}
