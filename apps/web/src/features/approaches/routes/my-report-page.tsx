import { Anchor, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { SectionCard } from '../../../components/ui/section-card';
import { formatDate } from '../../../lib/format';
import { useMyReport } from '../api/my-reports';
import { AttachmentGallery } from '../components/attachment-gallery';
import { FlagList } from '../components/flag-list';
import { OutcomePanel } from '../components/outcome-panel';
import { RatingBadge, ReportStatusBadge } from '../components/report-badges';
import { ReportFacts } from '../components/report-facts';
import { ReportLoadState } from '../components/report-load-state';
import { StatusTimeline } from '../components/status-timeline';

const STATUS_HINT = {
  new: 'Your security team has your report and will look at it soon.',
  'in-review': 'Your security team is looking into it.',
  escalated: 'Your security team has escalated it for further action.',
  closed: 'Your security team has closed this report.',
} as const;

/** One of the reporter's own reports: what they said, where it stands, and the outcome. */
export function MyReportPage() {
  const { reportId = '' } = useParams();
  const report = useMyReport(reportId);
  const data = report.data;
  useDocumentTitle(`${data ? `Report ${data.reference}` : 'Report'} · Countersign`);

  return (
    <Stack gap="lg" data-testid="my-report">
      <Anchor component={Link} to="/approaches/mine" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          My reports
        </Group>
      </Anchor>
      <ReportLoadState query={report} />
      {data && (
        <>
          <Paper withBorder radius="lg" p="lg">
            <Stack gap="sm">
              <Title order={1} fz="h2">
                Report {data.reference}
              </Title>
              <Group gap="sm">
                <ReportStatusBadge status={data.status} />
                <RatingBadge rating={data.rating} />
                <Text size="sm" c="dimmed">
                  Sent {formatDate(data.createdAt)}
                </Text>
              </Group>
              <Text>{STATUS_HINT[data.status]}</Text>
            </Stack>
          </Paper>
          {data.status === 'closed' && data.outcome && <OutcomePanel outcome={data.outcome} />}
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Stack gap="lg">
                <SectionCard title="What you reported">
                  <ReportFacts report={data} />
                </SectionCard>
                <SectionCard title={`Red flags (${data.flags.length})`}>
                  <FlagList flags={data.flags} message={data.messageText} />
                </SectionCard>
                <SectionCard title="Screenshots">
                  <AttachmentGallery attachments={data.attachments} />
                </SectionCard>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <SectionCard title="Progress">
                <StatusTimeline history={data.statusHistory} />
              </SectionCard>
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
