import type { RedFlagView } from '@countersign/contracts/training';
import type { ModuleContent, Quiz, QuizQuestion } from '@countersign/scenario-engine';
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { freshId, newQuestion } from '../editor/content-ops';
import type { DraftEditor } from '../editor/use-draft-editor';

interface QuizEditorProps {
  quiz: Quiz;
  redFlags: readonly RedFlagView[];
  update: DraftEditor['update'];
}

const withQuiz = (change: (quiz: Quiz) => Quiz) => (content: ModuleContent) => ({
  ...content,
  quiz: change(content.quiz),
});

function move<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}

/** The end-of-module quiz: pass mark, shuffle, and the questions in order. */
export function QuizEditor({ quiz, redFlags, update }: QuizEditorProps) {
  const changeQuiz = (change: (quiz: Quiz) => Quiz, key?: string) => update(withQuiz(change), key);
  const changeQuestion = (id: string, change: (q: QuizQuestion) => QuizQuestion, key: string) =>
    changeQuiz(
      (q) => ({
        ...q,
        questions: q.questions.map((question) => (question.id === id ? change(question) : question)),
      }),
      `quiz.${id}.${key}`,
    );
  const flagOptions = redFlags.map((flag) => ({ value: flag.key, label: flag.title }));

  return (
    <Stack gap="md" data-testid="quiz-editor">
      <Group align="flex-end" gap="lg">
        <NumberInput
          label="Pass mark (%)"
          min={1}
          max={100}
          allowDecimal={false}
          clampBehavior="strict"
          value={quiz.passMark}
          onChange={(value) =>
            changeQuiz((q) => ({ ...q, passMark: typeof value === 'number' ? value : 1 }), 'quiz.passMark')
          }
          w={160}
        />
        <Switch
          label="Shuffle questions"
          checked={quiz.shuffle}
          onChange={(e) => {
            const shuffle = e.currentTarget.checked;
            changeQuiz((q) => ({ ...q, shuffle }));
          }}
          mb={6}
        />
      </Group>

      {quiz.questions.map((question, index) => {
        const last = index === quiz.questions.length - 1;
        return (
          <Paper
            key={question.id}
            withBorder
            radius="md"
            p="md"
            component="section"
            data-testid="question-editor"
          >
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={3} fz="h5">
                  Question {index + 1}
                </Title>
                <Group gap={4}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Move question ${index + 1} up`}
                    disabled={index === 0}
                    onClick={() =>
                      changeQuiz((q) => ({ ...q, questions: move(q.questions, index, index - 1) }))
                    }
                  >
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Move question ${index + 1} down`}
                    disabled={last}
                    onClick={() =>
                      changeQuiz((q) => ({ ...q, questions: move(q.questions, index, index + 1) }))
                    }
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove question ${index + 1}`}
                    disabled={quiz.questions.length <= 1}
                    onClick={() =>
                      changeQuiz((q) => ({
                        ...q,
                        questions: q.questions.filter((x) => x.id !== question.id),
                      }))
                    }
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </Group>
              <Textarea
                label="Prompt"
                value={question.prompt}
                onChange={(e) => {
                  const prompt = e.currentTarget.value;
                  changeQuestion(question.id, (q) => ({ ...q, prompt }), 'prompt');
                }}
                autosize
                minRows={2}
                required
              />
              <Stack gap={4}>
                <Text size="sm" fw={500} id={`kind-${question.id}`}>
                  Answers allowed
                </Text>
                <SegmentedControl
                  aria-labelledby={`kind-${question.id}`}
                  value={question.kind}
                  data={[
                    { value: 'single', label: 'Single choice' },
                    { value: 'multiple', label: 'Multiple choice' },
                  ]}
                  onChange={(value) =>
                    changeQuestion(
                      question.id,
                      (q) => ({ ...q, kind: value as 'single' | 'multiple' }),
                      'kind',
                    )
                  }
                  style={{ alignSelf: 'flex-start' }}
                />
              </Stack>
              <Stack gap="xs" role="group" aria-label={`Options of question ${index + 1}`}>
                {question.options.map((option, optionIndex) => (
                  <Group key={option.id} gap="xs" wrap="nowrap" align="center">
                    <Checkbox
                      aria-label={`Option ${optionIndex + 1} is correct`}
                      checked={option.correct}
                      onChange={(e) => {
                        const correct = e.currentTarget.checked;
                        changeQuestion(
                          question.id,
                          (q) => ({
                            ...q,
                            options: q.options.map((o) =>
                              o.id === option.id
                                ? { ...o, correct }
                                : q.kind === 'single' && correct
                                  ? { ...o, correct: false }
                                  : o,
                            ),
                          }),
                          `correct.${option.id}`,
                        );
                      }}
                    />
                    <TextInput
                      aria-label={`Option ${optionIndex + 1}`}
                      value={option.label}
                      onChange={(e) => {
                        const label = e.currentTarget.value;
                        changeQuestion(
                          question.id,
                          (q) => ({
                            ...q,
                            options: q.options.map((o) => (o.id === option.id ? { ...o, label } : o)),
                          }),
                          `option.${option.id}`,
                        );
                      }}
                      style={{ flex: 1 }}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove option ${optionIndex + 1}`}
                      disabled={question.options.length <= 2}
                      onClick={() =>
                        changeQuestion(
                          question.id,
                          (q) => ({ ...q, options: q.options.filter((o) => o.id !== option.id) }),
                          `remove.${option.id}`,
                        )
                      }
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                ))}
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  disabled={question.options.length >= 8}
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() =>
                    changeQuestion(
                      question.id,
                      (q) => ({
                        ...q,
                        options: [
                          ...q.options,
                          {
                            id: freshId(
                              'option',
                              q.options.map((o) => o.id),
                            ),
                            label: 'New answer',
                            correct: false,
                          },
                        ],
                      }),
                      'add-option',
                    )
                  }
                >
                  Add option
                </Button>
              </Stack>
              <Textarea
                label="Explanation"
                value={question.explanation}
                onChange={(e) => {
                  const explanation = e.currentTarget.value;
                  changeQuestion(question.id, (q) => ({ ...q, explanation }), 'explanation');
                }}
                autosize
                minRows={2}
                required
              />
              <MultiSelect
                label="Red flags"
                data={flagOptions}
                value={question.redFlags}
                onChange={(redFlags) => changeQuestion(question.id, (q) => ({ ...q, redFlags }), 'redFlags')}
                searchable
                clearable
              />
            </Stack>
          </Paper>
        );
      })}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} aria-hidden />}
        disabled={quiz.questions.length >= 100}
        onClick={() => changeQuiz((q) => ({ ...q, questions: [...q.questions, newQuestion(q.questions)] }))}
        style={{ alignSelf: 'flex-start' }}
      >
        Add question
      </Button>
    </Stack>
  );
}
