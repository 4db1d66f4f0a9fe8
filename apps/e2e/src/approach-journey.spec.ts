import type { Browser } from 'playwright-core';
import { asUser, DEMO, expectAccessible, launchBrowser, screenshot } from './browser.js';

/**
 * From "this message feels odd" to an outcome: the employee checks a message, gets "high" and
 * reports it; a security officer triages and closes it; the employee sees the outcome.
 */
const MESSAGE =
  'Your insight is exactly what our clients need. We would cover your flights and hotel for the forum in ' +
  'Shanghai, plus an honorarium for a short paper on your current programme. ' +
  "Let's continue on WhatsApp, and best keep this between us for now.";
const OUTCOME = 'Thank you. The profile is fake and has been reported to the platform. Do not reply to it.';

describe('approach journey: check → report → triage → outcome', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the employee checks a message, gets a high rating and reports it', async () => {
    await asUser(browser, DEMO.employee, async (page) => {
      const started = Date.now();
      await page.getByRole('link', { name: 'Check an approach' }).click();
      await page.getByRole('button', { name: 'Check', exact: true }).waitFor();
      await page
        .getByLabel('They contacted me out of the blue (connection request or message)', { exact: true })
        .check();
      await page
        .getByLabel('Paid work: a report, white paper, analysis, advice or consultancy', { exact: true })
        .check();
      await page
        .getByLabel('They would pay flights, hotels, conference fees or expenses', { exact: true })
        .check();
      await page.getByLabel('Paste the message (optional)').fill(MESSAGE);
      await expectAccessible(page, 'checker');
      await page.getByRole('button', { name: 'Check', exact: true }).click();

      const result = page.getByTestId('check-result');
      await result.waitFor();
      await expect(page.getByTestId('rating-badge').innerText()).resolves.toMatch(/high/i);
      // The paraphrases in the pasted text were recognised as red flags from the catalogue.
      for (const flag of [/abroad|travel/i, /private|off the platform|move/i, /secre|quiet|between us/i]) {
        await result.getByText(flag).first().waitFor();
      }
      await expectAccessible(page, 'check result');
      await screenshot(page, 'checker', { fullPage: true });

      await result
        .getByRole('link', { name: 'Report this approach' })
        .or(result.getByRole('button', { name: 'Report this approach' }))
        .click();
      const form = page.getByTestId('report-form');
      await form.waitFor();
      await expect(page.getByLabel('The message').inputValue()).resolves.toBe(MESSAGE);
      await page.getByRole('combobox', { name: 'Where did it happen?' }).click();
      await page.getByRole('option', { name: 'LinkedIn', exact: true }).click();
      await page.getByLabel('Profile address').fill('https://www.linkedin.example/in/harbourline-daniel');
      await page.getByLabel('Name they used').fill('Daniel Whitcombe');
      await form.getByLabel('No', { exact: true }).check();
      await expectAccessible(page, 'report form');
      await screenshot(page, 'report-form', { fullPage: true });
      await page.getByRole('button', { name: 'Send report' }).click();
      await page.waitForURL(/\/approaches\/mine\/[0-9a-f-]{36}/);
      // The confirmation toast (its container loads with the first toast, see app/providers.tsx).
      await page.getByText('Report sent', { exact: true }).waitFor();
      await page
        .getByText(/AR-\d{4}-\d{4}/)
        .first()
        .waitFor();
      // "This feels odd" to a report in under a minute, with a browser driving at human-ish speed.
      expect(Date.now() - started).toBeLessThan(60_000);
    });
  });

  it('a security officer is notified, triages the report and closes it with an outcome', async () => {
    await asUser(browser, DEMO.officer, async (page) => {
      // The high-rated report reached the officers as an in-app notification.
      const bell = page.getByRole('button', { name: /^Notifications, [1-9]\d* unread$/ });
      await bell.click();
      await page.getByRole('dialog', { name: 'Notifications' }).getByText(/high/i).first().waitFor();
      await page.keyboard.press('Escape');

      await page.getByRole('link', { name: 'Approach reports' }).click();
      const table = page.getByTestId('triage-table');
      await table.waitFor();
      const row = table.getByRole('row').filter({ hasText: 'Sam Whitaker' }).first();
      await row.waitFor();
      await expectAccessible(page, 'triage queue');
      await screenshot(page, 'triage-queue');

      await row.getByRole('link').first().click();
      const detail = page.getByTestId('report-detail');
      await detail.waitFor();
      await page.getByRole('button', { name: 'Start review' }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /Change to/ })
        .click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Close with an outcome' }).waitFor();

      await page
        .getByLabel('Add a note')
        .fill('Same profile reported by two engineers last month. Passed to the platform.');
      await page.getByRole('button', { name: 'Add note' }).click();
      await page.getByTestId('notes').getByText('Passed to the platform.', { exact: false }).waitFor();
      await expectAccessible(page, 'report detail');
      await screenshot(page, 'triage-report', { fullPage: true });

      await page.getByRole('button', { name: 'Close with an outcome' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Outcome for the reporter').fill(OUTCOME);
      await expectAccessible(page, 'close dialog');
      await dialog.getByRole('button', { name: 'Close the report' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Reopen for review' }).waitFor();
    });
  });

  it('the employee sees the outcome of their report, and never the officers’ notes', async () => {
    await asUser(browser, DEMO.employee, async (page) => {
      await page.getByRole('link', { name: 'My reports' }).click();
      const table = page.getByTestId('my-reports-table');
      await table.waitFor();
      await expectAccessible(page, 'my reports');
      await table.getByRole('link').first().click();
      await page.getByTestId('report-outcome').getByText(OUTCOME).waitFor();
      expect(await page.getByText('Passed to the platform.').count()).toBe(0);
      await expectAccessible(page, 'my report');
    });
  });
});
