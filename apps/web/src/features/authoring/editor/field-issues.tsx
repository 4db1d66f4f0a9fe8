import type { ValidationIssue } from '@countersign/scenario-engine';
import { createContext, useContext, useMemo, type ReactNode } from 'react';

/**
 * The problems of the draft, by the path of the field they are about, so that each field of the
 * editor can show its own ("Fill this in before publishing.") next to itself, however deep it
 * sits. A form part says where it is (`<IssueScope path="scenario.steps[2]">`) and asks for the
 * problems of its fields by their path inside that (`errorAt('narrative')`).
 */
interface Scope {
  byPath: ReadonlyMap<string, readonly ValidationIssue[]>;
  prefix: string;
}

const IssuesContext = createContext<Scope>({ byPath: new Map(), prefix: '' });

export function joinPath(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

export function issuesByPath(issues: readonly ValidationIssue[]): Map<string, ValidationIssue[]> {
  const byPath = new Map<string, ValidationIssue[]>();
  for (const issue of issues) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue]);
  return byPath;
}

/** What a field shows: each problem's field wording (or its message), one after the other. */
export function fieldError(issues: readonly ValidationIssue[] | undefined): string | undefined {
  if (!issues || issues.length === 0) return undefined;
  return [...new Set(issues.map((issue) => issue.fieldMessage ?? issue.message))].join(' ');
}

export function FieldIssuesProvider({
  issues,
  children,
}: {
  issues: readonly ValidationIssue[];
  children: ReactNode;
}) {
  const value = useMemo(() => ({ byPath: issuesByPath(issues), prefix: '' }), [issues]);
  return <IssuesContext.Provider value={value}>{children}</IssuesContext.Provider>;
}

/** Narrows the scope: fields inside ask by their path relative to `path`. */
export function IssueScope({ path, children }: { path: string; children: ReactNode }) {
  const outer = useContext(IssuesContext);
  const value = useMemo(() => ({ ...outer, prefix: joinPath(outer.prefix, path) }), [outer, path]);
  return <IssuesContext.Provider value={value}>{children}</IssuesContext.Provider>;
}

/** The problems at `path` and at every path inside it, in document order. */
function within(byPath: Scope['byPath'], path: string): ValidationIssue[] {
  const found: ValidationIssue[] = [];
  for (const [issuePath, list] of byPath) {
    if (issuePath === path || issuePath.startsWith(`${path}.`) || issuePath.startsWith(`${path}[`))
      found.push(...list);
  }
  return found;
}

/**
 * `errorAt(path)`: the wording for the field at `path` (relative to the scope), for a Mantine
 * `error` prop; `errorWithin(path)` also takes the problems of its parts (a list's items);
 * `countWithin(path)`: how many problems lie at or under it (for a card whose form is elsewhere).
 */
export function useFieldIssues() {
  const { byPath, prefix } = useContext(IssuesContext);
  return useMemo(
    () => ({
      errorAt: (path: string) => fieldError(byPath.get(joinPath(prefix, path))),
      errorWithin: (path: string) => fieldError(within(byPath, joinPath(prefix, path))),
      countWithin: (path: string) => within(byPath, joinPath(prefix, path)).length,
    }),
    [byPath, prefix],
  );
}
