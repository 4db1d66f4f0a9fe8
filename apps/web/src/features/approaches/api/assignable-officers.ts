import type { UserSummary } from '@countersign/contracts/directory';
import { hasPermission } from '@countersign/contracts/permissions';
import { useQuery } from '@tanstack/react-query';
import { usersQueryOptions } from '../../directory/api/users';

/**
 * People a report can be assigned to: those whose role may triage. The directory has no role
 * filter, so the first (largest) page is filtered here; the assignee picker also searches by name.
 */
export function useAssignableOfficers(search: string) {
  const term = search.trim();
  const firstPage = useQuery(usersQueryOptions({ pageSize: 200 }));
  const found = useQuery({ ...usersQueryOptions({ q: term, pageSize: 50 }), enabled: term.length >= 2 });
  const byId = new Map<string, UserSummary>();
  for (const user of [
    ...(firstPage.data?.items ?? []),
    ...(term.length >= 2 ? (found.data?.items ?? []) : []),
  ]) {
    if (hasPermission(user.role, 'approaches:triage')) byId.set(user.id, user);
  }
  return {
    officers: [...byId.values()].sort((a, b) => a.name.localeCompare(b.name)),
    isPending: firstPage.isPending,
    isError: firstPage.isError,
  };
}
