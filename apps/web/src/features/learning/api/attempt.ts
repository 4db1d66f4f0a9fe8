import {
  applyChoiceResult,
  type AttemptState,
  type ChoiceRequest,
  type ChoiceResult,
  type QuizSubmission,
} from '@countersign/contracts/learning';
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiClient, isApiError } from '../../../lib/api-client';
import type { PlayerDriver } from '../components/player';
import { myAssignmentsQueryOptions } from './my-assignments';

const attemptKey = (assignmentId: string) => ['learning', 'attempt', assignmentId] as const;

/**
 * The attempt of one assignment. Fetching it POSTs "start or resume", which the API makes
 * idempotent (it resumes the active attempt), so opening the player twice never forks an attempt.
 */
export function attemptQueryOptions(assignmentId: string) {
  return queryOptions({
    queryKey: attemptKey(assignmentId),
    queryFn: () =>
      apiClient.post<AttemptState>(`/me/assignments/${encodeURIComponent(assignmentId)}/attempts`),
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useAttempt(assignmentId: string) {
  return useQuery(attemptQueryOptions(assignmentId));
}

function attemptPath(attemptId: string, action?: 'choices' | 'quiz' | 'debrief-review'): string {
  return `/me/attempts/${encodeURIComponent(attemptId)}${action ? `/${action}` : ''}`;
}

function storeState(queryClient: QueryClient, state: AttemptState): void {
  queryClient.setQueryData(attemptKey(state.assignmentId), state);
  void queryClient.invalidateQueries({ queryKey: myAssignmentsQueryOptions.queryKey });
}

/**
 * After a 409 (the attempt moved on elsewhere, e.g. another tab, or a retry the module does not
 * allow yet) or a 429 (a retry during the pause after a failed round), reload the server's state:
 * it says what stands in the way.
 */
async function resync(queryClient: QueryClient, error: Error, attemptId: string): Promise<void> {
  if (!isApiError(error, 409) && !isApiError(error, 429)) return;
  storeState(queryClient, await apiClient.get<AttemptState>(attemptPath(attemptId)));
}

/**
 * A choice answers with what comes next, not the whole attempt: it is folded into the state on
 * screen. If it does not follow from that state (another tab moved on), the full state is fetched.
 */
export function useChoose(state: AttemptState) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (choiceId: string) => {
      const result = await apiClient.post<ChoiceResult>(attemptPath(state.attemptId, 'choices'), {
        seq: state.choicesMade,
        choiceId,
      } satisfies ChoiceRequest);
      return applyChoiceResult(state, result) ?? apiClient.get<AttemptState>(attemptPath(state.attemptId));
    },
    onSuccess: (next) => storeState(queryClient, next),
    onError: (error) => resync(queryClient, error, state.attemptId),
  });
}

export function useSubmitQuiz(state: AttemptState) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (submission: QuizSubmission) =>
      apiClient.post<AttemptState>(attemptPath(state.attemptId, 'quiz'), submission),
    onSuccess: (next) => storeState(queryClient, next),
    onError: (error) => resync(queryClient, error, state.attemptId),
  });
}

/** Tells the server the debrief was opened again; the state it answers clears the way to a retry. */
export function useReviewDebrief(state: AttemptState) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post<AttemptState>(attemptPath(state.attemptId, 'debrief-review')),
    onSuccess: (next) => storeState(queryClient, next),
    onError: (error) => resync(queryClient, error, state.attemptId),
  });
}

/** Plays the learner's attempt on the server, which decides every step, score and pass. */
export function useAttemptDriver(state: AttemptState): PlayerDriver {
  const choose = useChoose(state);
  const submitQuiz = useSubmitQuiz(state);
  const reviewDebrief = useReviewDebrief(state);
  return {
    state,
    choose: (choiceId, onDone) => choose.mutate(choiceId, { onSuccess: onDone }),
    submitQuiz: (submission, onDone) => submitQuiz.mutate(submission, { onSuccess: onDone }),
    reviewDebrief: () => reviewDebrief.mutate(),
    pendingChoiceId: choose.isPending ? (choose.variables ?? null) : null,
    submitting: submitQuiz.isPending,
    error: choose.error ?? submitQuiz.error ?? reviewDebrief.error,
  };
}
