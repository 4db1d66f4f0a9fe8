import type { ProgressListQuery, ProgressPage } from '@countersign/contracts/progress';
import type { QueryKey } from '@tanstack/react-query';
import { cursorForPage } from '../progress-list';

const pageOf = (page: number, nextCursor: string | null): ProgressPage => ({
  items: [],
  total: 1000,
  page,
  pageSize: 25,
  nextCursor,
});
const entry = (query: ProgressListQuery, data: ProgressPage | undefined) =>
  [['progress', 'list', query] as QueryKey, data] as const;

const LIST: ProgressListQuery = { status: 'overdue', sort: 'name', q: undefined, pageSize: 25 };

describe('cursorForPage: which page of the people list can be fetched by keyset', () => {
  const cache = [
    entry({ ...LIST, page: 1 }, pageOf(1, 'after-1')),
    entry({ ...LIST, page: 2, after: 'after-1' }, pageOf(2, 'after-2')),
    entry({ ...LIST, page: 3, after: 'after-2' }, pageOf(3, null)),
    entry({ ...LIST, sort: 'dueDate', page: 7 }, pageOf(7, 'due-7')),
    entry({ ...LIST, page: 9 }, undefined), // still loading
  ];

  it('uses the next cursor of the page before, however that page was fetched', () => {
    expect(cursorForPage(cache, { ...LIST, page: 2 }, 2)).toBe('after-1');
    expect(cursorForPage(cache, { ...LIST, page: 3 }, 3)).toBe('after-2');
  });

  it('falls back to the page number for page 1, a jump, a reload and the end of the list', () => {
    expect(cursorForPage(cache, { ...LIST, page: 1 }, 1)).toBeUndefined();
    expect(cursorForPage(cache, { ...LIST, page: 6 }, 6)).toBeUndefined();
    expect(cursorForPage([], { ...LIST, page: 2 }, 2)).toBeUndefined();
    expect(cursorForPage(cache, { ...LIST, page: 4 }, 4)).toBeUndefined();
    expect(cursorForPage(cache, { ...LIST, page: 10 }, 10)).toBeUndefined();
  });

  it('never takes a cursor from a list with other filters, sort or page size', () => {
    expect(cursorForPage(cache, { ...LIST, sort: 'dueDate', page: 8 }, 8)).toBe('due-7');
    expect(cursorForPage(cache, { ...LIST, page: 8 }, 8)).toBeUndefined();
    expect(cursorForPage(cache, { ...LIST, status: undefined, page: 2 }, 2)).toBeUndefined();
    expect(cursorForPage(cache, { ...LIST, q: 'ann', page: 2 }, 2)).toBeUndefined();
    expect(cursorForPage(cache, { ...LIST, pageSize: 50, page: 2 }, 2)).toBeUndefined();
  });

  it('treats a filter left out like a filter set to undefined', () => {
    const { q: _q, ...withoutQ } = LIST;
    expect(cursorForPage(cache, { ...withoutQ, page: 2 }, 2)).toBe('after-1');
  });
});
