import type { CheckAnswers, CheckInput } from '@countersign/approach-checker';
import { Alert, Anchor, Button, Card, Group, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertCircle, IconLock, IconShieldSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { isApiError } from '../../../lib/api-client';
import { useCheckApproach } from '../api/check';
import { useQuestions } from '../api/questions';
import { CheckResultPanel } from '../components/check-result';
import { QuestionCard, type AnswerValue } from '../components/question-card';
import type { ReportDraft } from '../components/report-draft';

/** The checker's limit on a pasted message (MAX_MESSAGE_LENGTH of @countersign/approach-checker). */
const MAX_MESSAGE_LENGTH = 10_000;

type Answers = Partial<Record<string, AnswerValue>>;

function toInput(answers: Answers, message: string): CheckInput {
  const text = message.trim();
  return { answers: answers as CheckAnswers, ...(text ? { messageText: message } : {}) };
}

function QuestionsSkeleton() {
  return (
    <Stack gap="md" role="status" aria-label="Loading the questions">
      {[0, 1, 2].map((index) => (
        <Skeleton key={index} h={180} radius="lg" />
      ))}
    </Stack>
  );
}

/**
 * "Check an approach": guided questions and an optional pasted message in, a rating with its red
 * flags out. Nothing is stored; "Report this approach" carries the answers into the report form.
 */
export function CheckPage() {
  const navigate = useNavigate();
  const questions = useQuestions();
  const check = useCheckApproach();
  const [answers, setAnswers] = useState<Answers>({});
  const [message, setMessage] = useState('');
  // The input the shown result was computed from: its text offsets refer to that message.
  const [checked, setChecked] = useState<{ key: string; input: CheckInput } | null>(null);
  const [emptyError, setEmptyError] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const input = toInput(answers, message);
  const nothingGiven = Object.keys(input.answers ?? {}).length === 0 && !input.messageText;
  const result = check.data;
  const stale = result !== undefined && checked?.key !== JSON.stringify(input);
  const serverErrors = isApiError(check.error) ? check.error.fieldErrors() : {};

  // Bring the verdict into view (and to screen readers) when it arrives.
  useEffect(() => {
    if (!result) return;
    resultHeading.current?.focus({ preventScroll: true });
    resultHeading.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [result]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (nothingGiven) {
      setEmptyError(true);
      return;
    }
    setEmptyError(false);
    const snapshot = { key: JSON.stringify(input), input };
    check.mutate(input, { onSuccess: () => setChecked(snapshot) });
  };

  const report = () => {
    const draft: ReportDraft = {
      checkAnswers: (input.answers ?? {}) as CheckAnswers,
      messageText: input.messageText,
      rating: stale ? undefined : result?.rating,
    };
    navigate('/approaches/report', { state: draft });
  };

  const setAnswer = (questionId: string, value: AnswerValue | undefined) => {
    setEmptyError(false);
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) delete next[questionId];
      else next[questionId] = value;
      return next;
    });
  };

  const total = questions.data?.length ?? 0;

  return (
    <>
      <PageHeader
        title="Check an approach"
        description="Got a message or connection request that feels odd? Answer what you can — every question is optional — and get an instant rating with the warning signs explained."
        actions={
          <Button component={Link} to="/approaches/report" variant="default">
            Report without checking
          </Button>
        }
      />
      <Stack gap="xl" maw={860}>
        <Group gap={6} wrap="nowrap" c="dimmed">
          <IconLock size={18} aria-hidden />
          <Text size="sm">Nothing is stored unless you choose to report it.</Text>
        </Group>
        <form onSubmit={submit} noValidate aria-label="Check an approach">
          <Stack gap="md">
            <Card withBorder radius="lg" padding="lg">
              <Textarea
                label="Paste the message (optional)"
                description="Copy the message or the connection request into this box. It is checked for warning signs and not kept."
                labelProps={{ fz: 'md', fw: 650, mb: 2 }}
                placeholder="e.g. “We would cover your flights and hotel…”"
                autosize
                minRows={4}
                maxRows={14}
                maxLength={MAX_MESSAGE_LENGTH}
                value={message}
                onChange={(event) => {
                  setEmptyError(false);
                  setMessage(event.currentTarget.value);
                }}
                error={serverErrors.messageText}
              />
            </Card>
            {questions.isPending && <QuestionsSkeleton />}
            {questions.isError && (
              <ErrorState
                error={questions.error}
                title="The questions could not be loaded"
                onRetry={() => questions.refetch()}
              />
            )}
            {questions.data?.map((question, index) => (
              <QuestionCard
                key={question.id}
                question={question}
                number={index + 1}
                total={total}
                value={answers[question.id]}
                onChange={(value) => setAnswer(question.id, value)}
              />
            ))}
            {emptyError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
                Answer at least one question or paste the message, then press “Check”.
              </Alert>
            )}
            {check.isError && Object.keys(serverErrors).length === 0 && (
              <Alert
                color="red"
                variant="light"
                icon={<IconAlertCircle aria-hidden />}
                title="The check did not run"
                role="alert"
              >
                {check.error.message}
              </Alert>
            )}
            <Group gap="md">
              <Button
                type="submit"
                size="lg"
                loading={check.isPending}
                leftSection={<IconShieldSearch size={20} aria-hidden />}
              >
                Check
              </Button>
              <Text size="sm" c="dimmed">
                Prefer to skip the check?{' '}
                <Anchor component={Link} to="/approaches/report" underline="always">
                  Report it straight away
                </Anchor>
                .
              </Text>
            </Group>
          </Stack>
        </form>
        {result && (
          <CheckResultPanel
            result={result}
            message={checked?.input.messageText}
            stale={stale}
            onReport={report}
            headingRef={resultHeading}
          />
        )}
      </Stack>
    </>
  );
}
