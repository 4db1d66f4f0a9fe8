import type { ProgressExportQuery } from '@countersign/contracts/progress';
import { Button, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useExportProgress } from '../api/progress-export';

/** "Export CSV": every row of the list as filtered and sorted on screen, as one file. */
export function ExportCsvButton({ filters }: { filters: ProgressExportQuery }) {
  const exportCsv = useExportProgress();
  return (
    <Stack gap={4} align="flex-end">
      <Button
        variant="default"
        leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
        loading={exportCsv.isPending}
        onClick={() => exportCsv.mutate(filters)}
      >
        Export CSV
      </Button>
      {exportCsv.isPending && (
        <Text size="xs" c="dimmed" role="status">
          Preparing the file…
        </Text>
      )}
      {exportCsv.isError && (
        <Text size="sm" c="red.8" role="alert" maw={320} ta="right">
          The export failed: {exportCsv.error.message}
        </Text>
      )}
    </Stack>
  );
}
