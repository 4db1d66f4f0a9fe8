import { Paper } from '@mantine/core';
import { useLocation } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { ReportForm } from '../components/report-form';
import { readReportDraft } from '../components/report-draft';

/** "Report an approach", straight away or carrying a check's answers and message. */
export function ReportPage() {
  const location = useLocation();
  const draft = readReportDraft(location.state);
  return (
    <>
      <PageHeader
        title="Report an approach"
        description="Tell your security team what happened. Only the platform and whether you replied are required; add what you can."
      />
      <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} maw={800}>
        {/* A new draft (another check) starts a new form, with a new idempotency key. */}
        <ReportForm key={location.key} draft={draft} />
      </Paper>
    </>
  );
}
