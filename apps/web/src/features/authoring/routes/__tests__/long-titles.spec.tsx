import type { LibraryModule } from '@countersign/contracts/authoring';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { PageHeader } from '../../../../components/ui/page-header';
import { LibraryTable } from '../module-library-page';

function render(element: ReactElement): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <MantineProvider withCssVariables={false} withGlobalClasses={false}>
          {element}
        </MantineProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const LONG = 'A'.repeat(200);
const module: LibraryModule = {
  id: 'm1',
  slug: 'a',
  title: LONG,
  summary: '',
  estimatedMinutes: 15,
  builtIn: false,
  status: 'draft',
  publishedVersion: null,
  draftVersion: 1,
  lastEditedBy: null,
  lastEditedAt: null,
  assignees: 0,
  openAssignees: 0,
  completedAssignees: 0,
};

/** The element with `data-testid`, as markup. */
function byTestId(html: string, testId: string): string {
  const match = new RegExp(`<[^>]*data-testid="${testId}"[^>]*>`).exec(html);
  if (!match) throw new Error(`no ${testId}`);
  return match[0];
}

describe('an unbroken 200-character title', () => {
  it('wraps to two lines in the module library, with the whole title as its tooltip', () => {
    const link = byTestId(render(<LibraryTable modules={[module]} onArchive={() => {}} />), 'library-title');
    expect(link).toContain(`title="${LONG}"`);
    expect(link).toContain('overflow-wrap:anywhere');
    expect(link).toMatch(/data-line-clamp="true"|line-clamp/);
  });

  it('wraps to two lines in a page heading (the editor, the history), with the whole title as its tooltip', () => {
    const html = render(<PageHeader title={`Edit: ${LONG}`} />);
    const heading = /<h1[^>]*>/.exec(html)![0];
    expect(heading).toContain(`title="Edit: ${LONG}"`);
    expect(heading).toContain('overflow-wrap:anywhere');
    expect(heading).toMatch(/data-line-clamp="true"|line-clamp/);
    // The heading can shrink below its text's width instead of widening the page.
    expect(html).toMatch(/min-width:0/);
  });
});
