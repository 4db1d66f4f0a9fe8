import type { AttemptState } from '@countersign/contracts/learning';
import { Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowLeft, IconTrophy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { MyCertificateButton } from '../../certificates/components/my-certificate-button';
import { PathReview } from './path-review';
import { QuizResult } from './quiz-result';
import { ScreenHeading } from './screen-heading';

interface CompletionScreenProps {
  state: AttemptState;
  /** The way out; by default back to "My training". */
  finishAction?: ReactNode;
}

/** The module is passed: say so, then show the result and the path for review. */
export function CompletionScreen({ state, finishAction }: CompletionScreenProps) {
  const result = state.lastResult;
  return (
    <Stack gap="xl" data-testid="completion">
      <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} bg="green.0">
        <Group gap="lg" wrap="nowrap" align="flex-start">
          <ThemeIcon color="green" size={56} radius="xl" aria-hidden>
            <IconTrophy size={30} />
          </ThemeIcon>
          <Stack gap="xs">
            <ScreenHeading>Module complete</ScreenHeading>
            <Text>
              You completed “{state.module.title}”
              {result ? ` with a quiz score of ${result.scorePercent}% (pass mark ${result.passMark}%)` : ''}.
              Your security team can see that it is done.
            </Text>
            <Group mt="xs">
              {finishAction ?? (
                <>
                  <Button
                    component={Link}
                    to="/training"
                    leftSection={<IconArrowLeft size={16} aria-hidden />}
                  >
                    Back to my training
                  </Button>
                  {/* A real completion (the editor's preview brings its own finish action): its certificate. */}
                  <MyCertificateButton assignmentId={state.assignmentId} moduleTitle={state.module.title} />
                </>
              )}
            </Group>
          </Stack>
        </Group>
      </Paper>
      {result && <QuizResult result={result} />}
      <PathReview history={state.history} />
    </Stack>
  );
}
