import {
  REPORT_TRANSITIONS,
  type ReportStatus,
  type TriageReportView,
} from '@countersign/contracts/approaches';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowUpRight, IconCircleCheck, IconEye } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api-client';
import { useChangeStatus } from '../api/triage-report';
import { ReportStatusBadge, STATUS_LABELS } from './report-badges';

const MAX_OUTCOME_LENGTH = 2000;

function actionLabel(from: ReportStatus, to: ReportStatus): string {
  if (to === 'in-review') return from === 'closed' ? 'Reopen for review' : 'Start review';
  if (to === 'escalated') return 'Escalate';
  if (to === 'closed') return 'Close with an outcome';
  return STATUS_LABELS[to];
}

const ACTION_ICONS = {
  'in-review': IconEye,
  escalated: IconArrowUpRight,
  closed: IconCircleCheck,
  new: IconEye,
};

const CONSEQUENCE: Record<ReportStatus, string> = {
  new: '',
  'in-review': 'The reporter sees that the report is being looked into.',
  escalated: 'The reporter sees that the report was escalated for further action.',
  closed: 'The reporter is notified and sees the outcome below. Internal notes stay internal.',
};

interface StatusModalProps {
  report: TriageReportView;
  target: ReportStatus | null;
  onClose: () => void;
}

/** Confirms a status change; closing asks for the outcome the reporter will read. */
function StatusModal({ report, target, onClose }: StatusModalProps) {
  const change = useChangeStatus(report.id);
  const [outcome, setOutcome] = useState(report.outcome ?? '');
  const [outcomeError, setOutcomeError] = useState<string | null>(null);
  const closing = target === 'closed';
  const fieldErrors = isApiError(change.error) ? change.error.fieldErrors() : {};
  const formError =
    change.isError && !fieldErrors.outcome
      ? isApiError(change.error, 409)
        ? `${change.error.message} The page now shows the current status.`
        : change.error.message
      : null;

  const dismiss = () => {
    change.reset();
    setOutcomeError(null);
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!target) return;
    if (closing && !outcome.trim()) {
      setOutcomeError('Write what the reporter should be told.');
      return;
    }
    setOutcomeError(null);
    change.mutate(
      { status: target, ...(closing ? { outcome: outcome.trim() } : {}) },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: 'Status changed',
            message: `${report.reference} is now “${STATUS_LABELS[target]}”.`,
          });
          dismiss();
        },
      },
    );
  };

  return (
    <Modal
      opened={target !== null}
      onClose={dismiss}
      title={target ? `${actionLabel(report.status, target)}?` : ''}
      centered
      size="lg"
    >
      {target && (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Group gap="xs">
              <ReportStatusBadge status={report.status} />
              <Text size="sm" aria-hidden>
                →
              </Text>
              <ReportStatusBadge status={target} />
            </Group>
            <Text size="sm">{CONSEQUENCE[target]}</Text>
            {formError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" p="sm">
                {formError}
              </Alert>
            )}
            {closing && (
              <Textarea
                label="Outcome for the reporter"
                description="The reporter reads this. Thank them, say what was done, and what (if anything) they should do."
                required
                autosize
                minRows={4}
                maxRows={12}
                maxLength={MAX_OUTCOME_LENGTH}
                value={outcome}
                onChange={(event) => {
                  setOutcome(event.currentTarget.value);
                  setOutcomeError(null);
                }}
                error={outcomeError ?? fieldErrors.outcome}
                data-autofocus
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={dismiss} disabled={change.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={change.isPending}>
                {closing ? 'Close the report' : `Change to “${STATUS_LABELS[target]}”`}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** The moves allowed from the current status (REPORT_TRANSITIONS), each confirmed in a modal. */
export function StatusControl({ report }: { report: TriageReportView }) {
  const [target, setTarget] = useState<ReportStatus | null>(null);
  const allowed = REPORT_TRANSITIONS[report.status];

  return (
    <Stack gap="sm" data-testid="status-control">
      <Group gap="xs">
        <Text size="sm" fw={500}>
          Status:
        </Text>
        <ReportStatusBadge status={report.status} />
      </Group>
      <Group gap="xs">
        {allowed.map((status) => {
          const Icon = ACTION_ICONS[status];
          return (
            <Button
              key={status}
              variant={status === 'closed' ? 'filled' : 'default'}
              size="sm"
              leftSection={<Icon size={16} aria-hidden />}
              onClick={() => setTarget(status)}
            >
              {actionLabel(report.status, status)}
            </Button>
          );
        })}
      </Group>
      {/* Remounted per opening, so the outcome draft starts from the report each time. */}
      <StatusModal key={target ?? 'none'} report={report} target={target} onClose={() => setTarget(null)} />
    </Stack>
  );
}
