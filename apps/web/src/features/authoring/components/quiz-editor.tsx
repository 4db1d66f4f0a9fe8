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
import { IssueScope, useFieldIssues } from '../editor/field-issues';
import type { DraftEditor } from '../editor/use-draft-editor';
import { MarkdownTextarea } from './markdown-textarea';
import { QuizRetrySettings } from './quiz-retry-settings';
import { DragHandle, SortableItem, SortableList, type DragHandleBinding } from './sortable-list';

interface QuizEditorProps {
  quiz: Quiz;
  redFlags: readonly RedFlagView[];
  update: DraftEditor['update'];
}

type ChangeQuiz = (change: (quiz: Quiz) => Quiz, key?: string) => void;

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

/** A question or option as screen readers hear it while it is dragged: by its text, else its number. */
function spoken(kind: 'question' | 'option', text: string, position: number): string {
  const words = text.trim().replace(/\s+/g, ' ');
  if (!words) return `${kind} ${position}`;
  return `${kind} “${words.length > 60 ? `${words.slice(0, 57)}…` : words}”`;
}

/** The end-of-module quiz: pass mark, shuffle, and the questions in order, each field with its problems. */
export function QuizEditor(props: QuizEditorProps) {
  return (
    <IssueScope path="quiz">
      <QuizForm {...props} />
    </IssueScope>
  );
}

