import type { RuleSet } from '@countersign/approach-checker';
import type { FieldIssue } from '@countersign/contracts/common';
import { Alert, Button, Group, JsonInput, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconDeviceFloppy } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api-client';
import { useSaveRules } from '../api/checker-rules';

/** Every problem the API found in a rule set, `field: message`, for the admin to fix. */
function ruleIssues(error: unknown): string[] {
  if (!isApiError(error)) return error instanceof Error ? [error.message] : [];
  if (!Array.isArray(error.details) || error.details.length === 0) return [error.message];
  return (error.details as FieldIssue[]).map((issue) =>
    issue.field ? `${issue.field}: ${issue.message}` : issue.message,
  );
}

function IssuesAlert({ title, issues }: { title: string; issues: string[] }) {
  if (issues.length === 0) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={title} role="alert">
      <Stack gap={4} component="ul" m={0} pl="md">
        {issues.map((issue, index) => (
          <Text component="li" key={index} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {issue}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

function savedNotice(version: number) {
  notifications.show({
    color: 'green',
    title: 'Rules saved',
    message: `Version ${version} is in use for every new check; the evaluation shows how it performs.`,
  });
}

/** Score thresholds: at or above `medium` is medium, at or above `high` is high. */
export function ThresholdsForm({ rules }: { rules: RuleSet }) {
  const save = useSaveRules();
  const [medium, setMedium] = useState<string | number>(rules.thresholds.medium);
  const [high, setHigh] = useState<string | number>(rules.thresholds.high);
  const [clientError, setClientError] = useState<string | null>(null);
  const unchanged = medium === rules.thresholds.medium && high === rules.thresholds.high;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (typeof medium !== 'number' || typeof high !== 'number') {
      setClientError('Enter both thresholds.');
      return;
    }
    if (high <= medium) {
      setClientError('The high threshold must be above the medium threshold.');
      return;
    }
    setClientError(null);
    const version = rules.version + 1;
    save.mutate(
      { ...rules, version, thresholds: { medium, high } },
      { onSuccess: () => savedNotice(version) },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Thresholds">
      <Stack gap="md">
        <Text size="sm">
          A check’s score is the sum of the weights of the red flags it raises. At or above the medium
          threshold the rating is medium; at or above the high threshold it is high.
        </Text>
        <Group align="flex-start" gap="md">
          <NumberInput
            label="Medium from"
            min={0.5}
            max={100}
            step={0.5}
            decimalScale={2}
            value={medium}
            onChange={setMedium}
            w={160}
          />
          <NumberInput
            label="High from"
            min={0.5}
            max={100}
            step={0.5}
            decimalScale={2}
            value={high}
            onChange={setHigh}
            w={160}
          />
        </Group>
        {clientError && (
          <Text size="sm" c="red.8" role="alert">
            {clientError}
          </Text>
        )}
        <IssuesAlert
          title="The thresholds were not saved"
          issues={save.isError ? ruleIssues(save.error) : []}
        />
        <Group>
          <Button
            type="submit"
            loading={save.isPending}
            disabled={unchanged}
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          >
            Save thresholds
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The whole rule set as JSON, for edits the tables do not offer; the API validates it. */
export function RawRulesEditor({ rules }: { rules: RuleSet }) {
  const save = useSaveRules();
  const original = JSON.stringify(rules, null, 2);
  const [text, setText] = useState(original);
  const [parseError, setParseError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      setParseError(
        `This is not valid JSON: ${error instanceof Error ? error.message : 'it could not be read'}.`,
      );
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setParseError('The rules must be one JSON object with version, thresholds, answerRules and textRules.');
      return;
    }
    setParseError(null);
    const typed = parsed as RuleSet;
    // Every save is a new version, whether or not the version field was edited.
    const version = Math.max(typeof typed.version === 'number' ? typed.version : 0, rules.version + 1);
    save.mutate({ ...typed, version }, { onSuccess: () => savedNotice(version) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Edit the rules as JSON">
      <Stack gap="md">
        <JsonInput
          label="Rules (JSON)"
          description="Patterns, weights, exceptions and thresholds. Saving raises the version by one; the API checks every rule and names the ones at fault."
          value={text}
          onChange={(value) => {
            setText(value);
            setParseError(null);
          }}
          validationError="This is not valid JSON"
          formatOnBlur
          autosize
          minRows={14}
          maxRows={32}
          spellCheck={false}
          styles={{ input: { fontSize: 'var(--mantine-font-size-xs)' } }}
          error={parseError}
        />
        <IssuesAlert title="The rules were not saved" issues={save.isError ? ruleIssues(save.error) : []} />
        <Group>
          <Button
            type="submit"
            loading={save.isPending}
            disabled={text === original}
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          >
            Save the rules
          </Button>
          <Button
            variant="default"
            disabled={text === original || save.isPending}
            onClick={() => setText(original)}
          >
            Discard changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
