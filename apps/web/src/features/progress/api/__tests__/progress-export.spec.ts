import { complianceReportPath, progressExportPath } from '../progress-export';

describe('progressExportPath: the CSV of exactly the list on screen', () => {
  it('carries every filter and the sort, never the page', () => {
    expect(
      progressExportPath({
        status: 'overdue',
        departmentId: 'd1',
        moduleId: 'm1',
        q: 'smith, j',
        sort: 'name',
        leavers: 'show',
        page: 4,
      }),
    ).toBe(
      '/progress/export.csv?status=overdue&departmentId=d1&moduleId=m1&q=smith%2C+j&sort=name&leavers=show',
    );
  });

  it('leaves out filters that are not set', () => {
    expect(progressExportPath({ sort: 'dueDate', leavers: 'hide', q: '' })).toBe(
      '/progress/export.csv?sort=dueDate&leavers=hide',
    );
    expect(progressExportPath({})).toBe('/progress/export.csv');
  });
});

describe('complianceReportPath', () => {
  it('has the department and the date when given', () => {
    expect(complianceReportPath({ departmentId: 'd1', date: '2026-01-31' })).toBe(
      '/progress/compliance-report.pdf?departmentId=d1&date=2026-01-31',
    );
    expect(complianceReportPath({})).toBe('/progress/compliance-report.pdf');
  });
});
