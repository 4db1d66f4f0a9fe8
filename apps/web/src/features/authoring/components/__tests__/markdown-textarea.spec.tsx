import { MantineProvider } from '@mantine/core';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MarkdownTextarea } from '../markdown-textarea';

function render(element: ReactElement): string {
  return renderToStaticMarkup(
    <MantineProvider withCssVariables={false} withGlobalClasses={false}>
      {element}
    </MantineProvider>,
  );
}

describe('MarkdownTextarea', () => {
  it('is a labelled textarea with the syntax help and a Write / Preview switch', () => {
    const html = render(
      <MarkdownTextarea label="Narrative" value="Hello <b>" onChange={() => undefined} required />,
    );
    const id = /<textarea[^>]*\sid="([^"]+)"/.exec(html)?.[1];
    expect(id).toBeDefined();
    expect(html).toMatch(new RegExp(`<label[^>]*for="${id}"[^>]*>Narrative`));
    expect(html).toMatch(/<textarea[^>]*required=""[^>]*>Hello &lt;b&gt;<\/textarea>/);
    // The help is the field's description, so screen readers read it with the field.
    const describedBy = /<textarea[^>]*aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(html).toMatch(new RegExp(`id="${describedBy}"[^>]*>Formatting: \\*\\*bold\\*\\*, \\*italic\\*`));
    expect(html).toContain('aria-label="Narrative: write or preview"');
    expect(html).toMatch(/>Write</);
    expect(html).toMatch(/>Preview</);
  });

  it('keeps a description of its own before the syntax help', () => {
    const html = render(
      <MarkdownTextarea
        label="Explanation"
        description="Shown after the quiz."
        value=""
        onChange={() => undefined}
      />,
    );
    expect(html).toContain('Shown after the quiz. Formatting:');
  });
});
