import { MantineProvider } from '@mantine/core';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { ApiError } from '../../../../lib/api-client';
import { PlayerLoadError } from '../player-load-error';

function render(element: ReactElement): string {
  return renderToStaticMarkup(
    <MemoryRouter>
      <MantineProvider withCssVariables={false} withGlobalClasses={false}>
        {element}
      </MantineProvider>
    </MemoryRouter>,
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('PlayerLoadError', () => {
  it.each([
    [
      'a malformed link (400 on the id)',
      new ApiError(400, 'validation_failed', 'assignmentId must be a UUID.'),
    ],
    [
      'an unknown or foreign assignment (404)',
      new ApiError(404, 'not_found', 'The assignment was not found.'),
    ],
  ])('shows the friendly not-found page for %s, with the way back', (_case, error) => {
    const html = render(<PlayerLoadError error={error} onRetry={() => undefined} />);
    expect(text(html)).toContain('This training was not found');
    expect(html).toMatch(/<a[^>]+href="\/training"[^>]*>/);
    expect(text(html)).toContain('Back to my training');
    expect(html).not.toContain('UUID');
    expect(html).not.toContain(error.message);
    expect(text(html)).not.toContain('Try again');
  });

  it('keeps the message and a retry for anything else', () => {
    const error = new ApiError(503, 'database_unavailable', 'The service is busy. Try again shortly.');
    const html = render(<PlayerLoadError error={error} onRetry={() => undefined} />);
    expect(text(html)).toContain('The module could not be opened');
    expect(text(html)).toContain('The service is busy. Try again shortly.');
    expect(text(html)).toContain('Try again');
    expect(html).not.toContain('This training was not found');
  });
});
