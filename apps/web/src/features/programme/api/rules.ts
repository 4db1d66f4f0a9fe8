import type { RuleInput, RuleList, RulePreview, RuleSaved, RuleView } from '@countersign/contracts/programme';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

const rulePath = (ruleId?: string) => `/programme/rules${ruleId ? `/${encodeURIComponent(ruleId)}` : ''}`;

export function useRules() {
  return useQuery({
    queryKey: ['programme', 'rules'],
    queryFn: () => apiClient.get<RuleList>(rulePath()),
  });
}

export function useRule(ruleId: string | undefined) {
  return useQuery({
    queryKey: ['programme', 'rules', ruleId],
    queryFn: () => apiClient.get<RuleView>(rulePath(ruleId)),
    enabled: Boolean(ruleId),
  });
}

/**
 * What saving the rule would do now, asked again whenever the form settles on other values
 * (the caller debounces); the previous answer stays on screen while the next one loads.
 */
export function useRulePreview(rule: RuleInput | null, ruleId: string | null) {
  return useQuery({
    queryKey: ['programme', 'preview', ruleId, rule],
    queryFn: () => apiClient.post<RulePreview>(`${rulePath()}/preview`, { rule, ruleId }),
    enabled: rule !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** A rule changes who is assigned what: every completion figure and list may have moved. */
function useAfterChange() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['programme'] }),
      queryClient.invalidateQueries({ queryKey: ['progress'] }),
      queryClient.invalidateQueries({ queryKey: ['learning'] }),
    ]);
}

export function useSaveRule(ruleId: string | null) {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: (rule: RuleInput) =>
      ruleId ? apiClient.put<RuleSaved>(rulePath(ruleId), rule) : apiClient.post<RuleSaved>(rulePath(), rule),
    onSuccess: afterChange,
  });
}

export function useDeleteRule() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: (ruleId: string) => apiClient.delete<{ withdrawn: number }>(rulePath(ruleId)),
    onSuccess: afterChange,
  });
}
