import type { CertificateVerification } from '@countersign/contracts/certificates';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ApiError } from '../../../../lib/api-client';
import { verificationQueryOptions } from '../../api/certificates';
import { VerifyPage } from '../verify-page';

const CODE = 'QQCWTGSFMGUGOL6JBYVHCUIUYRWGYNQP';

const valid: CertificateVerification = {
  code: CODE,
  status: 'valid',
  revokedAt: null,
  organisation: 'Ministère de la Défense',
  person: 'Zoë Łukasiewicz',
  module: 'The approach',
  version: 3,
  completedAt: '2026-01-02T23:30:00.000Z',
  scorePercent: 93,
};

/** The page at `url` as text, with the verify answer for CODE already in the cache (or failed). */
function render(url: string, answer?: CertificateVerification | ApiError): string {
  // A failed answer stays failed when the page mounts (no refetch), as it would after the request.
  const client = new QueryClient({ defaultOptions: { queries: { retryOnMount: false } } });
  if (answer instanceof ApiError) {
    const query = client.getQueryCache().build(client, { queryKey: verificationQueryOptions(CODE).queryKey });
    query.setState({ status: 'error', error: answer, fetchStatus: 'idle' });
  } else if (answer) client.setQueryData(verificationQueryOptions(CODE).queryKey, answer);
  const html = renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <MantineProvider withCssVariables={false} withGlobalClasses={false}>
          <Routes>
            <Route path="/verify" element={<VerifyPage />} />
            <Route path="/verify/:code" element={<VerifyPage />} />
          </Routes>
        </MantineProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the public verify page', () => {
  it('says plainly that a certificate is valid, with exactly the facts it states', () => {
    const page = render(`/verify/${CODE}`, valid);
    expect(page).toContain('This certificate is valid');
    for (const fact of [
      'Person Zoë Łukasiewicz',
      'Organisation Ministère de la Défense',
      'Module The approach',
      'Version 3',
      'Completed on 2 January 2026',
      'Score 93%',
      'Code QQCW-TGSF-MGUG-OL6J-BYVH-CUIU-YRWG-YNQP',
    ])
      expect(page).toContain(fact);
    expect(page).not.toContain('revoked');
  });

  it('reads a code typed in lower case with hyphens in the address', () => {
    const page = render('/verify/qqcw-tgsf-mgug-ol6j-byvh-cuiu-yrwg-ynqp', valid);
    expect(page).toContain('This certificate is valid');
  });

  it('says on which day a revoked certificate was revoked', () => {
    const page = render(`/verify/${CODE}`, {
      ...valid,
      status: 'revoked',
      revokedAt: '2026-03-04T08:00:00.000Z',
    });
    expect(page).toContain('This certificate was revoked on 4 March 2026');
    expect(page).not.toContain('This certificate is valid');
  });

  it('says when it does not know a code, or when a code is not one', () => {
    expect(
      render(
        `/verify/${CODE}`,
        new ApiError(404, 'certificate_unknown', 'We do not know this certificate code.'),
      ),
    ).toContain("We don't know this code");
    expect(render(`/verify/${CODE}`, new ApiError(400, 'validation_failed', 'code: must be…'))).toContain(
      'This is not a certificate code',
    );
  });

  it('offers a form to type a code when none is given', () => {
    const page = render('/verify');
    expect(page).toContain('Enter the verification code printed on a Countersign certificate');
    expect(page).toContain('Check the certificate');
  });
});
