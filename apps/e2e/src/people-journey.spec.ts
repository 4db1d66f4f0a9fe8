import type { Browser } from 'playwright-core';
import { asUser, DEMO, expectAccessible, launchBrowser, newPage, signIn } from './browser.js';

/** A demo employee no other journey uses: deactivated here, reactivated at the end. */
const LEAVER = { name: 'Hamza Khan', email: 'hamza.khan@demo-ltd.example' };

describe('people journey: an administrator adds a colleague and deactivates a leaver', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('adds a person, then deactivates a signed-in leaver, who is signed out at once', async () => {
    // The leaver is signed in and working.
    const leaver = await newPage(browser);
    await signIn(leaver.page, LEAVER.email);
    await leaver.page.getByRole('heading', { name: 'My training' }).waitFor();

    try {
      await asUser(browser, DEMO.admin, async (page) => {
        await page.getByRole('link', { name: 'Manage people' }).click();
        await page.getByRole('heading', { name: 'Manage people' }).waitFor();
        await page.getByTestId('people-table').waitFor();
        await expectAccessible(page, 'Manage people');

        // Add a colleague: they are invited (no password yet).
        await page.getByRole('button', { name: 'Add a person' }).click();
        const dialog = page.getByRole('dialog', { name: 'Add a person' });
        await dialog.getByLabel('Name').fill('Nadia New');
        await dialog.getByLabel('Email').fill('nadia.new@demo-ltd.example');
        await dialog.getByLabel('Job title').fill('Graduate engineer');
        await expectAccessible(page, 'Add a person');
        await dialog.getByRole('button', { name: 'Add person' }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.getByLabel('Search people').fill('Nadia');
        const added = page.getByTestId('people-table').getByRole('row').filter({ hasText: 'Nadia New' });
        await added.getByText('Invited', { exact: true }).waitFor();

        // Deactivate the leaver, after reading what happens.
        await page.getByLabel('Search people').fill(LEAVER.name);
        await page.getByRole('button', { name: `Deactivate ${LEAVER.name}` }).click();
        const confirm = page.getByRole('dialog', { name: `Deactivate ${LEAVER.name}?` });
        await confirm.getByText('signed out at once').waitFor();
        await expectAccessible(page, 'Deactivate a person');
        await confirm.getByRole('button', { name: 'Deactivate' }).click();
        await confirm.waitFor({ state: 'detached' });
        const row = page.getByTestId('people-table').getByRole('row').filter({ hasText: LEAVER.name });
        await row.getByText('Deactivated').waitFor();
      });

      // The leaver's next request is refused and they land on the sign-in page.
      await leaver.page.reload();
      await leaver.page.waitForURL((url) => url.pathname.startsWith('/login'));
    } finally {
      await leaver.context.close();
      // Leave the demo organisation as the other journeys expect it.
      await asUser(browser, DEMO.admin, async (page) => {
        await page.goto(`/admin/people?q=${encodeURIComponent(LEAVER.name)}`);
        const reactivate = page.getByRole('button', { name: `Reactivate ${LEAVER.name}` });
        await reactivate.click();
        const confirm = page.getByRole('dialog', { name: `Reactivate ${LEAVER.name}?` });
        await confirm.getByRole('button', { name: 'Reactivate' }).click();
        await confirm.waitFor({ state: 'detached' });
      });
    }
  });

  it('adds, renames and merges a department; deleting one with people in it is refused with the reason', async () => {
    await asUser(browser, DEMO.admin, async (page) => {
      await page.goto('/admin/people');
      const table = page.getByTestId('departments-table');
      await table.waitFor();

      await page.getByRole('button', { name: 'Add a department' }).click();
      let dialog = page.getByRole('dialog', { name: 'Add a department' });
      await dialog.getByLabel('Name').fill('Field Office');
      await dialog.getByRole('button', { name: 'Add department' }).click();
      await dialog.waitFor({ state: 'detached' });
      await table.getByText('Field Office').waitFor();

      await page.getByRole('button', { name: 'Rename Field Office' }).click();
      dialog = page.getByRole('dialog', { name: 'Rename Field Office' });
      await dialog.getByLabel('Name').fill('Field Operations');
      await dialog.getByRole('button', { name: 'Rename' }).click();
      await dialog.waitFor({ state: 'detached' });
      await table.getByText('Field Operations').waitFor();

      await page.getByRole('button', { name: 'Delete Security' }).click();
      dialog = page.getByRole('dialog', { name: 'Delete Security?' });
      await dialog.getByRole('button', { name: 'Delete' }).click();
      await dialog.getByText(/Security still has \d+ (person|people)/).waitFor();
      await expectAccessible(page, 'Delete a department that has people');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });

      await page.getByRole('button', { name: 'Merge Field Operations' }).click();
      dialog = page.getByRole('dialog', { name: 'Merge Field Operations into another department' });
      await dialog.getByLabel('Merge into').click();
      await page.getByRole('option', { name: 'Finance' }).click();
      await dialog.getByRole('button', { name: 'Merge' }).click();
      await dialog.waitFor({ state: 'detached' });
      await table.getByText('Field Operations').waitFor({ state: 'detached' });
    });
  });
});
