import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { ListPager } from '../list-pager';

function render(page: number, pageSize: number, total: number, shown: number): string {
  const items = Array.from({ length: shown }, (_, index) => index);
  return renderToStaticMarkup(
    <MantineProvider withCssVariables={false} withGlobalClasses={false}>
      <ListPager page={{ page, pageSize, total, items }} onChange={() => undefined} />
    </MantineProvider>,
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('ListPager', () => {
  it('says which rows are shown, with thousands separated', () => {
    expect(text(render(1, 25, 1234, 25))).toContain('Showing 1–25 of 1,234');
    expect(text(render(2, 25, 1234, 25))).toContain('Showing 26–50 of 1,234');
    expect(text(render(50, 25, 1234, 9))).toContain('Showing 1,226–1,234 of 1,234');
  });

  it('offers page buttons in a named landmark only when there is more than one page', () => {
    expect(render(2, 25, 1234, 25)).toContain('aria-label="Pagination"');
    expect(render(2, 25, 1234, 25)).toContain('aria-label="Page 50"');
    expect(render(1, 25, 25, 25)).not.toContain('aria-label="Pagination"');
  });

  it('says so when a link points past the end of the list, and offers the last page', () => {
    const markup = text(render(99, 25, 1234, 0));
    expect(markup).toContain('There is no page 99: the list has 1,234 rows on 50 pages.');
    expect(markup).toContain('Go to page 50');
    expect(markup).not.toContain('Showing');
  });
});
