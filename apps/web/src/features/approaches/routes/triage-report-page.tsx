import type { TriageReportView } from '@countersign/contracts/approaches';
import { Anchor, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconDownload } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { SectionCard } from '../../../components/ui/section-card';
import { useExportReport, useTriageReport } from '../api/triage-report';
import { AssigneeSelect } from '../components/assignee-select';
import { AttachmentGallery } from '../components/attachment-gallery';
import { AuditTrail } from '../components/audit-trail';
import { FlagList } from '../components/flag-list';
import { LinkedReports } from '../components/linked-reports';
import { NotesPanel } from '../components/notes-panel';
import { OutcomePanel } from '../components/outcome-panel';
import { ReportFacts } from '../components/report-facts';
import { ReportHeader } from '../components/report-header';
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
