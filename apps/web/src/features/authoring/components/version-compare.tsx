import type { VersionHistoryEntry } from '@countersign/contracts/authoring';
import {
  ActionIcon,
  Alert,
  Button,
  EmptyState,
  Group,
  Select,
  Skeleton,
  Stack,
  Tooltip,
} from '@mantine/core';
import { IconArrowsExchange, IconGitCompare, IconPencil } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { formatDate } from '../../../lib/format';
import { useVersionDiff } from '../api/versions';
import { VersionDiff } from './version-diff';

interface VersionCompareProps {
  moduleId: string;
  /** Newest first, as the API answers. */
  versions: readonly VersionHistoryEntry[];
  from: number;
  to: number;
  onChange: (from: number, to: number) => void;
}

function optionLabel(entry: VersionHistoryEntry): string {
  if (entry.status === 'draft') return `v${entry.version} — draft`;
  return `v${entry.version} — published ${formatDate(entry.publishedAt)}`;
}

/** Two version pickers and the readable difference between the chosen versions. */
export function VersionCompare({ moduleId, versions, from, to, onChange }: VersionCompareProps) {
  const diff = useVersionDiff(moduleId, from, to);
  // Oldest first reads naturally in a picker.
  const options = [...versions].reverse().map((entry) => ({
    value: String(entry.version),
    label: optionLabel(entry),
  }));

  return (
    <Stack gap="lg">
      <Group align="flex-end" gap="sm">
        <Select
          label="From version"
          data={options}
          value={String(from)}
          onChange={(value) => value && onChange(Number(value), to)}
          allowDeselect={false}
          w={260}
        />
        <Tooltip label="Swap the versions">
          <ActionIcon
            variant="default"
            size="lg"
            mb={1}
            onClick={() => onChange(to, from)}
            aria-label="Swap the versions"
          >
            <IconArrowsExchange size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Select
          label="To version"
          data={options}
          value={String(to)}
          onChange={(value) => value && onChange(from, Number(value))}
          allowDeselect={false}
          w={260}
        />
      </Group>

      {from === to && (
        <Alert color="gray" variant="light">
          Choose two different versions to see what changed between them.
        </Alert>
      )}
      {from !== to && diff.isPending && (
        <Stack gap="sm" role="status" aria-label="Comparing the versions">
          <Skeleton h={20} w="40%" radius="sm" />
          <Skeleton h={56} radius="md" />
          <Skeleton h={56} radius="md" />
          <Skeleton h={56} radius="md" />
        </Stack>
      )}
      {from !== to && diff.isError && (
        <ErrorState
          error={diff.error}
          title={`Could not compare v${from} with v${to}`}
          onRetry={() => void diff.refetch()}
        />
      )}
      {from !== to && diff.data && <VersionDiff result={diff.data} />}
    </Stack>
  );
}

/** What the comparison shows while the module has a single version. */
export function CompareEmptyState({ moduleId }: { moduleId: string }) {
  return (
    <EmptyState
      icon={<IconGitCompare size={32} aria-hidden />}
      withIndicatorBackground
      title="Publish a second version to compare"
      description="Comparing shows which steps, quiz questions and settings were added, removed or changed between two versions. This module has only one version so far."
      py="xl"
      data-testid="compare-empty"
    >
      <EmptyState.Actions>
        <Button
          variant="light"
          component={Link}
          to={`/admin/modules/${moduleId}/edit`}
          leftSection={<IconPencil size={16} aria-hidden />}
        >
          Edit the module
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
