import { daysLateUtc, PROGRESS_CSV_COLUMNS, progressCsvCells, type ProgressRow } from '../progress/index.js';

const row = (over: Partial<ProgressRow> = {}): ProgressRow => ({
  assignmentId: 'a1',
  user: { id: 'u1', name: 'Smith, Jane', email: 'jane@example.test' },
  department: { id: 'd1', name: 'Ops' },
  module: { id: 'm1', title: 'The approach' },
  cycle: 2,
  current: true,
  source: 'rule',
  status: 'completed',
  overdue: false,
  dueDate: '2026-03-10',
  completedAt: '2026-03-12T23:59:59.999Z',
  scorePercent: 87,
  completedVersion: 3,
  ...over,
});

describe('the people list as CSV cells', () => {
  it('has one cell per column, in the columns order, with the table facts', () => {
    const cells = progressCsvCells(row());
    expect(cells).toHaveLength(PROGRESS_CSV_COLUMNS.length);
    expect(Object.fromEntries(PROGRESS_CSV_COLUMNS.map((c, i) => [c, cells[i]]))).toEqual({
      Person: 'Smith, Jane',
      Email: 'jane@example.test',
      Deactivated: 'No',
      Department: 'Ops',
      Module: 'The approach',
      Cycle: 2,
      Status: 'Completed late',
      Overdue: 'No',
      'Due date': '2026-03-10',
      'Completed at (UTC)': '2026-03-12T23:59:59.999Z',
      'Days late': 2,
      'Score (%)': 87,
      Version: 3,
    });
  });

  it('leaves empty what the table shows as a dash, and marks leavers and overdue work', () => {
    const cells = progressCsvCells(
      row({
        user: { id: 'u2', name: 'Lee', email: 'lee@example.test', deactivated: true },
        department: null,
        status: 'not-started',
        overdue: true,
        completedAt: null,
        scorePercent: null,
        completedVersion: null,
      }),
    );
    expect(cells).toEqual([
      'Lee',
      'lee@example.test',
      'Yes',
      '',
      'The approach',
      2,
      'Not started',
      'Yes',
      '2026-03-10',
      '',
      '',
      '',
      '',
    ]);
  });

  it('counts lateness in whole UTC calendar days', () => {
    expect(daysLateUtc('2026-03-10', '2026-03-10T23:59:59Z')).toBe(0);
    expect(daysLateUtc('2026-03-10', '2026-03-11T00:00:00Z')).toBe(1);
    expect(daysLateUtc('2026-03-10', '2026-03-01T10:00:00Z')).toBe(0);
    expect(daysLateUtc('2026-02-27', '2026-03-01T10:00:00Z')).toBe(2);
    expect(daysLateUtc('2026-03-10', null)).toBe(0);
    expect(progressCsvCells(row({ completedAt: '2026-03-10T12:00:00.000Z' }))[6]).toBe('Completed');
  });
});
