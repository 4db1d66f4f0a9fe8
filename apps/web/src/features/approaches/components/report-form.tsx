// Loaded with the pages that show it, not with the first page (see app/providers.tsx).
import '@mantine/dates/styles.css';
import {
  PLATFORMS,
  REPORT_TEXT_LIMITS,
  type CreateReportRequest,
  type MyReportView,
} from '@countersign/contracts/approaches';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertCircle, IconCalendar, IconInfoCircle, IconSend } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../../lib/api-client';
import { newIdempotencyKey, uploadAttachment, useCreateReport } from '../api/create-report';
import { withCharacterCount } from './character-count';
import { RatingBadge } from './report-badges';
import type { ReportDraft } from './report-draft';
import { ScreenshotPicker, type PickedFile } from './screenshot-picker';

type Platform = (typeof PLATFORMS)[number];
type Field = 'platform' | 'profileUrl' | 'nameUsed' | 'offered' | 'messageText' | 'occurredOn' | 'replied';
type FieldErrors = Partial<Record<Field, string>>;

const FIELDS: readonly Field[] = [
  'platform',
  'profileUrl',
  'nameUsed',
  'offered',
  'messageText',
  'occurredOn',
  'replied',
];

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Mantine puts `data-field` on the input itself, or on the group around radios. */
function focusField(field: Field | undefined): void {
  if (!field) return;
  const node = document.querySelector<HTMLElement>(`[data-field="${field}"]`);
  const target = node?.matches('input, textarea')
    ? node
    : node?.querySelector<HTMLElement>('input, textarea');
  target?.focus();
}

