import type { ProgressListQuery, ProgressPage } from '@countersign/contracts/progress';
import {
  keepPreviousData,
  type QueryKey,
  queryOptions,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

const LIST_KEY = ['progress', 'list'] as const;

export function progressListQueryOptions(query: ProgressListQuery) {
  return queryOptions({
    queryKey: [...LIST_KEY, query],
    queryFn: ({ signal }) => apiClient.get<ProgressPage>('/progress', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The list a query shows, whatever its page: filters, sort and page size. */
function sameList(a: ProgressListQuery, b: ProgressListQuery): boolean {
  const listOf = ({ page: _page, after: _after, ...rest }: ProgressListQuery) => rest;
  const [x, y] = [listOf(a), listOf(b)] as Record<string, unknown>[];
  const keys = new Set([...Object.keys(x!), ...Object.keys(y!)]);
  return [...keys].every((key) => x![key] === y![key]);
}

/**
 * The keyset cursor that starts `page` of the list `query` shows: the `nextCursor` of the page
 * before it, when that page is in the query cache (fetched by offset or by cursor). Undefined
 * otherwise (page 1, a jump, a reload of a deep link): the page is then fetched by offset.
 */
export function cursorForPage(
  cached: readonly (readonly [QueryKey, ProgressPage | undefined])[],
  query: ProgressListQuery,
  page: number,
): string | undefined {
  if (page <= 1) return undefined;
  for (const [key, data] of cached) {
    const other = key[2] as ProgressListQuery | undefined;
    if (!other || !data?.nextCursor) continue;
    if (data.page === page - 1 && sameList(other, query)) return data.nextCursor;
  }
  return undefined;
}

/**
 * One page of the people list. Pages are numbered (and the number is in the URL), but when the
 * page before is already loaded (Next, Previous after going forward, Back) the request carries its
 * cursor, so the API serves the page by keyset instead of skipping every row before it: as fast at
 * page 2,000 as at page 1.
 */
export function useProgressList(query: ProgressListQuery) {
  const queryClient = useQueryClient();
  const cached = queryClient.getQueriesData<ProgressPage>({ queryKey: LIST_KEY });
  const after = cursorForPage(cached, query, typeof query.page === 'number' ? query.page : 1);
  return useQuery(progressListQueryOptions({ ...query, after }));
}
