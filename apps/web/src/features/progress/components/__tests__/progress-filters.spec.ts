import { applyFilterChanges, parseFilters } from '../../../../lib/url-filters';
import { PROGRESS_FILTERS } from '../progress-filters';

const DEPARTMENT = '3f1c2a9e-5b7d-4e21-9a3c-8d6f0b1e2c4a';
const MODULE = '0b9e7d41-6a2c-4f85-b3d1-2e7c9a5f8d60';
const parse = (query: string) => parseFilters(PROGRESS_FILTERS, new URLSearchParams(query));

describe('the people list filters in the URL', () => {
  it('opens unfiltered, by due date, on page 1', () => {
    expect(parse('')).toEqual({
      status: undefined,
      departmentId: undefined,
      moduleId: undefined,
      q: undefined,
      sort: 'dueDate',
      leavers: 'hide',
      page: 1,
    });
  });

  // The overview links here (overdue button, department and module tables); bookmarks use the same names.
  it.each([
    ['status=overdue', { status: 'overdue' }],
    [`departmentId=${DEPARTMENT}`, { departmentId: DEPARTMENT }],
    [`moduleId=${MODULE}`, { moduleId: MODULE }],
    ['q=keller&sort=name&page=3', { q: 'keller', sort: 'name', page: 3 }],
    ['leavers=show', { leavers: 'show' }],
  ])('reads the link ?%s', (query, expected) => {
    expect(parse(query)).toMatchObject(expected);
  });

  it('ignores a page size in the URL: the page chooses it', () => {
    expect(parse('pageSize=200')).not.toHaveProperty('pageSize');
  });

  it('ignores a cursor in the URL: links carry the page number only', () => {
    expect(parse('after=eyJzIjoibmFtZSJ9&page=3')).not.toHaveProperty('after');
    expect(parse('after=eyJzIjoibmFtZSJ9&page=3')).toMatchObject({ page: 3 });
  });

  it('writes the same params it reads, leaving the defaults out', () => {
    const query = applyFilterChanges(PROGRESS_FILTERS, new URLSearchParams('page=4'), {
      status: 'completed',
      sort: 'dueDate',
      q: 'ann',
    });
    expect(query.toString()).toBe('status=completed&q=ann');
  });
});
