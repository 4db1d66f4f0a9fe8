import type { VersionDiffResponse, VersionHistoryEntry } from '@countersign/contracts/authoring';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { libraryKey } from './library';

/*
 * Version history, diffs and export. The keys sit under the library's key, so whatever refreshes
 * the library (publishing, importing, archiving) refreshes these too.
 */

const versionsPath = (moduleId: string) => `/authoring/modules/${moduleId}/versions`;

export const versionsQueryOptions = (moduleId: string) =>
  queryOptions({
    queryKey: [...libraryKey, moduleId, 'versions'],
    queryFn: ({ signal }) => apiClient.get<VersionHistoryEntry[]>(versionsPath(moduleId), undefined, signal),
    // Publishing in the editor may have happened a moment ago: always look again on arrival.
    staleTime: 0,
  });

export function useVersions(moduleId: string) {
  return useQuery(versionsQueryOptions(moduleId));
}

export const versionDiffQueryOptions = (moduleId: string, from: number, to: number) =>
  queryOptions({
    queryKey: [...libraryKey, moduleId, 'diff', from, to],
    queryFn: ({ signal }) =>
      apiClient.get<VersionDiffResponse>(`/authoring/modules/${moduleId}/diff`, { from, to }, signal),
    // A draft changes while it is edited; published versions never do, so this is cheap to redo.
    staleTime: 0,
  });

/** The diff between two versions; nothing is fetched until both are chosen and differ. */
export function useVersionDiff(moduleId: string, from: number | null, to: number | null) {
  return useQuery({
    ...versionDiffQueryOptions(moduleId, from ?? 0, to ?? 0),
    enabled: from !== null && to !== null && from !== to,
  });
}

/** `<slug>-v<N>.json`, the name the API gives the download too. */
export function exportFileName(slug: string, version: number): string {
  return `${slug}-v${version}.json`;
}

/**
 * Downloads one version as the portable JSON document. The document is handed to the browser as
 * is: the web never needs to look inside it.
 */
export function useExportVersion(moduleId: string, slug: string) {
  return useMutation({
    mutationFn: (version: number) =>
      apiClient.download(`${versionsPath(moduleId)}/${version}/export`, exportFileName(slug, version)),
  });
}
