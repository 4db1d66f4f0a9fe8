import type { ScimTokenList } from '@countersign/contracts/provisioning';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { ApiError } from '../../../../lib/api-client';
import { tokensKey } from '../../api/scim-tokens';
import { ProvisioningPage } from '../provisioning-page';

const BASE_URL = 'https://countersign.example.org/scim/v2';

/** The page as text, with the token list already in the cache (or failed). */
function render(answer: ScimTokenList | ApiError): string {
  const client = new QueryClient({ defaultOptions: { queries: { retryOnMount: false } } });
  if (answer instanceof ApiError) {
    const query = client.getQueryCache().build(client, { queryKey: tokensKey });
    query.setState({ status: 'error', error: answer, fetchStatus: 'idle' });
  } else client.setQueryData(tokensKey, answer);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <MantineProvider withCssVariables={false} withGlobalClasses={false}>
          <ProvisioningPage />
        </MantineProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  )
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the directory sync page', () => {
  it('shows the SCIM base URL to copy and says when there are no tokens yet', () => {
    const page = render({ items: [], baseUrl: BASE_URL });
    expect(page).toContain(BASE_URL);
    expect(page).toContain('No tokens yet');
    expect(page).toContain('New token');
  });

  it('lists tokens by name and prefix, never more of the token, with last use and revocation', () => {
    const page = render({
      baseUrl: BASE_URL,
      items: [
        {
          id: '6f1c7a57-5d0e-4d43-9c55-2a1fd7b1a001',
          name: 'Entra ID production',
          prefix: 'cs_scim_AbCd',
          createdAt: '2026-03-01T09:00:00.000Z',
          createdBy: { id: '6f1c7a57-5d0e-4d43-9c55-2a1fd7b1a002', name: 'Ada Admin' },
          lastUsedAt: null,
          revokedAt: null,
        },
        {
          id: '6f1c7a57-5d0e-4d43-9c55-2a1fd7b1a003',
          name: 'Okta (old)',
          prefix: 'cs_scim_WxYz',
          createdAt: '2026-01-01T09:00:00.000Z',
          createdBy: null,
          lastUsedAt: '2026-02-01T10:00:00.000Z',
          revokedAt: '2026-02-02T10:00:00.000Z',
        },
      ],
    });
    expect(page).toContain('Entra ID production');
    expect(page).toContain('cs_scim_AbCd…');
    expect(page).toContain('by Ada Admin');
    expect(page).toContain('Never');
    expect(page).toContain('Active');
    expect(page).toContain('Okta (old)');
    expect(page).toContain('Revoked');
    // Only the active token can be revoked.
    expect(page.split(' Revoke ').length - 1).toBe(1);
  });

  it('says in words when the tokens cannot be loaded', () => {
    const page = render(
      new ApiError(
        503,
        'database_unavailable',
        'The database is not answering right now. Please try again in a moment.',
      ),
    );
    expect(page).toContain('The SCIM settings could not be loaded');
  });
});
