import type { AuditEventView } from '@countersign/contracts/audit';
import { changeSummary, displayValue, fieldChanges } from '../change-summary';

const PRIYA = { id: '4b8df2f4-0000-4000-8000-000000000002', name: 'Priya Shah' };

function event(details: Record<string, unknown>, extra: Partial<AuditEventView> = {}): AuditEventView {
  return {
    id: '1',
    at: '2026-03-10T12:00:00.000Z',
    action: 'person.updated',
    actor: null,
    subjectType: 'person',
    subjectId: null,
    subjectName: null,
    details,
    people: [],
    ...extra,
  };
}

describe('change summary', () => {
  it('lists the fields a change changed, before and after', () => {
    const e = event({
      before: { jobTitle: null, role: 'employee' },
      after: { jobTitle: 'Analyst', role: 'officer' },
    });
    expect(fieldChanges(e)).toEqual([
      { field: 'jobTitle', before: null, after: 'Analyst' },
      { field: 'role', before: 'employee', after: 'officer' },
    ]);
    expect(changeSummary(e)).toBe('job title: — → Analyst; role: employee → officer');
  });

  it('says created and deleted, and counts what it does not show', () => {
    expect(changeSummary(event({ before: null, after: { name: 'Research' } }))).toBe('Created');
    expect(changeSummary(event({ before: { name: 'Research' }, after: null }))).toBe('Deleted');
    expect(
      changeSummary(event({ before: { a: 1, b: 1, c: 1, d: 1 }, after: { a: 2, b: 2, c: 2, d: 2 } })),
    ).toBe('a: 1 → 2; b: 1 → 2 (and 2 more)');
  });

  it('reads a triage event’s from/to, naming people by their names', () => {
    const e = event({ from: null, to: PRIYA.id }, { action: 'report.assigned', people: [PRIYA] });
    expect(changeSummary(e)).toBe('— → Priya Shah');
    expect(displayValue(PRIYA.id, e)).toBe('Priya Shah');
  });

  it('falls back to the event’s plain facts when it changes nothing', () => {
    expect(changeSummary(event({ note: 'Fixed a typo.', version: 3, requireRecompletion: null }))).toBe(
      'version: 3 · note: Fixed a typo.',
    );
    expect(fieldChanges(event({ version: 3 }))).toEqual([]);
  });
});
