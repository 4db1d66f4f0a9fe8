import { quizSchema } from '../model.js';
import { DEFAULT_RETRY_POLICY, isDefaultRetryPolicy, retryPolicyOf } from '../retry-policy.js';
import { quizInput, question } from './fixtures.js';

const input = () =>
  quizInput([
    question('q1', 'single', [
      ['a', true],
      ['b', false],
    ]),
  ]);

describe('retry policy', () => {
  it('is optional: a quiz without one retries at once, as before', () => {
    const quiz = quizSchema.parse(input());
    expect(quiz.retryPolicy).toBeUndefined();
    expect(retryPolicyOf(quiz)).toEqual({
      cooldownMinutes: 0,
      reviewDebrief: false,
      notifyOfficersAfter: null,
    });
    expect(isDefaultRetryPolicy(retryPolicyOf(quiz))).toBe(true);
  });

  it('fills in what an author left out', () => {
    const quiz = quizSchema.parse({ ...input(), retryPolicy: { cooldownMinutes: 30 } });
    expect(quiz.retryPolicy).toEqual({
      cooldownMinutes: 30,
      reviewDebrief: false,
      notifyOfficersAfter: null,
    });
    expect(retryPolicyOf({ retryPolicy: { reviewDebrief: true } })).toEqual({
      ...DEFAULT_RETRY_POLICY,
      reviewDebrief: true,
    });
    expect(isDefaultRetryPolicy(retryPolicyOf(quiz))).toBe(false);
  });

  it.each([
    [{ cooldownMinutes: -1 }, 'cooldownMinutes'],
    [{ cooldownMinutes: 1.5 }, 'cooldownMinutes'],
    [{ cooldownMinutes: 10_081 }, 'cooldownMinutes'],
    [{ notifyOfficersAfter: 0 }, 'notifyOfficersAfter'],
    [{ notifyOfficersAfter: 101 }, 'notifyOfficersAfter'],
    [{ reviewDebrief: 'yes' }, 'reviewDebrief'],
  ])('refuses %j, naming the field', (retryPolicy, field) => {
    const result = quizSchema.safeParse({ ...input(), retryPolicy });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toEqual([`retryPolicy.${field}`]);
  });
});