/** The report form: what happened, where, and screenshots; uploads follow once the report exists. */
export function ReportForm({ draft }: { draft?: ReportDraft }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useCreateReport();
  // One key per form: a retry after a lost answer returns the report already made.
  const [idempotencyKey] = useState(newIdempotencyKey);

  const [platform, setPlatform] = useState<Platform | null>(null);
  const [profileUrl, setProfileUrl] = useState('');
  const [nameUsed, setNameUsed] = useState('');
  const [offered, setOffered] = useState('');
  const [messageText, setMessageText] = useState(draft?.messageText ?? '');
  const [occurredOn, setOccurredOn] = useState<string | null>(null);
  const [replied, setReplied] = useState<'yes' | 'no' | null>(null);
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [report, setReport] = useState<MyReportView | null>(null);
  const [uploading, setUploading] = useState(false);
  // Uploads outlive the page if the person leaves; only a mounted form may then navigate.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  /** A field's own error goes once the person changes it. */
  const edited = (field: Field) =>
    setClientErrors((current) => {
      if (!current[field]) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });

  const serverErrors: Record<string, string> = isApiError(create.error) ? create.error.fieldErrors() : {};
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };
  const otherServerErrors = Object.entries(serverErrors).filter(
    ([field]) => !FIELDS.includes(field as Field),
  );
  const formError =
    create.isError && Object.keys(serverErrors).length === 0
      ? create.error.message
      : otherServerErrors.map(([field, message]) => `${field}: ${message}`).join(' ') || null;
  const failed = files.filter((picked) => picked.status === 'failed');
  const locked = report !== null || create.isPending || uploading;

  const updateFile = (id: string, changes: Partial<PickedFile>) =>
    setFiles((current) => current.map((picked) => (picked.id === id ? { ...picked, ...changes } : picked)));

  /** Uploads every screenshot not yet uploaded, one after another; answers how many failed. */
  const uploadAll = async (created: MyReportView, pending: PickedFile[]): Promise<number> => {
    setUploading(true);
    let failures = 0;
    for (const picked of pending) {
      updateFile(picked.id, { status: 'uploading', progress: 0, error: undefined });
      try {
        await uploadAttachment(created.id, picked.file, (progress) => updateFile(picked.id, { progress }));
        updateFile(picked.id, { status: 'done', progress: 1 });
      } catch (error) {
        failures++;
        updateFile(picked.id, {
          status: 'failed',
          error: error instanceof Error ? error.message : 'the upload failed.',
        });
      }
    }
    setUploading(false);
    if (pending.length > 0) await queryClient.invalidateQueries({ queryKey: ['approaches', 'mine'] });
    return failures;
  };

  const finish = (created: MyReportView) => {
    if (!mounted.current) return;
    notifications.show({
      color: 'green',
      title: 'Report sent',
      message: `Your security team has it. Your reference is ${created.reference}.`,
    });
    navigate(`/approaches/mine/${created.id}`);
  };

  const send = async (created: MyReportView, pending: PickedFile[]) => {
    const failures = await uploadAll(created, pending);
    if (failures === 0) finish(created);
  };

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!platform) found.platform = 'Choose where the approach happened.';
    if (profileUrl.trim() && !isWebAddress(profileUrl.trim())) {
      found.profileUrl = 'Enter a web address starting with http:// or https://, or leave it empty.';
    }
    if (occurredOn && dayjs(occurredOn).isAfter(dayjs(), 'day'))
      found.occurredOn = 'The date cannot be in the future.';
    if (!replied) found.replied = 'Say whether you replied.';
    return found;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (report) return;
    const found = validate();
    setClientErrors(found);
    if (Object.keys(found).length > 0 || !platform || !replied) {
      // Take keyboard and screen-reader users to the first problem.
      focusField(FIELDS.find((field) => found[field]));
      return;
    }
    const request: CreateReportRequest = {
      platform,
      profileUrl: profileUrl.trim() || undefined,
      nameUsed: nameUsed.trim() || undefined,
      offered: offered.trim() || undefined,
      messageText: messageText.trim() || undefined,
      occurredOn: occurredOn ?? undefined,
      replied: replied === 'yes',
      checkAnswers: draft?.checkAnswers as Record<string, unknown> | undefined,
      idempotencyKey,
    };
    create.mutate(request, {
      onSuccess: (created) => {
        setReport(created);
        void send(created, files);
      },
    });
  };

  return (
    <Box
      component="form"
      onSubmit={submit}
      noValidate
      aria-label="Report an approach"
      data-testid="report-form"
    >
      <Stack gap="lg" maw={720}>
        {draft && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title="From your check">
            <Stack gap="xs">
              <Text size="sm">
                Your answers to the checker go with this report
                {draft.messageText ? ', and the message is filled in below' : ''}. Add anything else you know.
              </Text>
              {draft.rating && (
                <Group gap="xs">
                  <Text size="sm">The check rated it:</Text>
                  <RatingBadge rating={draft.rating} />
                </Group>
              )}
            </Stack>
          </Alert>
        )}
        {formError && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle aria-hidden />}
            title="Not sent"
            role="alert"
          >
            {formError}
          </Alert>
        )}
        <Select
          data-field="platform"
          label="Where did it happen?"
          placeholder="Choose a platform"
          data={PLATFORMS}
          value={platform}
          onChange={(value) => {
            setPlatform(value as Platform | null);
            edited('platform');
          }}
          required
          allowDeselect={false}
          disabled={locked}
          error={errors.platform}
          maw={360}
        />
        <TextInput
          data-field="profileUrl"
          label="Profile address"
          description={withCharacterCount(
            'The link to their profile, if there is one (copy it from the address bar).',
            profileUrl,
            REPORT_TEXT_LIMITS.profileUrl,
          )}
          placeholder="https://"
          type="url"
          inputMode="url"
          autoComplete="off"
          maxLength={REPORT_TEXT_LIMITS.profileUrl}
          value={profileUrl}
          onChange={(event) => {
            setProfileUrl(event.currentTarget.value);
            edited('profileUrl');
          }}
          disabled={locked}
          error={errors.profileUrl}
        />
        <TextInput
          data-field="nameUsed"
          label="Name they used"
          description={withCharacterCount(
            'The name on the profile or under the message.',
            nameUsed,
            REPORT_TEXT_LIMITS.nameUsed,
          )}
          autoComplete="off"
          maxLength={REPORT_TEXT_LIMITS.nameUsed}
          value={nameUsed}
          onChange={(event) => setNameUsed(event.currentTarget.value)}
          disabled={locked}
          error={errors.nameUsed}
        />
        <Textarea
          data-field="offered"
          label="What did they offer or ask for?"
          description={withCharacterCount(
            'A job, paid work, travel, a meeting — in your own words.',
            offered,
            REPORT_TEXT_LIMITS.offered,
          )}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={REPORT_TEXT_LIMITS.offered}
          value={offered}
          onChange={(event) => setOffered(event.currentTarget.value)}
          disabled={locked}
          error={errors.offered}
        />
        <Textarea
          data-field="messageText"
          label="The message"
          description={withCharacterCount(
            'Paste the message or connection request, if you have it.',
            messageText,
            REPORT_TEXT_LIMITS.messageText,
          )}
          autosize
          minRows={4}
          maxRows={14}
          maxLength={REPORT_TEXT_LIMITS.messageText}
          value={messageText}
          onChange={(event) => setMessageText(event.currentTarget.value)}
          disabled={locked}
          error={errors.messageText}
        />
        <DateInput
          data-field="occurredOn"
          label="When did it happen?"
          description="The day of the first contact, roughly is fine."
          value={occurredOn}
          onChange={(value) => {
            setOccurredOn(value);
            edited('occurredOn');
          }}
          maxDate={dayjs().format('YYYY-MM-DD')}
          valueFormat="D MMMM YYYY"
          placeholder="Pick a date"
          leftSection={<IconCalendar size={16} aria-hidden />}
          clearable
          disabled={locked}
          error={errors.occurredOn}
          maw={280}
        />
        <Radio.Group
          data-field="replied"
          label="Did you reply?"
          description="Replying is not a mistake: it just helps your security team to know."
          value={replied}
          onChange={(value) => {
            setReplied(value === 'yes' || value === 'no' ? value : null);
            edited('replied');
          }}
          required
          error={errors.replied}
        >
          <Group gap="xl" mt="xs">
            <Radio value="yes" label="Yes" disabled={locked} />
            <Radio value="no" label="No" disabled={locked} />
          </Group>
        </Radio.Group>
        <ScreenshotPicker files={files} onChange={setFiles} locked={locked} />

        {report && failed.length > 0 && !uploading && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertCircle aria-hidden />}
            title="Your report was sent, but not every screenshot"
            role="alert"
          >
            <Stack gap="sm" align="flex-start">
              <Text size="sm">
                Report {report.reference} has reached your security team.{' '}
                {failed.length === 1 ? 'One screenshot' : `${failed.length} screenshots`} could not be
                uploaded; the reason is shown next to each.
              </Text>
              <Group gap="sm">
                <Button size="xs" onClick={() => void send(report, failed)}>
                  Try the upload again
                </Button>
                <Button size="xs" variant="default" onClick={() => finish(report)}>
                  Continue without them
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}

        {!report && (
          <Group gap="md">
            <Button
              type="submit"
              size="md"
              loading={create.isPending}
              leftSection={<IconSend size={18} aria-hidden />}
            >
              Send report
            </Button>
            {!draft && (
              <Text size="sm" c="dimmed">
                Not sure yet?{' '}
                <Anchor component={Link} to="/approaches/check" underline="always">
                  Check it first
                </Anchor>
                .
              </Text>
            )}
          </Group>
        )}
        {report && uploading && (
          <Text size="sm" role="status">
            Report {report.reference} sent. Uploading screenshots…
          </Text>
        )}
        <Text size="sm" c="dimmed">
          Only you and your organisation’s security officers can see this report.
        </Text>
      </Stack>
    </Box>
  );
}