function QuizForm({ quiz, redFlags, update }: QuizEditorProps) {
  const { errorAt } = useFieldIssues();
  const changeQuiz: ChangeQuiz = (change, key) => update(withQuiz(change), key);
  const flagOptions = redFlags.map((flag) => ({ value: flag.key, label: flag.title }));
  const questionIds = quiz.questions.map((question) => question.id);

  return (
    <Stack gap="md" data-testid="quiz-editor">
      <Group align="flex-start" gap="lg">
        <NumberInput
          label="Pass mark (%)"
          description="Share of questions answered correctly"
          min={1}
          max={100}
          allowDecimal={false}
          clampBehavior="strict"
          error={errorAt('passMark')}
          value={quiz.passMark}
          onChange={(value) =>
            changeQuiz((q) => ({ ...q, passMark: typeof value === 'number' ? value : 1 }), 'quiz.passMark')
          }
          w={220}
        />
        <Switch
          label="Shuffle questions"
          description="Each attempt shows the questions, and their options, in a new order. When off, learners see the order below."
          checked={quiz.shuffle}
          onChange={(e) => {
            const shuffle = e.currentTarget.checked;
            changeQuiz((q) => ({ ...q, shuffle }));
          }}
          maw={360}
          mt={4}
        />
      </Group>
      <QuizRetrySettings quiz={quiz} change={changeQuiz} />

      <SortableList
        ids={questionIds}
        describe={(id) => {
          const index = questionIds.indexOf(id);
          return spoken('question', quiz.questions[index]?.prompt ?? '', index + 1);
        }}
        // No coalescing key: each drag is one undo step of its own.
        onMove={(from, to) => changeQuiz((q) => ({ ...q, questions: move(q.questions, from, to) }))}
      >
        <Stack gap="md">
          {quiz.questions.map((question, index) => (
            <SortableItem key={question.id} id={question.id}>
              {(handle, isDragging) => (
                <IssueScope path={`questions[${index}]`}>
                  <QuestionCard
                    question={question}
                    index={index}
                    count={quiz.questions.length}
                    handle={handle}
                    isDragging={isDragging}
                    flagOptions={flagOptions}
                    changeQuiz={changeQuiz}
                  />
                </IssueScope>
              )}
            </SortableItem>
          ))}
        </Stack>
      </SortableList>
      {errorAt('questions') && (
        <Text size="sm" c="red.8" role="note">
          {errorAt('questions')}
        </Text>
      )}
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

interface QuestionCardProps {
  question: QuizQuestion;
  index: number;
  count: number;
  handle: DragHandleBinding;
  isDragging: boolean;
  flagOptions: { value: string; label: string }[];
  changeQuiz: ChangeQuiz;
}

/** One question: prompt, kind, options (reorderable), explanation and red flags. */
function QuestionCard({
  question,
  index,
  count,
  handle,
  isDragging,
  flagOptions,
  changeQuiz,
}: QuestionCardProps) {
  const { errorAt, errorWithin } = useFieldIssues();
  const optionsProblem = [errorAt('options'), errorAt('id')].filter(Boolean).join(' ');
  const changeQuestion = (change: (q: QuizQuestion) => QuizQuestion, key?: string) =>
    changeQuiz(
      (q) => ({ ...q, questions: q.questions.map((x) => (x.id === question.id ? change(x) : x)) }),
      key === undefined ? undefined : `quiz.${question.id}.${key}`,
    );
  const optionIds = question.options.map((option) => option.id);

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      shadow={isDragging ? 'lg' : undefined}
      data-testid="question-editor"
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <DragHandle handle={handle} label={`Reorder question ${index + 1}`} />
            <Title order={3} fz="h5">
              Question {index + 1}
            </Title>
          </Group>
          <Group gap={4}>
            <ActionIcon
              variant="subtle"
              aria-label={`Move question ${index + 1} up`}
              disabled={index === 0}
              onClick={() => changeQuiz((q) => ({ ...q, questions: move(q.questions, index, index - 1) }))}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={`Move question ${index + 1} down`}
              disabled={index === count - 1}
              onClick={() => changeQuiz((q) => ({ ...q, questions: move(q.questions, index, index + 1) }))}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove question ${index + 1}`}
              disabled={count <= 1}
              onClick={() =>
                changeQuiz((q) => ({ ...q, questions: q.questions.filter((x) => x.id !== question.id) }))
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
            changeQuestion((q) => ({ ...q, prompt }), 'prompt');
          }}
          autosize
          minRows={2}
          error={errorAt('prompt')}
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
              changeQuestion((q) => ({ ...q, kind: value as 'single' | 'multiple' }), 'kind')
            }
            style={{ alignSelf: 'flex-start' }}
          />
        </Stack>
        <Stack gap="xs" role="group" aria-label={`Options of question ${index + 1}`}>
          <SortableList
            ids={optionIds}
            describe={(id) => {
              const optionIndex = optionIds.indexOf(id);
              return spoken('option', question.options[optionIndex]?.label ?? '', optionIndex + 1);
            }}
            onMove={(from, to) => changeQuestion((q) => ({ ...q, options: move(q.options, from, to) }))}
          >
            {question.options.map((option, optionIndex) => (
              <SortableItem key={option.id} id={option.id}>
                {(optionHandle) => (
                  <Group gap="xs" wrap="nowrap" align="center" data-testid="option-editor">
                    <DragHandle
                      handle={optionHandle}
                      label={`Reorder option ${optionIndex + 1} of question ${index + 1}`}
                    />
                    <Checkbox
                      aria-label={`Option ${optionIndex + 1} is correct`}
                      checked={option.correct}
                      onChange={(e) => {
                        const correct = e.currentTarget.checked;
                        changeQuestion(
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
                          (q) => ({
                            ...q,
                            options: q.options.map((o) => (o.id === option.id ? { ...o, label } : o)),
                          }),
                          `option.${option.id}`,
                        );
                      }}
                      error={errorWithin(`options[${optionIndex}]`)}
                      style={{ flex: 1 }}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove option ${optionIndex + 1}`}
                      disabled={question.options.length <= 2}
                      onClick={() =>
                        changeQuestion(
                          (q) => ({ ...q, options: q.options.filter((o) => o.id !== option.id) }),
                          `remove.${option.id}`,
                        )
                      }
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                )}
              </SortableItem>
            ))}
          </SortableList>
          {optionsProblem && (
            <Text size="sm" c="red.8" role="note">
              {optionsProblem}
            </Text>
          )}
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={question.options.length >= 8}
            style={{ alignSelf: 'flex-start' }}
            onClick={() =>
              changeQuestion(
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
        <MarkdownTextarea
          label="Explanation"
          description="Shown to the learner after the quiz."
          value={question.explanation}
          onChange={(e) => {
            const explanation = e.currentTarget.value;
            changeQuestion((q) => ({ ...q, explanation }), 'explanation');
          }}
          minRows={2}
          error={errorAt('explanation')}
          required
        />
        <MultiSelect
          label="Red flags"
          data={flagOptions}
          value={question.redFlags}
          onChange={(redFlags) => changeQuestion((q) => ({ ...q, redFlags }), 'redFlags')}
          error={errorWithin('redFlags')}
          searchable
          clearable
        />
      </Stack>
    </Paper>
  );
}
