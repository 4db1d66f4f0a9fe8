import type { Question } from '@countersign/approach-checker';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** The checker's guided questions; they change only with a deploy. */
export const questionsQueryOptions = queryOptions({
  queryKey: ['approaches', 'questions'],
  queryFn: ({ signal }) => apiClient.get<Question[]>('/approaches/questions', undefined, signal),
  staleTime: Infinity,
});

export function useQuestions() {
  return useQuery(questionsQueryOptions);
}
