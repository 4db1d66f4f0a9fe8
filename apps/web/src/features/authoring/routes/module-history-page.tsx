import { Alert, Anchor, Box, Button, Skeleton, Stack } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { SectionCard } from '../../../components/ui/section-card';
import { isApiError } from '../../../lib/api-client';
import { libraryQueryOptions } from '../api/library';
import { useVersions } from '../api/versions';
import { CompareEmptyState, VersionCompare } from '../components/version-compare';
import { VersionHistoryTable } from '../components/version-history-table';
import { comparedPair } from '../components/version-pair';

function HistorySkeleton() {
  return (
    <Stack gap="sm" role="status" aria-label="Loading the version history">
      <Skeleton h={40} radius="md" />
      <Skeleton h={48} radius="md" />
      <Skeleton h={48} radius="md" />
      <Skeleton h={160} radius="md" mt="lg" />
    </Stack>
  );
}

/** Every version of a module, with export of each and a comparison of any two. */
export function ModuleHistoryPage() {
  const { moduleId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const versions = useVersions(moduleId);
  // Title and slug come from the library, which is usually cached from the page before.
  const module = useQuery({
    ...libraryQueryOptions,
    select: (modules) => modules.find((m) => m.id === moduleId) ?? null,
  });
  const compareRef = useRef<HTMLDivElement>(null);

  const title = module.data ? `History: ${module.data.title}` : 'Module history';
  const notFound = isApiError(versions.error) && versions.error.isNotFound;
  const pair = versions.data ? comparedPair(versions.data, params) : null;

  const compare = (from: number, to: number, reveal = false) => {
    setParams({ from: String(from), to: String(to) }, { replace: true, preventScrollReset: true });
    if (reveal) {
      compareRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      compareRef.current?.focus({ preventScroll: true });
    }
  };

  return (
    <>
      <Anchor component={Link} to="/admin/modules" size="sm">
        ← Module library
      </Anchor>
      <PageHeader
        title={title}
        description="Every version of this module: who published it and when. Export any version as JSON, or compare two to see what changed."
        actions={
          !notFound && (
            <Button
              variant="light"
              component={Link}
              to={`/admin/modules/${moduleId}/edit`}
              leftSection={<IconPencil size={16} aria-hidden />}
            >
              Edit module
            </Button>
          )
        }
      />

      {versions.isPending && <HistorySkeleton />}
      {versions.isError && (
        <ErrorState
          error={versions.error}
          title={notFound ? 'Module not found' : 'Could not load the version history'}
          onRetry={notFound ? undefined : () => void versions.refetch()}
        />
      )}
      {versions.data && (
        <Stack gap="xl">
          <SectionCard title="Versions">
            {versions.data.length === 0 ? (
              <Alert color="gray" variant="light">
                This module has no versions yet.
              </Alert>
            ) : (
              <VersionHistoryTable
                moduleId={moduleId}
                slug={module.data?.slug ?? 'module'}
                versions={versions.data}
                onCompare={(from, to) => compare(from, to, true)}
              />
            )}
          </SectionCard>
          <Box ref={compareRef} tabIndex={-1} style={{ outline: 'none', scrollMarginTop: 80 }}>
            <SectionCard title="Compare versions">
              {pair ? (
                <VersionCompare
                  moduleId={moduleId}
                  versions={versions.data}
                  from={pair.from}
                  to={pair.to}
                  onChange={(from, to) => compare(from, to)}
                />
              ) : (
                <CompareEmptyState moduleId={moduleId} />
              )}
            </SectionCard>
          </Box>
        </Stack>
      )}
    </>
  );
}
