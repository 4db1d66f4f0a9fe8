import type { AttemptState, QuizSubmission } from '@countersign/contracts/learning';
import type { QuestionView } from '@countersign/scenario-engine';
import { Button, Checkbox, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ScreenHeading } from './screen-heading';

type Quiz = NonNullable<AttemptState['quiz']>;

interface QuestionFieldProps {
  number: number;
  question: QuestionView;
  value: string[];
  onChange: (value: string[]) => void;
}

function QuestionField({ number, question, value, onChange }: QuestionFieldProps) {
  const label = `${number}. ${question.prompt}`;
  const options = (
    <Stack gap="sm" mt="sm">
      {question.options.map((option) =>
        question.kind === 'single' ? (
          <Radio key={option.id} value={option.id} label={option.label} />
        ) : (
          <Checkbox key={option.id} value={option.id} label={option.label} />
        ),
      )}
    </Stack>
  );
  return (
    <Paper withBorder radius="md" p="lg">
      {question.kind === 'single' ? (
        <Radio.Group
          label={label}
          description="Choose one answer."
          size="md"
          value={value[0] ?? null}
          onChange={(optionId) => onChange([optionId])}
        >
          {options}
        </Radio.Group>
      ) : (
        <Checkbox.Group
          label={label}
          description="Choose all that apply."
          size="md"
          value={value}
          onChange={onChange}
        >
          {options}
        </Checkbox.Group>
      )}
    </Paper>
  );
}

interface QuizFormProps {
  quiz: Quiz;
  submitting: boolean;
  onSubmit: (submission: QuizSubmission) => void;
}

/** One quiz round; it can be sent once every question has an answer. */
export function QuizForm({ quiz, submitting, onSubmit }: QuizFormProps) {
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const answered = quiz.questions.filter((question) => (answers[question.id]?.length ?? 0) > 0).length;
  const total = quiz.questions.length;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({ round: quiz.round, answers });
      }}
    >
      <Stack gap="lg">
        <Stack gap={4}>
          <ScreenHeading>Quiz</ScreenHeading>
          <Text c="dimmed">
            {quiz.round > 1 ? `Round ${quiz.round} · ` : ''}
            {total} questions · pass mark {quiz.passMark}%
          </Text>
        </Stack>
        {quiz.questions.map((question, index) => (
          <QuestionField
            key={question.id}
            number={index + 1}
            question={question}
            value={answers[question.id] ?? []}
            onChange={(value) => setAnswers((current) => ({ ...current, [question.id]: value }))}
          />
        ))}
        <Group justify="space-between">
          <Text size="sm" c="dimmed" aria-live="polite">
            {answered} of {total} answered
          </Text>
          <Button type="submit" size="md" disabled={answered < total} loading={submitting}>
            Submit answers
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
