import type { CorpusEvaluation, RuleSet } from '@countersign/approach-checker';
import type { ApproachRulesView } from '@countersign/contracts/approaches';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** What GET/PUT/DELETE /approaches/rules answer. */
export type CheckerRulesView = ApproachRulesView<RuleSet, CorpusEvaluation>;

const rulesKey = ['approaches', 'rules'] as const;

export const checkerRulesQueryOptions = queryOptions({
  queryKey: rulesKey,
  queryFn: ({ signal }) => apiClient.get<CheckerRulesView>('/approaches/rules', undefined, signal),
});

export function useCheckerRules() {
  return useQuery(checkerRulesQueryOptions);
}

function isRulesView(value: unknown): value is CheckerRulesView {
  return typeof value === 'object' && value !== null && 'rules' in value && 'evaluation' in value;
}

export function useSaveRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: RuleSet) => apiClient.put<unknown>('/approaches/rules', rules),
    onSuccess: (response) =>
      isRulesView(response)
        ? queryClient.setQueryData(rulesKey, response)
        : queryClient.invalidateQueries({ queryKey: rulesKey }),
  });
}

export function useRestoreDefaultRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.delete<unknown>('/approaches/rules'),
    onSuccess: (response) =>
      isRulesView(response)
        ? queryClient.setQueryData(rulesKey, response)
        : queryClient.invalidateQueries({ queryKey: rulesKey }),
  });
}
