import type { TriageReportView } from '@countersign/contracts/approaches';
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { ReportHeader, reviewLine } from '../report-header';
import { textOf } from '../../../../__tests__/static-render';

const report = {
  id: 'r1',
  reference: 'AR-2026-0042',
  createdAt: '2026-03-02T06:00:00Z',
  rating: 'high',
  status: 'new',
  firstReviewedAt: '2026-03-02T06:35:00Z',
  reporter: { id: 'u1', name: 'Sam Lee', email: 'sam@example.org', department: 'Research' },
} as unknown as TriageReportView;

function render(view: TriageReportView): string {
  return textOf(
    renderToStaticMarkup(
      <MantineProvider withCssVariables={false} withGlobalClasses={false}>
        <ReportHeader report={view} />
      </MantineProvider>,
    ),
  );
}

describe('when the report was first reviewed', () => {
  it('is not claimed while the status is still New, though opening it stamped a time', () => {
    const html = render(report);
    expect(html).not.toContain('First reviewed');
    expect(html).toContain('Not triaged yet: the status is still New.');
  });

  it('is shown once the report has a status of triage', () => {
    for (const status of ['in-review', 'escalated', 'closed'] as const) {
      expect(render({ ...report, status })).toMatch(/First reviewed 2 Mar 2026, \d\d:35/);
    }
    expect(reviewLine({ status: 'in-review', firstReviewedAt: null })).toBe('Not reviewed yet');
  });
});
