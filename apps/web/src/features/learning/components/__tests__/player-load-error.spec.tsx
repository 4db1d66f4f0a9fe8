import { ApiError } from '../../../../lib/api-client';
import { PlayerLoadError } from '../player-load-error';
import { renderStatic, textOf } from '../../../../__tests__/static-render';

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
    const html = renderStatic(<PlayerLoadError error={error} onRetry={() => undefined} />);
    expect(textOf(html)).toContain('This training was not found');
    expect(html).toMatch(/<a[^>]+href="\/training"[^>]*>/);
    expect(textOf(html)).toContain('Back to my training');
    expect(html).not.toContain('UUID');
    expect(html).not.toContain(error.message);
    expect(textOf(html)).not.toContain('Try again');
  });

  it('keeps the message and a retry for anything else', () => {
    const error = new ApiError(503, 'database_unavailable', 'The service is busy. Try again shortly.');
    const html = renderStatic(<PlayerLoadError error={error} onRetry={() => undefined} />);
    expect(textOf(html)).toContain('The module could not be opened');
    expect(textOf(html)).toContain('The service is busy. Try again shortly.');
    expect(textOf(html)).toContain('Try again');
    expect(html).not.toContain('This training was not found');
  });
});
