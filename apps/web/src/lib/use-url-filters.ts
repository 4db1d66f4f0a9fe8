import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  applyFilterChanges,
  type FilterShape,
  type FiltersOf,
  parseFilters,
  replacesHistory,
} from './url-filters';

interface UrlFiltersOptions<S extends FilterShape> {
  /** Filters set by typing (debounced): their changes replace the history entry instead of adding one. */
  typed?: readonly (keyof S & string)[];
}

/**
 * A list's filters, read from and written to the URL's search params through `shape` (see
 * url-filters.ts). Keep `shape` a module-level constant.
 */
export function useUrlFilters<S extends FilterShape>(shape: S, { typed = [] }: UrlFiltersOptions<S> = {}) {
  const [params, setParams] = useSearchParams();
  const filters = parseFilters(shape, params);

  /** Applies changes; any change other than the page goes back to page 1. Defaults leave the URL. */
  const setFilters = (changes: Partial<FiltersOf<S>>) =>
    setParams((current) => applyFilterChanges(shape, current, changes), {
      replace: replacesHistory(changes, typed),
    });

  return [filters, setFilters] as const;
}

interface DebouncedFilterInput<I, T> {
  /** The filter's value in the URL. */
  value: T;
  /** The input's content → the filter value it stands for. */
  parse: (input: I) => T;
  /** A filter value → what the input shows for it. */
  format: (value: T) => I;
  /** Called with the parsed value once typing has paused. */
  onSettle: (value: T) => void;
  delayMs: number;
}

/**
 * A typed filter input (search box, number of days): the box follows every keystroke, the URL (and
 * the API) only the settled value. When the URL changes without typing (back button, a link,
 * "Clear filters") the box shows the new value.
 */
export function useDebouncedFilterInput<I, T>({
  value,
  parse,
  format,
  onSettle,
  delayMs,
}: DebouncedFilterInput<I, T>) {
  const [input, setInput] = useState(() => format(value));
  const settle = useDebouncedCallback((next: I) => onSettle(parse(next)), delayMs);
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    // Leave what is being typed alone when it already means the new value ("ann " for `ann`).
    if (parse(input) !== value) setInput(format(value));
  }

  return {
    input,
    onChange: (next: I) => {
      setInput(next);
      settle(next);
    },
    /** Drops the pending change and shows `next`, for "Clear filters". */
    reset: (next: T) => {
      settle.cancel();
      setInput(format(next));
    },
  };
}
