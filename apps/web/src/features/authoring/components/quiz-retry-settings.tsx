import { retryPolicyOf, type Quiz, type RetryPolicy } from '@countersign/scenario-engine';
import { Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useFieldIssues } from '../editor/field-issues';

/** A retry policy in a few words, for the version comparison and the settings' summary. */
export function describeRetryPolicy(policy: RetryPolicy): string {
  const parts = [
    policy.cooldownMinutes > 0 ? `${policy.cooldownMinutes} min pause before a retry` : 'retry at once',
    policy.reviewDebrief ? 'debrief read again first' : null,
    policy.notifyOfficersAfter !== null
      ? `officers told after ${policy.notifyOfficersAfter} failed ${policy.notifyOfficersAfter === 1 ? 'round' : 'rounds'}`
      : null,
  ];
  return parts.filter((part): part is string => part !== null).join('; ');
}

interface QuizRetrySettingsProps {
  quiz: Quiz;
  /** Applies a change to the quiz; `key` coalesces typing into one undo step. */
  change: (change: (quiz: Quiz) => Quiz, key?: string) => void;
}

/**
 * What a failed quiz round leads to (the module's retry policy): a pause, a second look at the
 * debrief, and when the officers are told. The API enforces it; a quiz without a policy lets
 * learners retry at once, as before policies existed. Inside the quiz's IssueScope: problems are
 * marked on their field.
 */
export function QuizRetrySettings({ quiz, change }: QuizRetrySettingsProps) {
  const { errorAt } = useFieldIssues();
  const policy = retryPolicyOf(quiz);
  const set = (patch: Partial<RetryPolicy>, key?: string) =>
    change((q) => ({ ...q, retryPolicy: { ...retryPolicyOf(q), ...patch } }), key);

  return (
    <Stack gap="xs" data-testid="quiz-retry-settings">
      <div>
        <Text size="sm" fw={500}>
          After a round that is not passed
        </Text>
        <Text size="xs" c="dimmed">
          Learners can always try again; these settings stop a quiz being passed by trial and error.
        </Text>
      </div>
      <Group align="flex-start" gap="lg">
        <NumberInput
          label="Pause before the next round (minutes)"
          description="0: the next round opens at once"
          min={0}
          max={10_080}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          error={errorAt('retryPolicy.cooldownMinutes')}
          value={policy.cooldownMinutes}
          onChange={(value) =>
            set(
              { cooldownMinutes: typeof value === 'number' ? value : 0 },
              'quiz.retryPolicy.cooldownMinutes',
            )
          }
          w={260}
        />
        <NumberInput
          label="Tell the officers after (failed rounds)"
          description="Once per learner; empty: never"
          placeholder="Never"
          min={1}
          max={100}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          error={errorAt('retryPolicy.notifyOfficersAfter')}
          value={policy.notifyOfficersAfter ?? ''}
          onChange={(value) =>
            set(
              { notifyOfficersAfter: typeof value === 'number' && value >= 1 ? value : null },
              'quiz.retryPolicy.notifyOfficersAfter',
            )
          }
          w={260}
        />
      </Group>
      <Switch
        label="Read the debrief again before the next round"
        description="The learner opens the scenario's ending and debrief again before each retry."
        checked={policy.reviewDebrief}
        onChange={(e) => {
          const reviewDebrief = e.currentTarget.checked;
          set({ reviewDebrief });
        }}
        maw={520}
      />
    </Stack>
  );
}
