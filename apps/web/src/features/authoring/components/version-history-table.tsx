import type { VersionHistoryEntry } from '@countersign/contracts/authoring';
import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsDiff, IconDownload } from '@tabler/icons-react';
import { noWrap, ScrollTable } from '../../../components/ui/scroll-table';
import { formatDateTime, plural } from '../../../lib/format';
import { useExportVersion } from '../api/versions';
import { LibraryStatusBadge } from './library-badges';

interface VersionHistoryTableProps {
  moduleId: string;
  slug: string;
  /** Newest first, as the API answers. */
  versions: readonly VersionHistoryEntry[];
  /** Compares a version with the one before it. */
  onCompare: (from: number, to: number) => void;
}

const NO_TRUNCATE = { root: { flexShrink: 0 }, label: { overflow: 'visible' } } as const;
/** The publisher's own line breaks kept; long words broken rather than widening the table. */
const NOTE_STYLE = { whiteSpace: 'pre-line', overflowWrap: 'anywhere' } as const;

/**
 * Every version of a module: its status, who published it when and why (the note, as plain
 * text), and what can be done with it.
 */
export function VersionHistoryTable({ moduleId, slug, versions, onCompare }: VersionHistoryTableProps) {
  const exportVersion = useExportVersion(moduleId, slug);
  const latestPublished = versions.find((v) => v.status === 'published')?.version ?? null;

  const download = (version: number) =>
    exportVersion.mutate(version, {
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: `Could not export version ${version}`,
          message: error.message,
        }),
    });

  return (
    <ScrollTable label="Versions" minWidth={860} data-testid="version-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Version</Table.Th>
          <Table.Th scope="col">Status</Table.Th>
          <Table.Th scope="col">Published</Table.Th>
          <Table.Th scope="col">Started</Table.Th>
          <Table.Th scope="col">Completed by</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {versions.map((entry, index) => {
          const previous = versions[index + 1];
          return (
            <Table.Tr key={entry.id} data-version={entry.version}>
              <Table.Th scope="row" fw={600} style={noWrap}>
                <Group gap="xs" wrap="nowrap">
                  <span>v{entry.version}</span>
                  {entry.version === latestPublished && (
                    <Badge size="sm" variant="outline" color="blue" styles={NO_TRUNCATE}>
                      Latest published
                    </Badge>
                  )}
                </Group>
              </Table.Th>
              <Table.Td>
                <LibraryStatusBadge status={entry.status} />
              </Table.Td>
              <Table.Td>
                {entry.publishedAt ? (
                  <>
                    <Text size="sm" style={noWrap}>
                      {formatDateTime(entry.publishedAt)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {entry.publishedBy ? `by ${entry.publishedBy.name}` : 'Publisher not recorded'}
                    </Text>
                    {entry.changeNote && (
                      <Text size="sm" mt={6} maw={420} style={NOTE_STYLE} data-testid="change-note">
                        <VisuallyHidden>What changed: </VisuallyHidden>
                        {entry.changeNote}
                      </Text>
                    )}
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    Not yet
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={noWrap}>
                <Text size="sm" c="dimmed">
                  {formatDateTime(entry.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td style={noWrap} data-testid="version-completions">
                <Text size="sm" c={entry.completions === 0 ? 'dimmed' : undefined}>
                  {entry.status === 'draft' ? '—' : plural(entry.completions, 'person', 'people')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap" justify="flex-end">
                  {previous && (
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconArrowsDiff size={14} aria-hidden />}
                      onClick={() => onCompare(previous.version, entry.version)}
                      aria-label={`Compare with v${previous.version}: what changed in v${entry.version}`}
                    >
                      Compare with v{previous.version}
                    </Button>
                  )}
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconDownload size={14} aria-hidden />}
                    onClick={() => download(entry.version)}
                    loading={exportVersion.isPending && exportVersion.variables === entry.version}
                    aria-label={`Export JSON of version ${entry.version}`}
                  >
                    Export JSON
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ScrollTable>
  );
}
