import type { Browser } from 'playwright-core';
import { asUser, DEMO, expectAccessible, launchBrowser, screenshot } from './browser.js';

/**
 * The auditor's question "who changed this, and when?": the admin publishes a module, opens the
 * Audit log, filters it to publishing, and finds the event with their name, the module and the
 * version; the before/after of a change opens in place.
 */
const TITLE = 'Audit journey: the recruiter on the phone';

describe('audit journey: publish → audit log filtered to publishing', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the admin publishes a module and finds the publish event, with their name, in the audit log', async () => {
    await asUser(browser, DEMO.admin, async (page) => {
      await page.setViewportSize({ width: 1440, height: 1000 });
      await page.goto('/admin/modules');
      await page.getByRole('heading', { name: 'Module library' }).waitFor();
      await page.getByRole('button', { name: 'New module' }).click();
      const create = page.getByRole('dialog', { name: 'New module' });
      await create.getByRole('textbox', { name: /^Title/ }).fill(TITLE);
      await create
        .getByRole('textbox', { name: /^Summary/ })
        .fill('A call from a "headhunter" who knows too much.');
      await create.getByRole('button', { name: 'Create and edit' }).click();
      await page.waitForURL(/\/admin\/modules\/[^/]+\/edit$/);
      await page.getByTestId('save-status').waitFor();
      // The starter scenario is valid as it stands: publish it.
      await page.getByTestId('publish').click();
      const confirm = page.getByRole('dialog', { name: 'Publish this draft?' });
      await confirm
        .getByRole('textbox', { name: /What changed/ })
        .fill('First version for the audit journey.');
      await confirm.getByRole('button', { name: 'Publish' }).click();
      await page.getByText('Published version 1', { exact: true }).waitFor();

      // A change with a before and after, to see it on the page too.
      await page.goto('/admin/settings');
      const years = page.getByRole('textbox', { name: 'Keep audit events for (years)' });
      await years.waitFor();
      await expect(years.inputValue()).resolves.toBe('7');
      await years.fill('8');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('The audit log is kept 8 years.').waitFor();
      await expectAccessible(page, 'settings');
      // Shortening asks first, and cancelling keeps 8.
      await years.fill('3');
      await page.getByRole('button', { name: 'Save' }).click();
      const shorten = page.getByRole('dialog', { name: 'Shorten the retention?' });
      await shorten.getByText(/cannot be recovered/).waitFor();
      await expectAccessible(page, 'shorten retention');
      await shorten.getByRole('button', { name: 'Cancel' }).click();
      await shorten.waitFor({ state: 'detached' });
      await years.fill('8');

      await page.getByRole('link', { name: 'Audit log' }).click();
      await page.getByRole('heading', { name: 'Audit log' }).waitFor();
      const table = page.getByTestId('audit-table');
      await table.waitFor();
      await expectAccessible(page, 'audit log');

      // Filter to publishing: only publish events are left, newest (ours) first.
      await page.getByRole('combobox', { name: 'Action', exact: true }).click();
      await page.getByRole('option', { name: 'Published a module', exact: true }).click();
      await page.keyboard.press('Escape');
      const rows = table.locator('tbody > tr');
      // Our event is newest, so it shows before the filter's answer arrives: wait for the list to
      // hold publish events only (the unfiltered rows are replaced when the filtered page loads).
      await page.waitForURL(/action=module\.published/);
      let texts: string[] = [];
      for (const started = Date.now(); Date.now() - started < 15_000; await page.waitForTimeout(100)) {
        texts = await rows.allInnerTexts();
        if (texts.length > 0 && texts.every((text) => text.includes('Published a module'))) break;
      }
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) expect(text).toContain('Published a module');
      const ours = rows.filter({ hasText: TITLE }).first();
      await ours.getByText('Alex Morgan', { exact: true }).waitFor(); // the demo administrator
      await ours.getByText(/^version: 1 · note: First version/).waitFor();
      // The filter is in the address: a reload (or the link sent to an auditor) shows the same list.
      expect(new URL(page.url()).searchParams.get('action')).toBe('module.published');
      await page.reload();
      await rows.filter({ hasText: TITLE }).first().waitFor();
      expect(await rows.count()).toBe(texts.length);
      await ours.getByRole('button', { name: 'Details' }).click();
      await table.getByText('"First version for the audit journey."', { exact: false }).waitFor();
      await expectAccessible(page, 'audit log filtered to publishing');

      // The settings change, with its before and after.
      await page.getByRole('combobox', { name: 'Action', exact: true }).click();
      await page.getByRole('option', { name: 'Changed the organisation’s settings', exact: true }).click();
      await page.keyboard.press('Escape');
      const settingsRow = rows.filter({ hasText: 'Changed the organisation’s settings' }).first();
      await settingsRow.getByText('audit retention years: 7 → 8').waitFor();
      await settingsRow.getByRole('button', { name: 'Before and after' }).click();
      await table.getByRole('table', { name: 'Before and after' }).waitFor();
      await expectAccessible(page, 'audit log before and after');
      await screenshot(page, 'audit-log');

      // The CSV of what is on screen downloads (and the export is itself recorded).
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      expect((await download).suggestedFilename()).toMatch(/^audit-log-\d{4}-\d\d-\d\d\.csv$/);
    });
  });
});
