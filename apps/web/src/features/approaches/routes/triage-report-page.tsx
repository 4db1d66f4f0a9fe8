import type { TriageReportView } from '@countersign/contracts/approaches';
import { Anchor, Box, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconDownload } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { SectionCard } from '../../../components/ui/section-card';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { useExportReport, useTriageReport } from '../api/triage-report';
import { AssigneeSelect } from '../components/assignee-select';
import { AttachmentGallery } from '../components/attachment-gallery';
import { AuditTrail } from '../components/audit-trail';
import { FlagList } from '../components/flag-list';
import { LinkedReports } from '../components/linked-reports';
import { NotesPanel } from '../components/notes-panel';
import { OutcomePanel } from '../components/outcome-panel';
import { RatingBadge, ReportStatusBadge } from '../components/report-badges';
import { ReportFacts } from '../components/report-facts';
import { StatusControl } from '../components/status-control';
import { ReportLoadState } from '../components/report-load-state';
import { StatusTimeline } from '../components/status-timeline';

function ExportButton({ report }: { report: TriageReportView }) {
  const exportReport = useExportReport(report.id, report.reference);
  return (
    <Stack gap={4}>
      <Button
        variant="default"
        leftSection={<IconDownload size={18} aria-hidden />}
        loading={exportReport.isPending}
        onClick={() => exportReport.mutate()}
      >
        Export for the authorities
      </Button>
      <Text size="xs" c="dimmed">
        A JSON file with the report, its flags, screenshots list and history. The export is recorded.
      </Text>
      {exportReport.isError && (
        <Text size="sm" c="red.8" role="alert">
          The export failed: {exportReport.error.message}
        </Text>
      )}
    </Stack>
  );
}

function ReportHeader({ report }: { report: TriageReportView }) {
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
          <Text size="sm" c="dimmed">
            {report.firstReviewedAt
              ? `First reviewed ${formatDateTime(report.firstReviewedAt)}`
              : 'Not reviewed yet'}
          </Text>
        </Box>
      </Stack>
    </Paper>
  );
}

/** One report for officers: everything reported, the checker's flags, triage, notes and history. */
export function TriageReportPage() {
  const { reportId = '' } = useParams();
  const report = useTriageReport(reportId);
  const data = report.data;
  useDocumentTitle(`${data ? `Report ${data.reference}` : 'Report'} · Countersign`);

  return (
    <Stack gap="lg" data-testid="report-detail">
      <Anchor component={Link} to="/triage" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          Approach reports
        </Group>
      </Anchor>
      <ReportLoadState query={report} />
      {data && (
        <>
          <ReportHeader report={data} />
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Stack gap="lg">
                {data.status === 'closed' && data.outcome && (
                  <OutcomePanel outcome={data.outcome} title="Outcome sent to the reporter" />
                )}
                <SectionCard title="What was reported">
                  <ReportFacts report={data} />
                </SectionCard>
                <SectionCard title={`Red flags (${data.flags.length})`}>
                  <FlagList
                    flags={data.flags}
                    message={data.messageText}
                    withAdvice={false}
                    answersLabel="From the reporter’s answers"
                  />
                </SectionCard>
                <SectionCard title={`Screenshots (${data.attachments.length})`}>
                  <AttachmentGallery attachments={data.attachments} />
                </SectionCard>
                <SectionCard title={`Linked reports (${data.linked.length})`}>
                  <LinkedReports linked={data.linked} />
                </SectionCard>
                <NotesPanel report={data} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Stack gap="lg">
                <SectionCard title="Triage">
                  <Stack gap="lg">
                    <AssigneeSelect report={data} />
                    <StatusControl report={data} />
                    <ExportButton report={data} />
                  </Stack>
                </SectionCard>
                <SectionCard title="Status history">
                  <StatusTimeline history={data.statusHistory} withPeople />
                </SectionCard>
              </Stack>
            </Grid.Col>
          </Grid>
          <AuditTrail reportId={data.id} />
        </>
      )}
    </Stack>
  );
}
