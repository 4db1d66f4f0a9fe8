import type { QuizResultView } from '@countersign/contracts/learning';
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { QuizResult } from '../quiz-result';
import { textOf } from '../../../../__tests__/static-render';

function render(result: QuizResultView): string {
  return renderToStaticMarkup(
    <MantineProvider withCssVariables={false} withGlobalClasses={false}>
      <QuizResult result={result} />
    </MantineProvider>,
  );
}

/** The visible text, tags dropped and whitespace folded. */
/** Each question's block of text, in order. */
const questionTexts = (html: string) =>
  html
    .split(/<li[^>]*data-testid="quiz-question-result"[^>]*>/)
    .slice(1)
    .map(textOf);

const options = (...labels: string[]) =>
  labels.map((label) => ({ id: label.toLowerCase().replace(/\W+/g, '-'), label }));

const result: QuizResultView = {
  round: 1,
  scorePercent: 33,
  passMark: 80,
  passed: false,
  correctCount: 1,
  total: 3,
  questions: [
    {
      questionId: 'q-report',
      prompt: 'Whom do you tell about an approach?',
      kind: 'single',
      options: options('Your security team', 'Nobody'),
      correct: true,
      selected: ['your-security-team'],
      correctOptionIds: ['your-security-team'],
      explanation: 'Reporting is how a campaign gets noticed.',
    },
    {
      questionId: 'q-profile',
      prompt: 'Which detail suggests a built persona?',
      kind: 'single',
      options: options('A professional headshot', 'A three-month-old account with ten years of experience'),
      correct: false,
      selected: ['a-professional-headshot'],
      correctOptionIds: ['a-three-month-old-account-with-ten-years-of-experience'],
      explanation: 'A **new** account claiming a long career is the anomaly.',
    },
    {
      questionId: 'q-flags',
      prompt: 'Which are red flags?',
      kind: 'multiple',
      options: options('Paid travel abroad', 'A request for secrecy', 'A typo'),
      correct: false,
      selected: ['paid-travel-abroad', 'a-typo'],
      correctOptionIds: ['paid-travel-abroad', 'a-request-for-secrecy'],
      explanation: 'Travel and secrecy are flags; a typo proves nothing.',
    },
  ],
};

describe('QuizResult', () => {
  it('shows the score against the pass mark', () => {
    const all = textOf(render(result));
    expect(all).toContain('Your score 33%');
    expect(all).toContain('Pass mark 80%');
    expect(all).toContain('Correct 1 of 3');
    expect(all).toContain('Not passed');
  });

  it('shows, for a question answered right, the answer given and why, and no separate right answer', () => {
    const [first] = questionTexts(render(result));
    expect(first).toBe(
      'Correct 1. Whom do you tell about an approach? Your answer Your security team (right) Why Reporting is how a campaign gets noticed.',
    );
  });

  it('shows, for a question answered wrongly, what the learner chose, the right answer and the explanation', () => {
    const [, second] = questionTexts(render(result));
    expect(second).toBe(
      'Incorrect 2. Which detail suggests a built persona? ' +
        'Your answer A professional headshot (not right) ' +
        'The right answer A three-month-old account with ten years of experience ' +
        'Why A new account claiming a long career is the anomaly.',
    );
  });

  it('marks each choice of a multiple-answer question, and lists every right answer', () => {
    const [, , third] = questionTexts(render(result));
    expect(third).toBe(
      'Incorrect 3. Which are red flags? ' +
        'Your answers Paid travel abroad (right) A typo (not right) ' +
        'The right answers Paid travel abroad A request for secrecy ' +
        'Why Travel and secrecy are flags; a typo proves nothing.',
    );
  });

  it('renders the explanation as Markdown and option labels as plain text', () => {
    const html = render({
      ...result,
      questions: [
        {
          ...result.questions[1]!,
          options: [{ id: 'a', label: '<b>bold?</b>' }, ...result.questions[1]!.options],
          selected: ['a'],
        },
      ],
    });
    expect(html).toContain('<strong>new</strong>');
    expect(html).toContain('&lt;b&gt;bold?&lt;/b&gt;');
    expect(html).not.toContain('<b>');
  });
});
