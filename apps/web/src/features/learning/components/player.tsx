import type { AttemptState, QuizSubmission } from '@countersign/contracts/learning';
import { Alert, Stack } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { CompletionScreen } from './completion-screen';
import { EndingScreen } from './ending-screen';
import { FeedbackScreen } from './feedback-screen';
import { QuizForm } from './quiz-form';
import { QuizResult } from './quiz-result';
import { QuizRetryGate } from './quiz-retry-gate';
import { ScreenHeading } from './screen-heading';
import { StepScreen } from './step-screen';

/**
 * What plays an attempt: the learner's attempt on the server (`useAttemptDriver`), or the
 * editor's preview of a draft in the browser. Both hand the player the same `AttemptState`.
 */
export interface PlayerDriver {
  state: AttemptState;
  /** Makes a choice at the current step; `onDone` runs once the new state is in. */
  choose: (choiceId: string, onDone: () => void) => void;
  /** Sends the open quiz round; `onDone` runs once the new state is in. */
  submitQuiz: (submission: QuizSubmission, onDone: () => void) => void;
  /** The learner opened the debrief again (before a retry, when the module asks for it). */
  reviewDebrief: () => void;
  /** The choice on its way, shown busy while the others are disabled; null when none is. */
  pendingChoiceId: string | null;
  submitting: boolean;
  /** Why the last choice or submission did not go through; null when it did. */
  error: Error | null;
}

interface PlayerProps {
  driver: PlayerDriver;
  /** The way out on the completion screen; by default back to "My training". */
  finishAction?: ReactNode;
}

/**
 * What the learner asked to see next. The server's state decides everything else:
 * `feedback` right after a choice, `quiz` after "Go to the quiz" or "Try again", `debrief` to
 * read the ending again after a failed round.
 */
type Intent = 'auto' | 'feedback' | 'quiz' | 'debrief';

/** The open round may not be taken yet: the debrief is to be read again, or a pause is running. */
function retryHeld(state: AttemptState): boolean {
  const gate = state.quiz?.gate;
  if (!gate) return false;
  return gate.reviewDebrief || (gate.opensAt !== null && Date.parse(gate.opensAt) > Date.now());
}

function screenOf(state: AttemptState, intent: Intent) {
  if (state.phase === 'passed') return 'passed';
  if (intent === 'feedback' && state.history.length > 0) return 'feedback';
  if (state.phase === 'scenario') return state.ending ? 'ending' : 'step';
  if (intent === 'debrief' && state.ending) return 'ending';
  if (intent === 'quiz' && !retryHeld(state)) return 'quiz';
  if (!state.ending && !state.lastResult) return 'quiz';
  return state.lastResult ? 'result' : 'ending';
}

export function Player({ driver, finishAction }: PlayerProps) {
  const { state } = driver;
  const [intent, setIntent] = useState<Intent>('auto');
  const actionError = driver.error;
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
          pendingChoiceId={driver.pendingChoiceId}
          onChoose={(choiceId) => driver.choose(choiceId, () => setIntent('feedback'))}
        />
      )}

      {screen === 'feedback' && (
        <FeedbackScreen
          feedback={state.history[state.history.length - 1]}
          onContinue={() => setIntent('auto')}
        />
      )}

      {screen === 'ending' && state.ending && (
        <EndingScreen
          state={{ ...state, ending: state.ending }}
          onStartQuiz={() => setIntent('quiz')}
          quizAction={
            state.lastResult && state.quiz ? (
              <QuizRetryGate
                gate={state.quiz.gate}
                readingDebrief
                onReadDebrief={() => undefined}
                onTryAgain={() => setIntent('quiz')}
              />
            ) : undefined
          }
        />
      )}

      {screen === 'quiz' && state.quiz && (
        <QuizForm
          key={state.quiz.round}
          quiz={state.quiz}
          submitting={driver.submitting}
          onSubmit={(submission) => driver.submitQuiz(submission, () => setIntent('auto'))}
        />
      )}

      {screen === 'result' && state.lastResult && (
        <Stack gap="lg">
          <ScreenHeading>Quiz result: not passed yet</ScreenHeading>
          <QuizResult result={state.lastResult} />
          <QuizRetryGate
            gate={state.quiz?.gate ?? null}
            onReadDebrief={() => {
              // Opening it is what the module asks for; the server records it and clears the way.
              if (state.quiz?.gate?.reviewDebrief) driver.reviewDebrief();
              setIntent('debrief');
            }}
            onTryAgain={() => setIntent('quiz')}
          />
        </Stack>
      )}

      {screen === 'passed' && <CompletionScreen state={state} finishAction={finishAction} />}
    </Stack>
  );
}
