import type { DepartmentView } from '@countersign/contracts/directory';
import type { DepartmentMergeResult } from '@countersign/contracts/people';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

const departmentPath = (departmentId: string, action?: 'merge') =>
  `/departments/${encodeURIComponent(departmentId)}${action ? `/${action}` : ''}`;

/** Departments appear in filters, pickers, the people list and the officer's reports. */
async function afterChange(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['directory'] }),
    queryClient.invalidateQueries({ queryKey: ['people'] }),
    queryClient.invalidateQueries({ queryKey: ['progress'] }),
  ]);
}

export type DepartmentChange =
  | { kind: 'create'; name: string }
  | { kind: 'rename'; departmentId: string; name: string }
  | { kind: 'merge'; departmentId: string; intoDepartmentId: string }
  | { kind: 'delete'; departmentId: string };

export function useChangeDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: DepartmentChange): Promise<DepartmentView | DepartmentMergeResult | void> => {
      switch (change.kind) {
        case 'create':
          return apiClient.post<DepartmentView>('/departments', { name: change.name });
        case 'rename':
          return apiClient.put<DepartmentView>(departmentPath(change.departmentId), { name: change.name });
        case 'merge':
          return apiClient.post<DepartmentMergeResult>(departmentPath(change.departmentId, 'merge'), {
            intoDepartmentId: change.intoDepartmentId,
          });
        case 'delete':
          return apiClient.delete<void>(departmentPath(change.departmentId));
      }
    },
    onSuccess: () => afterChange(queryClient),
  });
}
