/** What the editor's side panel shows: a step, a choice (an edge), or nothing. */
export type Selection =
  { kind: 'step'; stepId: string } | { kind: 'choice'; stepId: string; choiceId: string } | null;
