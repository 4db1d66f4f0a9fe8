import type { StatusChange } from '@countersign/contracts/approaches';
import { Text, Timeline } from '@mantine/core';
import { formatDateTime } from '../../../lib/format';
import { STATUS_LABELS } from './report-badges';

interface StatusTimelineProps {
  history: readonly StatusChange[];
  /** Officers see who made each change; the reporter sees only what and when. */
  withPeople?: boolean;
}

function describe(change: StatusChange): string {
  if (change.from === null) return 'Reported';
  if (change.from === 'closed') return `Reopened: ${STATUS_LABELS[change.to]}`;
  return STATUS_LABELS[change.to];
}

/** The report's path through the statuses, oldest first. */
export function StatusTimeline({ history, withPeople = false }: StatusTimelineProps) {
  if (history.length === 0) return <Text c="dimmed">No changes yet.</Text>;
  return (
    <Timeline active={history.length - 1} bulletSize={16} lineWidth={2} role="list">
      {history.map((change, index) => (
        <Timeline.Item key={`${change.at}-${index}`} title={describe(change)} role="listitem">
          <Text size="sm" c="dimmed">
            {formatDateTime(change.at)}
            {withPeople && change.by ? ` · ${change.by.name}` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
