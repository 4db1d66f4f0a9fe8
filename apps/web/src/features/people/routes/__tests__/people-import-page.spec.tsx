import type { ImportSummary } from '@countersign/contracts/people-import';
import { renderStatic, textOf } from '../../../../__tests__/static-render';
import { PreviewResult, summaryFigures } from '../people-import-page';

const clean: ImportSummary = {
  rows: 30,
  created: 28,
  updated: 2,
  unchanged: 0,
  deactivated: 0,
  departmentsCreated: 3,
  invitations: 28,
  problemCount: 0,
  problems: [],
};

describe('the import preview', () => {
  it('puts the figures in words', () => {
    expect(summaryFigures(clean)).toEqual(
      expect.arrayContaining([
        { label: 'To create', value: '28' },
        { label: 'New departments', value: '3' },
      ]),
    );
  });

  it('says a clean file is checked and nothing is written yet', () => {
    const text = textOf(renderStatic(<PreviewResult summary={clean} />));
    expect(text).toContain('No problems');
    expect(text).toContain('30 lines checked. Nothing has been written yet.');
  });

  it('lists each problem with its line and column, and says when only the first are shown', () => {
    const text = textOf(
      renderStatic(
        <PreviewResult
          summary={{
            ...clean,
            problemCount: 1500,
            problems: [
              { line: 7, column: 'email', message: '"x" is not an email address' },
              { line: null, column: null, message: 'The import would leave no active administrator.' },
            ],
          }}
        />,
      ),
    );
    expect(text).toContain('1,500 problems to fix');
    expect(text).toContain('The first 2 are listed.');
    expect(text).toContain('7 email "x" is not an email address');
    expect(text).toContain('Whole file — The import would leave no active administrator.');
  });
});
