import type { Browser } from 'playwright-core';
// The same in-process OpenID provider the API tests use (oidc-provider on a free port): test
// support shared between two test suites, not a dependency of the product.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startOidcProvider, type TestProvider } from '../../api/test/support/oidc-provider.js';
import { asUser, BASE_URL, DEMO, expectAccessible, launchBrowser, newPage, screenshot } from './browser.js';

/** Addresses of this domain sign in through the provider; the demo accounts keep their passwords. */
const SSO_DOMAIN = 'sso.demo-ltd.example';

describe('SSO journey: an administrator connects the identity provider; a person signs in through it', () => {
  let browser: Browser;
  let idp: TestProvider;

  beforeAll(async () => {
    browser = await launchBrowser();
    idp = await startOidcProvider({
      redirectUri: `${BASE_URL}/api/auth/sso/callback`,
      postLogoutRedirectUri: `${BASE_URL}/login`,
    });
    idp.accounts.set('sam.single', {
      email: `sam.single@${SSO_DOMAIN}`,
      email_verified: true,
      name: 'Sam Single',
      department: 'Liaison Office',
      groups: ['staff'],
    });
  });
  afterAll(async () => {
    // The journeys share the demo organisation: leave single sign-on off for the others.
    if (browser && idp) {
      await asUser(browser, DEMO.admin, async (page) => {
        await page.evaluate(async () => {
          const session = await fetch('/api/auth/session').then((r) => r.json());
          const sso = await fetch('/api/sso').then((r) => r.json());
          await fetch('/api/sso', {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
            body: JSON.stringify({
              displayName: sso.displayName,
              issuer: sso.issuer,
              clientId: sso.clientId,
              domains: sso.domains,
              claims: sso.claims,
              roleMappings: sso.roleMappings,
              defaultRole: sso.defaultRole,
              enabled: false,
            }),
          });
        });
      }).catch(() => undefined);
    }
    await idp?.close();
    await browser?.close();
  });

  it('configures the connection on the Single sign-on page, with the redirect URI to register', async () => {
    await asUser(browser, DEMO.admin, async (page) => {
      await page.getByRole('link', { name: 'Single sign-on' }).click();
      await page.getByRole('heading', { name: 'Single sign-on', level: 1 }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Redirect URI' }).inputValue()).toBe(
        `${BASE_URL}/api/auth/sso/callback`,
      );
      await expectAccessible(page, 'Single sign-on settings');

      // Saving an empty form names what is missing, next to each field.
      await page.getByRole('button', { name: 'Save and check the connection' }).click();
      await page.getByText('Enter the issuer URL, starting with https://').waitFor();
      await page.getByText('Add at least one email domain').waitFor();

      await page.getByLabel('Name shown to people').fill('Demo Ltd Identity');
      await page.getByLabel('Issuer URL').fill(idp.issuer);
      await page.getByLabel('Client ID').fill(idp.clientId);
      await page.getByLabel('Client secret').fill(idp.clientSecret);
      const domains = page.getByRole('combobox', { name: 'Email domains' });
      await domains.fill(SSO_DOMAIN);
      await domains.press('Enter');
      await page.getByLabel('Department claim (optional)').fill('department');
      await page.getByLabel('Groups claim (optional)').fill('groups');
      await page.getByRole('button', { name: 'Add a group mapping' }).click();
      await page.getByLabel('Group 1', { exact: true }).fill('cs-security-officers');
      await page.getByLabel('Single sign-on is on').check({ force: true });
      await page.getByRole('button', { name: 'Save and check the connection' }).click();
      await page.getByText(`People of ${SSO_DOMAIN} now sign in through Demo Ltd Identity.`).waitFor();
      await page.getByText('A secret is stored. Leave empty to keep it').waitFor();
      expect(await page.getByLabel('Client secret').inputValue()).toBe('');

      // Requiring SSO asks first, and needs a break-glass administrator.
      await page.getByLabel('Require single sign-on').check({ force: true });
      await page.getByRole('button', { name: 'Save and check the connection' }).click();
      await page.getByText('Choose at least one administrator who can still use a password').waitFor();
      await page.getByLabel('Require single sign-on').uncheck({ force: true });

      await page.mouse.move(0, 0);
      await expectAccessible(page, 'Single sign-on settings, saved');
      await screenshot(page, 'sso-settings', { fullPage: true });
    });
  });

  it('signs in email first through the provider’s login page and lands in My training', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/login');
      await page.getByLabel('Work email').fill(`sam.single@${SSO_DOMAIN}`);
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      const onward = page.getByRole('link', { name: 'Continue to Demo Ltd Identity' });
      await onward.waitFor();
      await page.getByText('Demo Ltd signs in through Demo Ltd Identity.').waitFor();
      await expectAccessible(page, 'Sign-in, single sign-on step');
      await screenshot(page, 'sign-in-email-first');

      // The provider's own login page (oidc-provider's), then back to Countersign.
      await onward.click();
      await page.waitForURL((url) => url.origin === idp.issuer);
      expect(await page.locator('input[name="login"]').inputValue()).toBe(`sam.single@${SSO_DOMAIN}`);
      await page.locator('input[name="login"]').fill('sam.single');
      await page.locator('input[name="password"]').fill('anything at all');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.waitForURL(`${BASE_URL}/training`);
      await page.getByRole('heading', { name: 'My training' }).waitFor();
      await page.getByText('Sam Single').first().waitFor();
      await expectAccessible(page, 'My training after single sign-on');

      // Signing out ends the Countersign session and then the provider's (RP-initiated logout).
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.origin === idp.issuer);
      await page.getByRole('button', { name: 'Yes, sign me out' }).click();
      await page.waitForURL((url) => url.href.startsWith(`${BASE_URL}/login`));
      await page.getByRole('button', { name: 'Continue', exact: true }).waitFor();
      const session = await page.evaluate(() => fetch('/api/auth/session').then((r) => r.status));
      expect(session).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('explains a refused single sign-on in words, with a way to try again', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/login?sso_error=domain_not_allowed&sso=demo-ltd');
      const alert = page.getByRole('alert');
      await alert.getByText('Single sign-on did not finish').waitFor();
      await alert
        .getByText('Your email address is not in a domain this organisation signs in with')
        .waitFor();
      await alert.getByRole('link', { name: 'Try single sign-on again' }).waitFor();
      expect(await page.getByText('domain_not_allowed').count()).toBe(0);
      await expectAccessible(page, 'Sign-in with a single sign-on error');
    } finally {
      await context.close();
    }
  });
});
