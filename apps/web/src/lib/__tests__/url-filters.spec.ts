import { progressListQuerySchema } from '@countersign/contracts/progress';
import fc from 'fast-check';
import {
  applyFilterChanges,
  filterDefaults,
  type FiltersOf,
  oneOf,
  parseFilters,
  replacesHistory,
} from '../url-filters';

/** Fields of a contracts query schema, and one value only the URL knows. */
const SHAPE = {
  status: oneOf(['open', 'closed', 'all'], 'open'),
  departmentId: progressListQuerySchema.shape.departmentId,
  q: progressListQuerySchema.shape.q,
  page: progressListQuerySchema.shape.page,
};
type Filters = FiltersOf<typeof SHAPE>;

const DEPARTMENT = '3f1c2a9e-5b7d-4e21-9a3c-8d6f0b1e2c4a';
const parse = (query: string) => parseFilters(SHAPE, new URLSearchParams(query));
const apply = (query: string, changes: Partial<Filters>) =>
  applyFilterChanges(SHAPE, new URLSearchParams(query), changes).toString();

describe('oneOf', () => {
  const size = oneOf(['small', 'large'], 'small');

  it('takes a listed value, and the fallback when the param is missing', () => {
    expect(size.safeParse('large')).toEqual({ success: true, data: 'large' });
    expect(size.safeParse(undefined)).toEqual({ success: true, data: 'small' });
  });

  it('refuses anything else', () => {
    expect(size.safeParse('huge')).toEqual({ success: false });
    expect(size.safeParse(2)).toEqual({ success: false });
  });
});

describe('filterDefaults', () => {
  it('is what each field gives for a missing param', () => {
    expect(filterDefaults(SHAPE)).toEqual({ status: 'open', departmentId: undefined, q: undefined, page: 1 });
  });
});

describe('parseFilters', () => {
  it('gives the defaults for an empty query', () => {
    expect(parse('')).toEqual(filterDefaults(SHAPE));
  });

  it('reads valid params through the schema (coerced, normalised)', () => {
    expect(parse(`status=closed&departmentId=${DEPARTMENT.toUpperCase()}&page=3`)).toEqual({
      status: 'closed',
      departmentId: DEPARTMENT,
      q: undefined,
      page: 3,
    });
  });

  it.each([
    ['status=nonsense', 'status', 'open'],
    ['departmentId=not-a-uuid', 'departmentId', undefined],
    ['page=0', 'page', 1],
    ['page=-2', 'page', 1],
    ['page=2.5', 'page', 1],
    ['page=abc', 'page', 1],
    ['page=', 'page', 1],
    ['status=', 'status', 'open'],
    [`q=${'x'.repeat(101)}`, 'q', undefined],
  ])('%s: the invalid param falls back to its default', (query, key, expected) => {
    expect(parse(query)[key as keyof Filters]).toBe(expected);
  });

  it('keeps the valid params when another one is invalid', () => {
    expect(parse(`status=closed&departmentId=oops&page=2`)).toEqual({
      status: 'closed',
      departmentId: undefined,
      q: undefined,
      page: 2,
    });
  });

  it('trims a search term, as the API would', () => {
    expect(parse('q=%20ann%20').q).toBe('ann');
  });

  it('ignores params outside the shape', () => {
    expect(parse('tab=notes&status=all')).toEqual({ ...filterDefaults(SHAPE), status: 'all' });
  });
});

describe('applyFilterChanges', () => {
  it('writes values that are not defaults', () => {
    expect(apply('', { status: 'closed', departmentId: DEPARTMENT })).toBe(
      `status=closed&departmentId=${DEPARTMENT}`,
    );
  });

  it('removes a filter set back to its default, to nothing or to an empty string', () => {
    expect(
      apply(`status=closed&departmentId=${DEPARTMENT}`, { status: 'open', departmentId: undefined }),
    ).toBe('');
    expect(apply('q=ann', { q: '' })).toBe('');
  });

  it('goes back to page 1 when any other filter changes', () => {
    expect(apply('status=closed&page=4', { status: 'all' })).toBe('status=all');
  });

  it('keeps the other filters when only the page changes, and drops page 1', () => {
    expect(apply('status=closed&page=4', { page: 5 })).toBe('status=closed&page=5');
    expect(apply('status=closed&page=4', { page: 1 })).toBe('status=closed');
  });

  it('takes the page given alongside other changes', () => {
    expect(apply('page=4', { status: 'all', page: 2 })).toBe('page=2&status=all');
  });

  it('keeps params outside the shape, and changes nothing for no changes', () => {
    expect(apply('tab=notes&page=3', { status: 'closed' })).toBe('tab=notes&status=closed');
    expect(apply('tab=notes&page=3', {})).toBe('tab=notes&page=3');
  });

  it('does not change the query it was given', () => {
    const current = new URLSearchParams('status=closed');
    applyFilterChanges(SHAPE, current, { status: 'all' });
    expect(current.toString()).toBe('status=closed');
  });

  it('writes what parseFilters reads back', () => {
    const filters = fc.record({
      status: fc.constantFrom('open', 'closed', 'all' as const),
      departmentId: fc.option(fc.uuid(), { nil: undefined }),
      q: fc.option(
        fc.string({ minLength: 1, maxLength: 100 }).filter((term) => term.trim() === term && term !== ''),
        { nil: undefined },
      ),
      page: fc.integer({ min: 1, max: 100_000 }),
    });
    fc.assert(
      fc.property(filters, (value) => {
        const query = applyFilterChanges(SHAPE, new URLSearchParams(), value);
        expect(parseFilters(SHAPE, query)).toEqual(value);
      }),
    );
  });
});

describe('replacesHistory', () => {
  it('replaces for a change made only by typing', () => {
    expect(replacesHistory({ q: 'ann' }, ['q'])).toBe(true);
    expect(replacesHistory({ q: undefined }, ['q'])).toBe(true);
  });

  it('adds a history entry for a chosen filter, a page, or "Clear filters"', () => {
    expect(replacesHistory({ status: 'closed' }, ['q'])).toBe(false);
    expect(replacesHistory({ page: 2 }, ['q'])).toBe(false);
    expect(replacesHistory({ status: 'open', q: undefined }, ['q'])).toBe(false);
    expect(replacesHistory({}, ['q'])).toBe(false);
  });
});
