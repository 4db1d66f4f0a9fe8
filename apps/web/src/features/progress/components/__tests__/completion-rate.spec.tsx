import type { CompletionTotals, ProgressOverview } from '@countersign/contracts/progress';
import { DepartmentTable } from '../breakdown-tables';
import { CompletionRate, formatCompletionRate } from '../completion-rate';
import { StatCards } from '../stat-cards';
import { renderStatic, textOf } from '../../../../__tests__/static-render';

const none: CompletionTotals = {
  assigned: 0,
  completed: 0,
  inProgress: 0,
  notStarted: 0,
  overdue: 0,
  completionRate: 0,
};
const some: CompletionTotals = {
  assigned: 8,
  completed: 6,
  inProgress: 1,
  notStarted: 1,
  overdue: 1,
  completionRate: 75,
};

describe('the completion rate when nobody is assigned', () => {
  it('is “—”, not 0 %', () => {
    expect(formatCompletionRate(none)).toBe('—');
    expect(formatCompletionRate(some)).toBe('75%');
    expect(formatCompletionRate({ assigned: 3, completionRate: 0 })).toBe('0%');
  });

  it('shows “—” without a bar in a table cell, and the rate with its bar otherwise', () => {
    const empty = renderStatic(<CompletionRate totals={none} label="Legal: completion rate" />);
    expect(textOf(empty)).toBe('—');
    expect(empty).not.toContain('role="progressbar"');
    expect(empty).toContain('Legal: completion rate: nobody assigned');
    const full = renderStatic(<CompletionRate totals={some} label="Research: completion rate" />);
    expect(textOf(full)).toBe('75%');
    expect(full).toContain('role="progressbar"');
  });

  it('reads “—” on the overview card and in the department rows with nobody assigned', () => {
    expect(textOf(renderStatic(<StatCards totals={none} />))).toContain(
      'Completion rate — nobody assigned yet',
    );
    const departments: ProgressOverview['departments'] = [
      { ...none, departmentId: 'd1', name: 'Legal', people: 4 },
      { ...some, departmentId: 'd2', name: 'Research', people: 9 },
    ];
    const rows = textOf(renderStatic(<DepartmentTable departments={departments} />));
    expect(rows).toContain('Legal 4 0 0 0 0 0 —');
    expect(rows).toContain('Research 9 8 6 1 1 1 75%');
    expect(rows).not.toMatch(/\b0%/);
  });
});
