import { REPORT_TEXT_LIMITS } from '@countersign/contracts/approaches';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { withCharacterCount } from '../character-count';
import { ReportForm } from '../report-form';
import { textOf } from '../../../../__tests__/static-render';

describe('the report form counts the characters of its bounded fields', () => {
  it('says how many of how many, and when the limit is reached', () => {
    expect(withCharacterCount('The name they used.', 'Jane Roe', 200)).toBe(
      'The name they used. 8 of 200 characters.',
    );
    expect(withCharacterCount('The name they used.', 'x'.repeat(200), 200)).toBe(
      'The name they used. 200 of 200 characters: that is the limit.',
    );
    expect(withCharacterCount('The message.', '', 10_000)).toBe('The message. 0 of 10,000 characters.');
  });

  it('shows a counter under the profile address, the name, the offer and the message, at the limits the API keeps', () => {
    const html = textOf(
      renderToStaticMarkup(
        <QueryClientProvider client={new QueryClient()}>
          <MemoryRouter>
            <MantineProvider withCssVariables={false} withGlobalClasses={false}>
              <ReportForm />
            </MantineProvider>
          </MemoryRouter>
        </QueryClientProvider>,
      ),
    );
    for (const max of Object.values(REPORT_TEXT_LIMITS)) {
      expect(html).toContain(`0 of ${max.toLocaleString('en-GB')} characters.`);
    }
  });
});
