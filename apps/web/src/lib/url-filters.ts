/**
 * List filters kept in the URL's search params, so a filtered list can be bookmarked, shared and
 * navigated back to. Pure functions (no React), used by `useUrlFilters`.
 *
 * A filter shape maps each param name to a parser: a field of a contracts zod schema (e.g.
 * `progressListQuerySchema.shape.status`), or `oneOf(...)` for values only the URL knows. Every field
 * must accept a missing value: `.optional()`, `.default(...)`, or `oneOf` with its fallback.
 */

/** Anything with zod's `safeParse`: what one search param is checked with. */
export interface FieldParser<T = unknown> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

export type FilterShape = Record<string, FieldParser>;

/** The typed filters a shape parses to. */
export type FiltersOf<S extends FilterShape> = {
  [K in keyof S]: S[K] extends { safeParse(value: unknown): infer R }
    ? Extract<R, { success: true }> extends { data: infer T }
      ? T
      : never
    : never;
};

/** The param that holds the page number: any other change goes back to the first page. */
const PAGE = 'page';

/** One of a fixed list of values, `fallback` when the param is missing. */
export function oneOf<const V extends readonly string[]>(
  values: V,
  fallback: V[number],
): FieldParser<V[number]> {
  return {
    safeParse(value) {
      if (value === undefined) return { success: true, data: fallback };
      return typeof value === 'string' && values.includes(value)
        ? { success: true, data: value }
        : { success: false };
    },
  };
}

/** What each filter is when its param is missing. */
export function filterDefaults<S extends FilterShape>(shape: S): FiltersOf<S> {
  const defaults: Record<string, unknown> = {};
  for (const [key, parser] of Object.entries(shape)) {
    const result = parser.safeParse(undefined);
    defaults[key] = result.success ? result.data : undefined;
  }
  return defaults as FiltersOf<S>;
}

/**
 * The filters in `params`. A missing, empty or invalid param (a hand-edited or outdated link) gives
 * that filter's default, so a bad link still opens the list instead of failing.
 */
export function parseFilters<S extends FilterShape>(shape: S, params: URLSearchParams): FiltersOf<S> {
  const filters: Record<string, unknown> = filterDefaults(shape);
  for (const [key, parser] of Object.entries(shape)) {
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    const result = parser.safeParse(raw);
    if (result.success) filters[key] = result.data;
  }
  return filters as FiltersOf<S>;
}

/**
 * `current` with `changes` applied. Defaults leave the URL (so the plain list keeps its plain
 * address), params outside the shape are kept, and any change other than the page goes back to page 1.
 */
export function applyFilterChanges<S extends FilterShape>(
  shape: S,
  current: URLSearchParams,
  changes: Partial<FiltersOf<S>>,
): URLSearchParams {
  const defaults: Record<string, unknown> = filterDefaults(shape);
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '' || value === defaults[key]) next.delete(key);
    else next.set(key, String(value));
  }
  if (PAGE in shape && !(PAGE in changes) && Object.keys(changes).length > 0) next.delete(PAGE);
  return next;
}

/**
 * Whether a change replaces the current history entry instead of adding one: only when it comes
 * from typing (`typedKeys`, debounced), so Back skips the half-typed steps but not a chosen filter.
 */
export function replacesHistory(changes: object, typedKeys: readonly string[]): boolean {
  const keys = Object.keys(changes);
  return keys.length > 0 && keys.every((key) => typedKeys.includes(key));
}
