import type { TriageReportView } from '@countersign/contracts/approaches';
import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { RatingBadge, ReportStatusBadge } from './report-badges';

/**
 * When the security team first reviewed the report. Opening a report stamps that time (it is what
 * "time to first review" measures), but while the status is still New nobody has triaged it yet,
 * and "First reviewed 06:35" beside a New badge read as a contradiction: so it waits for a status.
 */
export function reviewLine(report: Pick<TriageReportView, 'status' | 'firstReviewedAt'>): string {
  if (report.status === 'new') return 'Not triaged yet: the status is still New.';
  if (!report.firstReviewedAt) return 'Not reviewed yet';
  return `First reviewed ${formatDateTime(report.firstReviewedAt)}`;
}

/** The report's reference, rating, status, when it came in, who sent it and when it was reviewed. */
export function ReportHeader({ report }: { report: TriageReportView }) {
  return (
    <Paper withBorder radius="lg" p="lg">
      <Stack gap="sm">
        <Title order={1} fz="h2">
          Report {report.reference}
        </Title>
        <Group gap="sm">
          <RatingBadge rating={report.rating} />
          <ReportStatusBadge status={report.status} />
          <Text size="sm" c="dimmed">
            Received {formatDateTime(report.createdAt)} ({formatRelative(report.createdAt)})
          </Text>
        </Group>
        <Box>
          <Text size="sm">
            <Text span fw={600}>
              Reporter:
            </Text>{' '}
            {report.reporter.name} · {report.reporter.email} · {report.reporter.department ?? 'No department'}
          </Text>
          <Text size="sm" c="dimmed" data-testid="review-line">
            {reviewLine(report)}
          </Text>
        </Box>
      </Stack>
    </Paper>
  );
}
