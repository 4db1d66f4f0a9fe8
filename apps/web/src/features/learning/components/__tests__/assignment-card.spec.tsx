import type { MyAssignment } from '@countersign/contracts/learning';
import { MantineProvider } from '@mantine/core';
import dayjs from 'dayjs';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { AssignmentCard } from '../assignment-card';

function render(assignment: MyAssignment): string {
  const html = renderToStaticMarkup(
    <MemoryRouter>
      <MantineProvider withCssVariables={false} withGlobalClasses={false}>
        <AssignmentCard assignment={assignment} />
      </MantineProvider>
    </MemoryRouter>,
  );
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const completed = (dueDate: string, completedOn: string): MyAssignment => ({
  assignmentId: 'a1',
  module: { id: 'm1', title: 'The approach', summary: 'A recruiter writes.', estimatedMinutes: 15 },
  dueDate,
  status: 'completed',
  overdue: false,
  progressPercent: 100,
  activeAttemptId: null,
  completion: { completedAt: dayjs(`${completedOn}T10:00`).toISOString(), scorePercent: 90, version: 1 },
});

describe('AssignmentCard in My training', () => {
  it('shows an on-time completion as completed', () => {
    const card = render(completed('2026-03-10', '2026-03-10'));
    expect(card).toContain('Completed 10 Mar 2026 · 90%');
    expect(card).not.toMatch(/late|after the due date/);
  });

  it('marks a completion after the due date "Completed late", with the due date and how late', () => {
    const card = render(completed('2026-03-10', '2026-03-11'));
    expect(card).toMatch(/^Completed late /);
    expect(card).toContain('Completed 11 Mar 2026 · 90%');
    expect(card).toContain('Due 10 Mar 2026: 1 day after the due date');
  });
});
