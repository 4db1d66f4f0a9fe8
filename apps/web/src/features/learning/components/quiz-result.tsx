import type { QuizQuestionResult, QuizResultView } from '@countersign/contracts/learning';
import { Badge, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { PlainList } from '../../../components/ui/plain-list';
import { Narrative } from './narrative';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
    </div>
  );
}

/** A labelled list of options: the learner's answer, or the right one. */
function Answers({
  heading,
  options,
  right,
}: {
  heading: string;
  options: QuizQuestionResult['options'];
  /** Marks each option right or wrong, in words as well as by icon; omitted for the right answer. */
  right?: (optionId: string) => boolean;
}) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {heading}
      </Text>
      <PlainList gap={2}>
        {options.map((option) => {
          const isRight = right?.(option.id);
          return (
            <Group key={option.id} component="li" gap={6} wrap="nowrap" align="flex-start">
              {isRight !== undefined && (
                <ThemeIcon
                  color={isRight ? 'green' : 'red'}
                  variant="light"
                  radius="xl"
                  size={20}
                  aria-hidden
                >
                  {isRight ? <IconCheck size={14} /> : <IconX size={14} />}
                </ThemeIcon>
              )}
              <Text size="sm">
                {option.label}
                {isRight !== undefined && (
                  <Text span size="sm" c={isRight ? 'green.9' : 'red.9'} fw={600}>
                    {isRight ? ' (right)' : ' (not right)'}
                  </Text>
                )}
              </Text>
            </Group>
          );
        })}
        {options.length === 0 && (
          <Text component="li" size="sm" c="dimmed">
            No answer
          </Text>
        )}
      </PlainList>
    </Stack>
  );
}

/** One question: right or wrong, what the learner chose, what was right (when they missed it), and why. */
function QuestionResult({ question, number }: { question: QuizQuestionResult; number: number }) {
  const labelled = (ids: readonly string[]) => question.options.filter((option) => ids.includes(option.id));
  const correctIds = new Set(question.correctOptionIds);
  const several = question.kind === 'multiple';
  return (
    <Paper component="li" withBorder radius="md" p="md" data-testid="quiz-question-result">
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <ThemeIcon color={question.correct ? 'green' : 'red'} radius="xl" size={28} aria-hidden>
          {question.correct ? <IconCheck size={16} /> : <IconX size={16} />}
        </ThemeIcon>
        <Stack gap="xs">
          <Stack gap={2}>
            <Text size="sm" fw={700} c={question.correct ? 'green.9' : 'red.9'}>
              {question.correct ? 'Correct' : 'Incorrect'}
            </Text>
            <Text fw={600}>
              {number}. {question.prompt}
            </Text>
          </Stack>
          <Answers
            heading={several ? 'Your answers' : 'Your answer'}
            options={labelled(question.selected)}
            right={(id) => correctIds.has(id)}
          />
          {!question.correct && (
            <Answers
              heading={question.correctOptionIds.length > 1 ? 'The right answers' : 'The right answer'}
              options={labelled(question.correctOptionIds)}
            />
          )}
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Why
            </Text>
            <Narrative text={question.explanation} size="sm" />
          </Stack>
        </Stack>
      </Group>
    </Paper>
  );
}

/**
 * Score against the pass mark, then each question: right or wrong, the learner's answer, the
 * right answer where they missed it, and the explanation.
 */
export function QuizResult({ result }: { result: QuizResultView }) {
  return (
    <Stack gap="lg" data-testid="quiz-result">
      <Paper withBorder radius="md" p="lg">
        <Group justify="space-between" align="flex-start">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xl">
            <Figure label="Your score" value={`${result.scorePercent}%`} />
            <Figure label="Pass mark" value={`${result.passMark}%`} />
            <Figure label="Correct" value={`${result.correctCount} of ${result.total}`} />
          </SimpleGrid>
          {result.passed ? (
            <Badge size="lg" color="green" leftSection={<IconCheck size={16} aria-hidden />}>
              Passed
            </Badge>
          ) : (
            <Badge size="lg" color="red" leftSection={<IconX size={16} aria-hidden />}>
              Not passed
            </Badge>
          )}
        </Group>
      </Paper>
      <Stack gap="xs">
        <Title order={3} fz="h5">
          Question by question
        </Title>
        <PlainList ordered gap="sm">
          {result.questions.map((question, index) => (
            <QuestionResult key={question.questionId} question={question} number={index + 1} />
          ))}
        </PlainList>
      </Stack>
    </Stack>
  );
}
