import { applyFilterChanges, parseFilters } from '../../../../lib/url-filters';
import { toTriageQuery, TRIAGE_FILTERS } from '../triage-filters';

const DEPARTMENT = '3f1c2a9e-5b7d-4e21-9a3c-8d6f0b1e2c4a';
const parse = (query: string) => parseFilters(TRIAGE_FILTERS, new URLSearchParams(query));

describe('the triage queue filters in the URL', () => {
  it('opens on the open queue, anyone, page 1', () => {
    expect(parse('')).toEqual({
      status: 'open',
      rating: undefined,
      departmentId: undefined,
      olderThanDays: undefined,
      assignee: 'anyone',
      page: 1,
    });
  });

  it('reads a bookmarked filtered queue', () => {
    expect(
      parse(`status=escalated&rating=high&departmentId=${DEPARTMENT}&olderThanDays=14&assignee=me&page=2`),
    ).toEqual({
      status: 'escalated',
      rating: 'high',
      departmentId: DEPARTMENT,
      olderThanDays: 14,
      assignee: 'me',
      page: 2,
    });
  });

  it.each([
    ['status=archived', { status: 'open' }],
    ['rating=critical', { rating: undefined }],
    ['olderThanDays=soon', { olderThanDays: undefined }],
    ['olderThanDays=99999', { olderThanDays: undefined }],
    ['assignee=someone', { assignee: 'anyone' }],
  ])('falls back to the default for ?%s', (query, expected) => {
    expect(parse(query)).toMatchObject(expected);
  });

  it('leaves the default queue out of the URL', () => {
    const query = applyFilterChanges(TRIAGE_FILTERS, new URLSearchParams('status=all&assignee=none&page=3'), {
      status: 'open',
      assignee: 'anyone',
    });
    expect(query.toString()).toBe('');
  });
});

describe('toTriageQuery', () => {
  it('asks for the open queue by default', () => {
    expect(toTriageQuery(parse(''), 25)).toEqual({
      open: 'true',
      rating: undefined,
      departmentId: undefined,
      olderThanDays: undefined,
      assignee: undefined,
      page: 1,
      pageSize: 25,
    });
  });

  it('asks for every status, or one', () => {
    // The API's default is the open queue: "All statuses" has to ask for the closed ones too.
    expect(toTriageQuery(parse('status=all'), 25)).toMatchObject({ open: 'false' });
    expect(toTriageQuery(parse('status=all'), 25)).not.toHaveProperty('status');
    expect(toTriageQuery(parse('status=closed&assignee=none'), 25)).toMatchObject({
      status: 'closed',
      assignee: 'none',
    });
  });
});
