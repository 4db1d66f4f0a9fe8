import type { QuizResultView } from '@countersign/contracts/learning';
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

/** Score against the pass mark, then each question marked right or wrong with its explanation. */
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
          Your answers
        </Title>
        <PlainList ordered gap="sm">
          {result.questions.map((question, index) => (
            <Paper key={question.questionId} component="li" withBorder radius="md" p="md">
              <Group gap="sm" align="flex-start" wrap="nowrap">
                <ThemeIcon color={question.correct ? 'green' : 'red'} radius="xl" size={28} aria-hidden>
                  {question.correct ? <IconCheck size={16} /> : <IconX size={16} />}
                </ThemeIcon>
                <Stack gap={4}>
                  <Text size="sm" fw={700} c={question.correct ? 'green.9' : 'red.9'}>
                    {question.correct ? 'Correct' : 'Incorrect'}
                  </Text>
                  <Text fw={600}>
                    {index + 1}. {question.prompt}
                  </Text>
                  <Narrative text={question.explanation} size="sm" />
                </Stack>
              </Group>
            </Paper>
          ))}
        </PlainList>
      </Stack>
    </Stack>
  );
}
