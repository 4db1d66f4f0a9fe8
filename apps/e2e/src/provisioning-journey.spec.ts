import type { Browser } from 'playwright-core';
import { asUser, BASE_URL, DEMO, expectAccessible, launchBrowser, screenshot } from './browser.js';

const PERSON = { name: 'Sam Provisioned', email: 'sam.provisioned@demo-ltd.example' };

/** What Entra ID sends to create a user (its "Create User" request), for one of Demo Ltd's people. */
function entraCreate() {
  return {
    schemas: [
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    ],
    externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
    userName: PERSON.email,
    active: true,
    emails: [{ primary: true, type: 'work', value: PERSON.email }],
    meta: { resourceType: 'User' },
    name: { formatted: PERSON.name, familyName: 'Provisioned', givenName: 'Sam' },
    displayName: PERSON.name,
    roles: [],
  };
}

const scim = (token: string, path: string, init: RequestInit = {}) =>
  fetch(`${BASE_URL}/scim/v2${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' },
  });

describe('provisioning journey: an administrator connects the directory over SCIM', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('makes a token, the directory provisions a person with it, the admin sees them, then revokes it', async () => {
    await asUser(browser, DEMO.admin, async (page) => {
      await page.goto('/');
      await page.getByRole('link', { name: 'Directory sync' }).click();
      await page.getByRole('heading', { name: 'Directory sync (SCIM)' }).waitFor();
      await page.getByText(`${BASE_URL}/scim/v2`).waitFor();
      await page.getByText('No tokens yet').waitFor();
      await expectAccessible(page, 'Directory sync, no tokens');

      // A name is required; then the token is shown once, with a warning and a copy button.
      await page.getByRole('button', { name: 'New token' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Make token' }).click();
      await dialog.getByText('Give the token a name').waitFor();
      await dialog.getByLabel('Name').fill('Entra ID production');
      await dialog.getByRole('button', { name: 'Make token' }).click();
      await dialog.getByText('It is not shown again').waitFor();
      await dialog.getByRole('button', { name: 'Copy the token' }).waitFor();
      const token = (await dialog.getByTestId('copy-token').textContent())?.trim() ?? '';
      expect(token).toMatch(/^cs_scim_[A-Za-z0-9_-]{43}$/);
      await expectAccessible(page, 'The new token, shown once');
      await dialog.getByRole('button', { name: 'I have copied it' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByRole('row').filter({ hasText: 'Entra ID production' });
      await row.getByText('Never').waitFor();
      expect(await page.getByText(token).count()).toBe(0); // never shown again

      // The directory (here: this test, as Entra ID would) looks the person up, then creates them.
      const lookup = await scim(
        token,
        `/Users?filter=${encodeURIComponent(`userName eq "${PERSON.email}"`)}`,
      );
      expect(lookup.status).toBe(200);
      expect(((await lookup.json()) as { totalResults: number }).totalResults).toBe(0);
      const created = await scim(token, '/Users', { method: 'POST', body: JSON.stringify(entraCreate()) });
      expect(created.status).toBe(201);
      expect(created.headers.get('content-type')).toMatch(/^application\/scim\+json/);

      // The administrator finds them among the people.
      await page.goto(`/admin/people?q=${encodeURIComponent('Sam Provisioned')}`);
      await page.getByTestId('people-table').getByRole('row').filter({ hasText: PERSON.name }).waitFor();

      // The token's use shows on the page.
      await page.goto('/admin/provisioning');
      await page
        .getByRole('row')
        .filter({ hasText: 'Entra ID production' })
        .getByText('Active', { exact: true })
        .waitFor();
      expect(await row.getByText('Never').count()).toBe(0);
      await expectAccessible(page, 'Directory sync, one token used');
      await screenshot(page, 'scim-tokens');

      // Revoking asks first; afterwards the directory's requests are refused.
      await row.getByRole('button', { name: 'Revoke the token Entra ID production' }).click();
      const confirm = page.getByRole('dialog', { name: 'Revoke this token?' });
      await confirm.waitFor();
      await expectAccessible(page, 'Revoke a token?');
      await confirm.getByRole('button', { name: 'Revoke token' }).click();
      await row.getByText(/^Revoked/).waitFor();
      expect((await scim(token, '/Users')).status).toBe(401);
    });
  });
});
