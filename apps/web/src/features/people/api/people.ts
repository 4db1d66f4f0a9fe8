import type {
  CreatePersonRequest,
  InvitationDelivery,
  InvitationResult,
  InvitationSettings,
  PersonListQuery,
  PersonPage,
  PersonView,
  UpdatePersonRequest,
} from '@countersign/contracts/people';
import {
  keepPreviousData,
  type QueryClient,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

const LIST_KEY = ['people', 'list'] as const;

export function peopleQueryOptions(query: PersonListQuery) {
  return queryOptions({
    queryKey: [...LIST_KEY, query],
    queryFn: ({ signal }) => apiClient.get<PersonPage>('/people', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The list a query shows, whatever its page. */
function sameList(a: PersonListQuery, b: PersonListQuery): boolean {
  const listOf = ({ page: _page, after: _after, ...rest }: PersonListQuery) =>
    rest as Record<string, unknown>;
  const [x, y] = [listOf(a), listOf(b)];
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].every((key) => x[key] === y[key]);
}

/**
 * One page of the people list. When the page before is in the cache (Next, Back) the request
 * carries its cursor and the API serves the page by keyset; otherwise by offset.
 */
export function usePeople(query: PersonListQuery) {
  const queryClient = useQueryClient();
  const page = typeof query.page === 'number' ? query.page : 1;
  let after: string | undefined;
  if (page > 1) {
    for (const [key, data] of queryClient.getQueriesData<PersonPage>({ queryKey: LIST_KEY })) {
      const other = key[2] as PersonListQuery | undefined;
      if (other && data?.nextCursor && data.page === page - 1 && sameList(other, query)) {
        after = data.nextCursor;
        break;
      }
    }
  }
  return useQuery(peopleQueryOptions({ ...query, after }));
}

/** A change to a person shows in every list and report that names them. */
async function afterChange(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['people'] }),
    queryClient.invalidateQueries({ queryKey: ['directory'] }),
    queryClient.invalidateQueries({ queryKey: ['progress'] }),
  ]);
}

const personPath = (userId: string, action?: 'deactivate' | 'reactivate') =>
  `/people/${encodeURIComponent(userId)}${action ? `/${action}` : ''}`;

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreatePersonRequest) => apiClient.post<PersonView>('/people', request),
    onSuccess: () => afterChange(queryClient),
  });
}

export function useUpdatePerson(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdatePersonRequest) => apiClient.put<PersonView>(personPath(userId), request),
    onSuccess: () => afterChange(queryClient),
  });
}

export function useSetPersonActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, active }: { userId: string; active: boolean }) =>
      apiClient.post<PersonView>(personPath(userId, active ? 'reactivate' : 'deactivate')),
    onSuccess: () => afterChange(queryClient),
  });
}

/** Whether this installation can email invitations (it has a mail server), and for how long links last. */
export function useInvitationSettings() {
  return useQuery({
    queryKey: ['people', 'invitation-settings'],
    queryFn: ({ signal }) =>
      apiClient.get<InvitationSettings>('/people/invitations/settings', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** A new invitation link for the person, emailed or handed back to copy; older links stop working. */
export function useSendInvitation(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (delivery: InvitationDelivery) =>
      apiClient.post<InvitationResult>(`${personPath(userId)}/invitation`, { delivery }),
    onSuccess: () => afterChange(queryClient),
  });
}
