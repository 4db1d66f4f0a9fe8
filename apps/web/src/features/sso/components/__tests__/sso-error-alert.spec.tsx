import { SSO_ERROR_CODES, SSO_ERROR_MESSAGES } from '@countersign/contracts/sso';
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { SsoErrorAlert } from '../sso-error-alert';

const render = (code: string, slug: string | null) =>
  renderToStaticMarkup(
    <MantineProvider withCssVariables={false} withGlobalClasses={false}>
      <SsoErrorAlert code={code} slug={slug} returnTo="/training" />
    </MantineProvider>,
  );

describe('SsoErrorAlert', () => {
  it('says in words why single sign-on did not finish, never the code alone', () => {
    for (const code of SSO_ERROR_CODES) {
      const html = render(code, null);
      expect(html).toContain('Single sign-on did not finish');
      expect(html).toContain(SSO_ERROR_MESSAGES[code]);
      expect(html).not.toContain(`>${code}<`);
    }
  });

  it('answers an unknown code (a hand-edited address) with the general words', () => {
    const html = render('<script>alert(1)</script>', null);
    expect(html).toContain(SSO_ERROR_MESSAGES.sign_in_failed);
    expect(html).not.toContain('<script>');
  });

  it('offers to try again through the same organisation, keeping where the person was going', () => {
    const html = render('expired', 'demo-ltd');
    expect(html).toContain('href="/api/auth/sso/demo-ltd/start?returnTo=%2Ftraining"');
    expect(html).toContain('Try single sign-on again');
    expect(render('expired', null)).not.toContain('Try single sign-on again');
  });
});
