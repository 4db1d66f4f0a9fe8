import type { PersonDetail, ProgressRow } from '@countersign/contracts/progress';
import dayjs from 'dayjs';
import { PersonAssignmentsTable } from '../person-tables';
import { ProgressTable } from '../progress-table';
import { renderStatic, textOf } from '../../../../__tests__/static-render';

/** The table body's rows as text, in order. */
const rowTexts = (html: string) =>
  html
    .slice(html.indexOf('<tbody'))
    .split(/<tr[^>]*>/)
    .slice(1)
    .map(textOf);

const row = (name: string, dueDate: string, completedAt: string | null): ProgressRow => ({
  assignmentId: `a-${name}`,
  user: { id: `u-${name}`, name, email: `${name.toLowerCase()}@example.test` },
  department: null,
  module: { id: 'm1', title: 'The approach' },
  status: completedAt ? 'completed' : 'in-progress',
  overdue: false,
  dueDate,
  completedAt,
  scorePercent: completedAt ? 90 : null,
  completedVersion: completedAt ? 1 : null,
  cycle: 1,
  current: true,
  source: 'manual',
});
const at = (day: string, time = '15:00') => dayjs(`${day}T${time}`).toISOString();

const rows = [
  row('Early', '2026-03-10', at('2026-03-02')),
  row('OnTheDay', '2026-03-10', at('2026-03-10', '23:30')),
  row('Late', '2026-03-10', at('2026-03-13')),
  row('Open', '2026-03-10', null),
];

describe('completions after the due date', () => {
  it('marks a late completion "Completed late" in the people list, with how late, and leaves on-time ones alone', () => {
    const [early, onTheDay, late, open] = rowTexts(renderStatic(<ProgressTable rows={rows} />));
    // Status, due date, completion date, score, version.
    expect(early).toContain('Completed 10 Mar 2026 2 Mar 2026 90% v1');
    expect(early).not.toMatch(/Completed late|after the due date/);
    expect(onTheDay).toContain('Completed 10 Mar 2026 10 Mar 2026 90% v1');
    expect(onTheDay).not.toMatch(/Completed late|after the due date/);
    expect(late).toContain('Completed late 10 Mar 2026 13 Mar 2026 3 days after the due date 90% v1');
    expect(open).toContain('In progress');
    expect(open).not.toMatch(/Completed late|after the due date/);
  });

  it('does the same on the person page', () => {
    const assignments: PersonDetail['assignments'] = rows;
    const [early, , late] = rowTexts(renderStatic(<PersonAssignmentsTable assignments={assignments} />));
    expect(early).not.toMatch(/Completed late|after the due date/);
    expect(late).toContain('Completed late 10 Mar 2026 13 Mar 2026 3 days after the due date');
  });
});
