import type { AttemptState, QuizGate } from '@countersign/contracts/learning';
import dayjs from 'dayjs';
import { Player, type PlayerDriver } from '../player';
import { formatWait, QuizRetryGate } from '../quiz-retry-gate';
import { renderStatic, textOf } from '../../../../__tests__/static-render';

/** The buttons of the markup: their words, and whether they are disabled. */
const buttons = (html: string) =>
  [...html.matchAll(/<button([^>]*)>([\s\S]*?)<\/button>/g)].map(([, attributes, inner]) => ({
    label: textOf(inner!),
    disabled: /\sdisabled=""/.test(attributes!),
  }));

const now = dayjs('2026-03-01T14:00:00').valueOf();
const gate = (patch: Partial<QuizGate>): QuizGate => ({ opensAt: null, reviewDebrief: false, ...patch });
const noop = () => undefined;

describe('QuizRetryGate', () => {
  it('offers the retry at once when nothing stands in the way', () => {
    const html = renderStatic(<QuizRetryGate gate={null} onReadDebrief={noop} onTryAgain={noop} now={now} />);
    expect(buttons(html)).toEqual([{ label: 'Try the quiz again', disabled: false }]);
    expect(html).not.toContain('data-testid="quiz-retry-gate"');
  });

  it('counts down to the end of the pause, says when the round opens, and holds the button till then', () => {
    const opensAt = new Date(now + 12 * 60_000 + 34_000).toISOString();
    const html = renderStatic(
      <QuizRetryGate gate={gate({ opensAt })} onReadDebrief={noop} onTryAgain={noop} now={now} />,
    );
    expect(textOf(html)).toContain('The next round opens at 14:12 .');
    expect(textOf(html)).toContain('Opens in 12 min 34 s');
    expect(html).toMatch(/role="timer"/);
    expect(buttons(html)).toEqual([{ label: 'Try the quiz again', disabled: true }]);
  });

  it('opens the round once the pause is over, even before the server said so again', () => {
    const opensAt = new Date(now - 1_000).toISOString();
    const html = renderStatic(
      <QuizRetryGate gate={gate({ opensAt })} onReadDebrief={noop} onTryAgain={noop} now={now} />,
    );
    expect(buttons(html)).toEqual([{ label: 'Try the quiz again', disabled: false }]);
  });

  it('sends the learner to the debrief first when the module asks for it', () => {
    const html = renderStatic(
      <QuizRetryGate gate={gate({ reviewDebrief: true })} onReadDebrief={noop} onTryAgain={noop} now={now} />,
    );
    expect(textOf(html)).toContain('Before the next round, read the scenario’s ending and debrief again');
    expect(buttons(html)).toEqual([
      { label: 'Read the debrief again', disabled: false },
      { label: 'Try the quiz again', disabled: true },
    ]);
  });

  it('on the ending screen, lets the learner go on to the quiz unless a pause is still running', () => {
    const reading = renderStatic(
      <QuizRetryGate
        gate={gate({ reviewDebrief: true })}
        readingDebrief
        onReadDebrief={noop}
        onTryAgain={noop}
        now={now}
      />,
    );
    expect(buttons(reading)).toEqual([{ label: 'Go to the quiz', disabled: false }]);
    const waiting = renderStatic(
      <QuizRetryGate
        gate={gate({ reviewDebrief: true, opensAt: new Date(now + 90_000).toISOString() })}
        readingDebrief
        onReadDebrief={noop}
        onTryAgain={noop}
        now={now}
      />,
    );
    expect(textOf(waiting)).toContain('Opens in 1 min 30 s');
    expect(textOf(waiting)).not.toContain('read the scenario’s ending and debrief again');
    expect(buttons(waiting)).toEqual([{ label: 'Go to the quiz', disabled: true }]);
  });

  it.each([
    [0, '0 s'],
    [999, '1 s'],
    [59_000, '59 s'],
    [60_000, '1 min 00 s'],
    [754_000, '12 min 34 s'],
    [3_600_000, '1 h 00 min'],
    [3_900_000, '1 h 05 min'],
  ])('formats a wait of %i ms as %s', (ms, expected) => {
    expect(formatWait(ms)).toBe(expected);
  });
});

describe('the player after a failed round', () => {
  const state: AttemptState = {
    attemptId: 'attempt-1',
    assignmentId: 'assignment-1',
    module: { id: 'm1', title: 'The approach', version: 2 },
    phase: 'quiz',
    choicesMade: 1,
    step: { id: 'end', title: 'The end', narrative: 'It ended.', artefacts: [], choices: [] },
    history: [],
    ending: { outcome: 'safe', debrief: 'Why it went well.', redFlags: [] },
    quiz: {
      round: 2,
      passMark: 80,
      questions: [{ id: 'q1', kind: 'single', prompt: 'Who?', options: [{ id: 'a', label: 'A' }] }],
      gate: { opensAt: null, reviewDebrief: true },
    },
    lastResult: {
      round: 1,
      scorePercent: 0,
      passMark: 80,
      passed: false,
      correctCount: 0,
      total: 1,
      questions: [
        {
          questionId: 'q1',
          prompt: 'Who?',
          kind: 'single',
          options: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B' },
          ],
          correct: false,
          selected: ['b'],
          correctOptionIds: ['a'],
          explanation: 'Because A.',
        },
      ],
    },
    progressPercent: 70,
  };
  const driver: PlayerDriver = {
    state,
    choose: noop,
    submitQuiz: noop,
    reviewDebrief: noop,
    pendingChoiceId: null,
    submitting: false,
    error: null,
  };

  it('shows the result with the answers, then what stands before the next round', () => {
    const html = renderStatic(<Player driver={driver} />);
    const visible = textOf(html);
    expect(visible).toContain('Quiz result: not passed yet');
    expect(visible).toContain('Your answer B (not right) The right answer A Why Because A.');
    expect(visible).toContain('read the scenario’s ending and debrief again');
    expect(buttons(html)).toEqual([
      { label: 'Read the debrief again', disabled: false },
      { label: 'Try the quiz again', disabled: true },
    ]);
  });
});
