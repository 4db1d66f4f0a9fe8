import { presentQuiz, QuizError, scoreQuiz, type QuizAnswers } from '../quiz.js';
import { buildQuiz, question, recruiterModule } from './fixtures.js';

const quiz = () => recruiterModule().quiz; // q-new-account (single: b), q-signs (multiple: vague, off-platform), q-report (single: report)

const allCorrect: QuizAnswers = {
  'q-new-account': ['b'],
  'q-signs': ['vague', 'off-platform'],
  'q-report': ['report'],
};

function quizError(fn: () => unknown): QuizError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(QuizError);
    return error as QuizError;
  }
  throw new Error('expected a QuizError');
}

describe('QuizError', () => {
  it('is an Error with a code, a name and an optional question id', () => {
    const error = new QuizError('missing-answer', 'nope', 'q1');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: 'missing-answer',
      message: 'nope',
      name: 'QuizError',
      questionId: 'q1',
    });
    expect(new QuizError('unknown-question', 'nope').questionId).toBeUndefined();
  });
});

describe('presentQuiz', () => {
  it('hides correct flags, explanations and red flags', () => {
    const views = presentQuiz(quiz(), 'seed');
    for (const view of views) {
      expect(Object.keys(view).sort()).toEqual(['id', 'kind', 'options', 'prompt']);
      for (const option of view.options) expect(Object.keys(option).sort()).toEqual(['id', 'label']);
    }
  });

  it('keeps document order when shuffle is off', () => {
    const plain = { ...quiz(), shuffle: false };
    const views = presentQuiz(plain, 'any seed');
    expect(views.map((view) => view.id)).toEqual(['q-new-account', 'q-signs', 'q-report']);
    expect(views[1]!.options.map((option) => option.id)).toEqual([
      'vague',
      'fast-reply',
      'off-platform',
      'photo',
    ]);
    expect(presentQuiz(plain, 'another seed')).toEqual(views);
    expect(views[0]).toEqual({
      id: 'q-new-account',
      kind: 'single',
      prompt: 'Prompt of q-new-account?',
      options: [
        { id: 'a', label: 'Label of a' },
        { id: 'b', label: 'Label of b' },
        { id: 'c', label: 'Label of c' },
      ],
    });
  });

  it('shuffles deterministically per seed', () => {
    expect(presentQuiz(quiz(), 'attempt-1')).toEqual(presentQuiz(quiz(), 'attempt-1'));
  });

  it('gives different orders for different seeds', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `q${i}`);
    const big = buildQuiz(
      ids.map((id) =>
        question(id, 'single', [
          ['a', true],
          ['b', false],
          ['c', false],
        ]),
      ),
      50,
      true,
    );
    const orders = new Set(
      ['alpha', 'beta', 'gamma', 'delta'].map((seed) =>
        presentQuiz(big, seed)
          .map((view) => view.id)
          .join(),
      ),
    );
    // 12! orders: four seeds landing on fewer than 3 distinct orders would mean a broken shuffle.
    expect(orders.size).toBeGreaterThanOrEqual(3);
  });

  describe('round after round', () => {
    // Two, three and four options, so even the smallest question has only two orders.
    const retried = buildQuiz(
      [
        question('two', 'single', [
          ['a', true],
          ['b', false],
        ]),
        question('three', 'single', [
          ['a', true],
          ['b', false],
          ['c', false],
        ]),
        question('four', 'multiple', [
          ['a', true],
          ['b', true],
          ['c', false],
          ['d', false],
        ]),
      ],
      50,
      true,
    );
    const rounds = Array.from({ length: 40 }, (_, i) => i + 1);
    const shown = (round: number) => presentQuiz(retried, `attempt-7:${round}`, round);
    const optionOrder = (round: number, questionId: string) =>
      shown(round)
        .find((view) => view.id === questionId)!
        .options.map((option) => option.id)
        .join();

    it('never shows a question’s options, or the questions, in the order of the round before', () => {
      for (const round of rounds.slice(1)) {
        expect(shown(round).map((view) => view.id)).not.toEqual(shown(round - 1).map((view) => view.id));
        for (const id of ['two', 'three', 'four']) {
          expect({ round, id, order: optionOrder(round, id) }).not.toEqual({
            round,
            id,
            order: optionOrder(round - 1, id),
          });
        }
      }
    });

    it('reshuffles the options, not only the questions, over many orders', () => {
      expect(new Set(rounds.map((round) => optionOrder(round, 'four'))).size).toBeGreaterThanOrEqual(8);
      expect(new Set(rounds.map((round) => optionOrder(round, 'three'))).size).toBe(6);
    });

    it('is the same order again for the same seed and round (a reload, or scoring)', () => {
      for (const round of rounds) expect(shown(round)).toEqual(shown(round));
    });

    it('keeps every option of every question, whatever the order', () => {
      for (const round of rounds) {
        for (const view of shown(round)) {
          const original = retried.questions.find((q) => q.id === view.id)!;
          expect(view.options.map((option) => option.id).sort()).toEqual(
            original.options.map((o) => o.id).sort(),
          );
        }
      }
    });

    it('keeps document order in every round when shuffle is off', () => {
      const plain = { ...retried, shuffle: false };
      for (const round of [1, 2, 3]) {
        expect(presentQuiz(plain, `attempt-7:${round}`, round)).toEqual(presentQuiz(plain, 'x'));
      }
    });
  });

  it('does not modify the quiz', () => {
    const original = quiz();
    const copy = JSON.parse(JSON.stringify(original)) as typeof original;
    presentQuiz(original, 'seed');
    expect(original).toEqual(copy);
  });
});

