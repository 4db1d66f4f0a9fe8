import type { OrganisationSettings, UpdateSettingsInput } from '@countersign/contracts/settings';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export function useSettings() {
  return useQuery({
    queryKey: ['settings'],
    queryFn: ({ signal }) => apiClient.get<OrganisationSettings>('/settings', undefined, signal),
  });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSettingsInput) => apiClient.put<OrganisationSettings>('/settings', input),
    onSuccess: (settings) => {
      queryClient.setQueryData(['settings'], settings);
      return queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
