import type { AttemptState } from '@countersign/contracts/learning';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useChoose, useSubmitQuiz } from '../api/attempt';
import { CompletionScreen } from './completion-screen';
import { EndingScreen } from './ending-screen';
import { FeedbackScreen } from './feedback-screen';
import { QuizForm } from './quiz-form';
import { QuizResult } from './quiz-result';
import { ScreenHeading } from './screen-heading';
import { StepScreen } from './step-screen';

/**
 * What the learner asked to see next. The server's state decides everything else:
 * `feedback` right after a choice, `quiz` after "Go to the quiz" or "Try again".
 */
type Intent = 'auto' | 'feedback' | 'quiz';

function screenOf(state: AttemptState, intent: Intent) {
  if (state.phase === 'passed') return 'passed';
  if (intent === 'feedback' && state.history.length > 0) return 'feedback';
  if (state.phase === 'scenario') return state.ending ? 'ending' : 'step';
  if (intent === 'quiz' || (!state.ending && !state.lastResult)) return 'quiz';
  return state.lastResult ? 'result' : 'ending';
}

export function Player({ state }: { state: AttemptState }) {
  const [intent, setIntent] = useState<Intent>('auto');
  const choose = useChoose(state);
  const submitQuiz = useSubmitQuiz(state);
  const actionError = choose.error ?? submitQuiz.error;
  const screen = screenOf(state, intent);

  return (
    <Stack gap="xl">
      {actionError && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertCircle aria-hidden />}
          title="That did not go through"
          role="alert"
        >
          {actionError.message}
        </Alert>
      )}

      {screen === 'step' && (
        <StepScreen
          key={state.step.id}
          step={state.step}
          pendingChoiceId={choose.isPending ? (choose.variables ?? null) : null}
          onChoose={(choiceId) => choose.mutate(choiceId, { onSuccess: () => setIntent('feedback') })}
        />
      )}

      {screen === 'feedback' && (
        <FeedbackScreen
          feedback={state.history[state.history.length - 1]}
          onContinue={() => setIntent('auto')}
        />
      )}

      {screen === 'ending' && state.ending && (
        <EndingScreen state={{ ...state, ending: state.ending }} onStartQuiz={() => setIntent('quiz')} />
      )}

      {screen === 'quiz' && state.quiz && (
        <QuizForm
          key={state.quiz.round}
          quiz={state.quiz}
          submitting={submitQuiz.isPending}
          onSubmit={(submission) => submitQuiz.mutate(submission, { onSuccess: () => setIntent('auto') })}
        />
      )}

      {screen === 'result' && state.lastResult && (
        <Stack gap="lg">
          <ScreenHeading>Quiz result: not passed yet</ScreenHeading>
          <QuizResult result={state.lastResult} />
          <Group justify="flex-end">
            <Button
              size="md"
              leftSection={<IconRefresh size={18} aria-hidden />}
              onClick={() => setIntent('quiz')}
            >
              Try the quiz again
            </Button>
          </Group>
        </Stack>
      )}

      {screen === 'passed' && <CompletionScreen state={state} />}
    </Stack>
  );
}