describe('scoreQuiz', () => {
  it('scores all-correct answers as 100 and passed', () => {
    const result = scoreQuiz(quiz(), allCorrect);
    expect(result).toMatchObject({ correctCount: 3, total: 3, scorePercent: 100, passed: true });
  });

  it('reports each question in document order with its explanation and red flags', () => {
    const result = scoreQuiz(quiz(), { ...allCorrect, 'q-signs': ['off-platform', 'photo'] });
    expect(result.questions).toEqual([
      {
        questionId: 'q-new-account',
        correct: true,
        selected: ['b'],
        correctOptionIds: ['b'],
        explanation: 'Explanation of q-new-account.',
        redFlags: ['new-account'],
      },
      {
        questionId: 'q-signs',
        correct: false,
        selected: ['off-platform', 'photo'],
        correctOptionIds: ['vague', 'off-platform'],
        explanation: 'Explanation of q-signs.',
        redFlags: [],
      },
      {
        questionId: 'q-report',
        correct: true,
        selected: ['report'],
        correctOptionIds: ['report'],
        explanation: 'Explanation of q-report.',
        redFlags: [],
      },
    ]);
    expect(result).toMatchObject({ correctCount: 2, total: 3, scorePercent: 67, passed: true });
  });

  it('requires the exact set of correct options on a multiple-answer question', () => {
    const subset = scoreQuiz(quiz(), { ...allCorrect, 'q-signs': ['vague'] });
    expect(subset.questions[1]!.correct).toBe(false);
    const superset = scoreQuiz(quiz(), { ...allCorrect, 'q-signs': ['vague', 'off-platform', 'photo'] });
    expect(superset.questions[1]!.correct).toBe(false);
    const reordered = scoreQuiz(quiz(), { ...allCorrect, 'q-signs': ['off-platform', 'vague'] });
    expect(reordered.questions[1]!.correct).toBe(true);
  });

  it('ignores duplicates in a selection', () => {
    const result = scoreQuiz(quiz(), {
      ...allCorrect,
      'q-signs': ['vague', 'vague', 'off-platform'],
      'q-report': ['report', 'report'],
    });
    expect(result.correctCount).toBe(3);
    expect(result.questions[1]!.selected).toEqual(['vague', 'off-platform']);
    expect(result.questions[2]!.selected).toEqual(['report']);
  });

  it('applies the pass mark with Math.round and >=', () => {
    const three = quiz();
    const oneWrong = { ...allCorrect, 'q-report': ['ignore'] }; // 2 of 3 = 66.67 -> 67
    expect(scoreQuiz({ ...three, passMark: 67 }, oneWrong)).toMatchObject({ scorePercent: 67, passed: true });
    expect(scoreQuiz({ ...three, passMark: 68 }, oneWrong)).toMatchObject({
      scorePercent: 67,
      passed: false,
    });
    const twoWrong = { ...oneWrong, 'q-new-account': ['a'] }; // 1 of 3 = 33.33 -> 33
    expect(scoreQuiz(three, twoWrong)).toMatchObject({ correctCount: 1, scorePercent: 33, passed: false });
    const allWrong = { ...twoWrong, 'q-signs': ['photo'] };
    expect(scoreQuiz(three, allWrong)).toMatchObject({ correctCount: 0, scorePercent: 0, passed: false });
  });

  it('rejects an answer to an unknown question', () => {
    const error = quizError(() => scoreQuiz(quiz(), { ...allCorrect, 'q-bonus': ['a'] }));
    expect(error).toMatchObject({ code: 'unknown-question', questionId: 'q-bonus' });
  });

  it('rejects a missing answer, naming the question', () => {
    const { 'q-signs': _omitted, ...partial } = allCorrect;
    const error = quizError(() => scoreQuiz(quiz(), partial));
    expect(error).toMatchObject({ code: 'missing-answer', questionId: 'q-signs' });
    expect(error.message).toBe('Question "q-signs" has not been answered.');
  });

  it('treats an empty selection as a missing answer', () => {
    expect(quizError(() => scoreQuiz(quiz(), { ...allCorrect, 'q-report': [] }))).toMatchObject({
      code: 'missing-answer',
      questionId: 'q-report',
    });
  });

  it('does not take inherited properties for answers', () => {
    const tricky = buildQuiz([
      question('constructor', 'single', [
        ['a', true],
        ['b', false],
      ]),
    ]);
    expect(quizError(() => scoreQuiz(tricky, {})).code).toBe('missing-answer');
    expect(scoreQuiz(tricky, { constructor: ['a'] }).passed).toBe(true);
  });

  it('rejects an unknown option, naming the question', () => {
    const error = quizError(() => scoreQuiz(quiz(), { ...allCorrect, 'q-report': ['report', 'b'] }));
    expect(error).toMatchObject({ code: 'unknown-option', questionId: 'q-report' });
    expect(error.message).toBe('Option "b" is not an option of question "q-report".');
  });

  it('rejects more than one option on a single-answer question', () => {
    const error = quizError(() => scoreQuiz(quiz(), { ...allCorrect, 'q-new-account': ['a', 'b'] }));
    expect(error).toMatchObject({ code: 'too-many-options', questionId: 'q-new-account' });
  });

  it('accepts the same option twice on a single-answer question', () => {
    expect(scoreQuiz(quiz(), { ...allCorrect, 'q-new-account': ['b', 'b'] }).correctCount).toBe(3);
  });
});
