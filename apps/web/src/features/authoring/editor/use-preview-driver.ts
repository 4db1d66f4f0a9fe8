import {
  advanceByChoice,
  advanceByQuiz,
  buildAttemptState,
  redFlagLookup,
  startPosition,
  type AttemptPosition,
  type AttemptState,
  type RecordedChoice,
  type RecordedQuizRound,
} from '@countersign/contracts/learning';
import type { RedFlagView } from '@countersign/contracts/training';
import { PlayError, type ModuleContent } from '@countersign/scenario-engine';
import { useMemo, useState } from 'react';
import type { PlayerDriver } from '../../learning/components/player';

export interface PreviewOptions {
  /** The content to play: a snapshot of the draft, saved or not. */
  content: ModuleContent;
  module: AttemptState['module'];
  /** Where to start: the start step, or any step an author wants to try. */
  fromStepId: string;
  redFlags: readonly RedFlagView[];
}

interface PreviewRun {
  position: AttemptPosition;
  choices: RecordedChoice[];
  quizRounds: RecordedQuizRound[];
  /** Rounds before which the debrief was opened again (the module's retry policy may ask). */
  debriefReviews: number[];
  error: Error | null;
}

/** Either a driver for the player, or why the draft cannot be played from there. */
export type Preview = { driver: PlayerDriver; problem: null } | { driver: null; problem: string };

/** Seeds the quiz order like an attempt id does: a new order each time the preview restarts. */
const previewId = () => `preview-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Says what a broken draft means for a learner, instead of the engine's wording. */
function explain(error: unknown): Error {
  if (error instanceof PlayError && error.code === 'unknown-step') {
    return new Error(
      'This choice leads to a step that does not exist, so a learner could not go on. Link it to a step before publishing.',
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

function start(content: ModuleContent, fromStepId: string): PreviewRun | string {
  try {
    return {
      position: startPosition(content, fromStepId),
      choices: [],
      quizRounds: [],
      debriefReviews: [],
      error: null,
    };
  } catch {
    return `There is no step “${fromStepId}” to start from. Choose another step, or set a start step.`;
  }
}

/**
 * Plays a draft in the browser with the same code the API runs on a published version
 * (contracts' attempt-state), so the preview shows exactly what a learner would see. Nothing
 * is sent or recorded. Remount (change the key) to restart.
 */
export function usePreviewDriver({ content, module, fromStepId, redFlags }: PreviewOptions): Preview {
  const [attemptId] = useState(previewId);
  const [run, setRun] = useState(() => start(content, fromStepId));
  const redFlagViews = useMemo(() => redFlagLookup(redFlags), [redFlags]);

  const state = useMemo(() => {
    if (typeof run === 'string') return run;
    try {
      return buildAttemptState({
        attemptId,
        assignmentId: 'preview',
        module,
        content,
        position: run.position,
        choices: run.choices,
        // No submission times: the preview never makes an author sit out a pause.
        quizRounds: run.quizRounds,
        debriefReviews: run.debriefReviews,
        redFlagViews,
      });
    } catch (error) {
      return explain(error).message;
    }
  }, [attemptId, content, module, run, redFlagViews]);

  if (typeof run === 'string') return { driver: null, problem: run };
  if (typeof state === 'string') return { driver: null, problem: state };

  const choose: PlayerDriver['choose'] = (choiceId, onDone) => {
    try {
      const { position } = advanceByChoice(content, run.position, choiceId);
      setRun({
        ...run,
        position,
        choices: [...run.choices, { stepId: run.position.currentStepId, choiceId }],
        error: null,
      });
      onDone();
    } catch (error) {
      setRun({ ...run, error: explain(error) });
    }
  };

  const submitQuiz: PlayerDriver['submitQuiz'] = (submission, onDone) => {
    try {
      const { position } = advanceByQuiz(content, run.position, submission.answers);
      setRun({
        ...run,
        position,
        quizRounds: [...run.quizRounds, { round: run.position.quizRound, answers: submission.answers }],
        error: null,
      });
      onDone();
    } catch (error) {
      setRun({ ...run, error: explain(error) });
    }
  };

  const reviewDebrief: PlayerDriver['reviewDebrief'] = () => {
    const round = run.position.quizRound;
    if (!run.debriefReviews.includes(round))
      setRun({ ...run, debriefReviews: [...run.debriefReviews, round] });
  };

  return {
    driver: {
      state,
      choose,
      submitQuiz,
      reviewDebrief,
      pendingChoiceId: null,
      submitting: false,
      error: run.error,
    },
    problem: null,
  };
}
