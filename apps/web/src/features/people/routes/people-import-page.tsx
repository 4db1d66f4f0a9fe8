import type { ImportSummary } from '@countersign/contracts/people-import';
import { IMPORT_COLUMNS } from '@countersign/contracts/people-import';
import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconDownload, IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../../components/ui/page-header';
import { ScrollTable } from '../../../components/ui/scroll-table';
import { formatCount, plural } from '../../../lib/format';
import { downloadResult, downloadTemplate, useApplyImport, usePreviewImport } from '../api/people-import';

/** The figures of a preview or an import, in words. */
export function summaryFigures(summary: ImportSummary): { label: string; value: string }[] {
  return [
    { label: 'To create', value: formatCount(summary.created) },
    { label: 'To update', value: formatCount(summary.updated) },
    { label: 'Unchanged', value: formatCount(summary.unchanged) },
    { label: 'To deactivate', value: formatCount(summary.deactivated) },
    { label: 'New departments', value: formatCount(summary.departmentsCreated) },
    { label: 'Invitations', value: formatCount(summary.invitations) },
  ];
}

/**
 * Administrators bring people in from a CSV file: a preview that names every problem by line and
 * column and writes nothing, then an import that writes everything or nothing.
 */
export function PeopleImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [deactivateMissing, setDeactivateMissing] = useState(false);
  const [progress, setProgress] = useState(0);
  const preview = usePreviewImport();
  const apply = useApplyImport();
  const busy = preview.isPending || apply.isPending;
  const summary = preview.data;
  const applied = apply.data;

  const reset = () => {
    preview.reset();
    apply.reset();
    setProgress(0);
  };
  const check = () => {
    if (!file) return;
    apply.reset();
    setProgress(0);
    preview.mutate({ file, deactivateMissing, onProgress: setProgress });
  };
  const run = () => {
    if (!file) return;
    setProgress(0);
    apply.mutate({ file, deactivateMissing, onProgress: setProgress });
  };
  // Sending the file is measured; after it, the server's checking is shown as ongoing.
  const phase = progress < 1 ? `Uploading… ${Math.round(progress * 100)}%` : 'Checking every line…';

  return (
    <>
      <PageHeader
        title="Import people"
        description="Add and update many people at once from a CSV file. You see what would change, and every problem, before anything is written."
        actions={
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => void downloadTemplate()}
          >
            Download the template
          </Button>
        }
      />
      <Paper withBorder radius="lg" p="lg">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Columns: {IMPORT_COLUMNS.join(', ')}. Only email and name are required; a column you leave out
            keeps what people have.
          </Text>
          <FileInput
            label="CSV file"
            accept=".csv,text/csv"
            leftSection={<IconFileTypeCsv size={16} aria-hidden />}
            value={file}
            onChange={(next) => {
              setFile(next);
              reset();
            }}
            clearable
          />
          <Checkbox
            label="Deactivate active people who are not in the file (leavers)"
            checked={deactivateMissing}
            onChange={(event) => {
              setDeactivateMissing(event.currentTarget.checked);
              reset();
            }}
          />
          <Group>
            <Button onClick={check} disabled={!file || busy} loading={preview.isPending}>
              Check the file
            </Button>
            {summary && summary.problemCount === 0 && !applied && (
              <Button color="green" onClick={run} disabled={busy} loading={apply.isPending}>
                Import {plural(summary.created + summary.updated + summary.deactivated, 'change')}
              </Button>
            )}
          </Group>
          {busy && (
            <Stack gap={4} aria-live="polite">
              <Text size="sm">{phase}</Text>
              <Progress
                value={progress < 1 ? progress * 100 : 100}
                animated={progress >= 1}
                aria-label={phase}
              />
            </Stack>
          )}
          {(preview.error ?? apply.error) && (
            <Alert color="red" title="The file was not imported">
              {(preview.error ?? apply.error)!.message}
            </Alert>
          )}
          {applied && (
            <Alert color="green" title="Imported">
              <Stack gap="xs">
                <Text size="sm">
                  {plural(applied.created, 'person', 'people')} created, {applied.updated} updated,{' '}
                  {applied.deactivated} deactivated
                  {applied.invitations ? `; ${plural(applied.invitations, 'invitation')} queued` : ''}.
                </Text>
                <Group>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconDownload size={14} aria-hidden />}
                    onClick={() => void downloadResult(applied.importId)}
                  >
                    Download the result
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {summary && !applied && <PreviewResult summary={summary} />}
        </Stack>
      </Paper>
    </>
  );
}

export function PreviewResult({ summary }: { summary: ImportSummary }) {
  return (
    <Stack gap="md" data-testid="import-preview">
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
        {summaryFigures(summary).map((f) => (
          <Paper key={f.label} withBorder p="sm" radius="md">
            <Text size="xs" c="dimmed">
              {f.label}
            </Text>
            <Text fw={700} size="lg">
              {f.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {summary.problemCount === 0 ? (
        <Alert color="green" title="No problems">
          {plural(summary.rows, 'line')} checked. Nothing has been written yet.
        </Alert>
      ) : (
        <>
          <Alert color="red" title={`${plural(summary.problemCount, 'problem')} to fix`}>
            Nothing can be imported until every problem is fixed. Correct the file and check it again.
            {summary.problemCount > summary.problems.length &&
              ` The first ${formatCount(summary.problems.length)} are listed.`}
          </Alert>
          <ScrollTable label="Problems in the file" minWidth={600}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th>
                <Table.Th>Column</Table.Th>
                <Table.Th>Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.problems.map((p, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{p.line ?? 'Whole file'}</Table.Td>
                  <Table.Td>{p.column ?? '—'}</Table.Td>
                  <Table.Td>{p.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </>
      )}
    </Stack>
  );
}
