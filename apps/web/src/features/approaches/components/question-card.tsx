import type { Question } from '@countersign/approach-checker';
import { Button, Card, Checkbox, Group, Radio, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';

export type AnswerValue = string | string[];

interface QuestionCardProps {
  question: Question;
  number: number;
  total: number;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}

const LABEL_PROPS = { fz: 'md', fw: 650, mb: 2 } as const;

/** One guided question: a radio group (pick one) or a checkbox group (pick any); all optional. */
export function QuestionCard({ question, number, total, value, onChange }: QuestionCardProps) {
  const answered = Array.isArray(value) ? value.length > 0 : value !== undefined;
  const options = question.options.map((option) =>
    question.kind === 'single' ? (
      <Radio key={option.id} value={option.id} label={option.label} />
    ) : (
      <Checkbox key={option.id} value={option.id} label={option.label} />
    ),
  );

  return (
    <Card withBorder radius="lg" padding="lg" data-question={question.id}>
      <Stack gap={4}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          Question {number} of {total}
        </Text>
        {question.kind === 'single' ? (
          <Radio.Group
            label={question.prompt}
            description={question.help}
            labelProps={LABEL_PROPS}
            value={typeof value === 'string' ? value : null}
            onChange={(next) => onChange(next || undefined)}
          >
            <Stack gap="sm" mt="sm">
              {options}
            </Stack>
          </Radio.Group>
        ) : (
          <Checkbox.Group
            label={question.prompt}
            description={question.help}
            labelProps={LABEL_PROPS}
            value={Array.isArray(value) ? value : []}
            onChange={(next) => onChange(next.length > 0 ? next : undefined)}
          >
            <Stack gap="sm" mt="sm">
              {options}
            </Stack>
          </Checkbox.Group>
        )}
        {answered && (
          <Group justify="flex-end">
            <Button
              variant="subtle"
              color="gray"
              size="compact-sm"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={() => onChange(undefined)}
              aria-label={`Clear answer: ${question.prompt}`}
            >
              Clear answer
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
