import type { Browser, Page } from 'playwright-core';
import { asUser, DEMO, expectAccessible, launchBrowser, screenshot } from './browser.js';

const MODULE = 'When it turns to pressure';
const RULE = 'Systems Engineering annual refresh';

/** The module's Assigned figure in the officer's overview ("By module"). */
async function assignedOf(page: Page): Promise<number> {
  await page.goto('/officer');
  const region = page.getByRole('region', { name: 'By module' });
  await region.getByRole('row').nth(1).waitFor(); // loaded
  const row = region.getByRole('row').filter({ hasText: MODULE });
  if (!(await row.count())) return 0;
  const cells = await row.first().getByRole('cell').allInnerTexts();
  return Number((cells[1] ?? '').replace(/[^0-9]/g, ''));
}

describe('programme journey: an administrator sets a rule once, and the programme runs itself', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a rule with a preview, the overview shows the assignments, the outbox the reminders, the template its preview', async () => {
    const before = await asUser(browser, DEMO.officer, assignedOf);

    const assigned = await asUser(browser, DEMO.admin, async (page) => {
      await page.getByRole('link', { name: 'Assignment rules' }).click();
      await page.getByRole('heading', { name: 'Assignment rules' }).waitFor();
      await page.getByRole('button', { name: 'New rule' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'New assignment rule' });
      await dialog.getByLabel('Name').fill(RULE);
      await dialog.getByRole('combobox', { name: 'Module', exact: true }).click();
      await page.getByRole('option', { name: MODULE }).click();
      await dialog.getByRole('combobox', { name: 'Departments' }).click();
      await page.getByRole('option', { name: 'Systems Engineering' }).click();
      await dialog.getByRole('combobox', { name: 'Sensitivity tiers' }).click();
      await page.getByRole('option', { name: 'High' }).click();
      await page.keyboard.press('Escape');
      // Due in 7 days: today is the "7 days before" reminder.
      await dialog.getByLabel('Days to complete').fill('7');
      await dialog.getByRole('combobox', { name: 'Repeat' }).click();
      await page.getByRole('option', { name: /Every year after completion/ }).click();
      // Reminders 7 days before, on the day, every 3 days after; the manager after 7 days: the defaults.
      expect(await dialog.getByLabel('Once overdue, remind every').inputValue()).toBe('3 days');
      expect(await dialog.getByLabel('Tell the manager after').inputValue()).toBe('7 days');

      const preview = dialog.getByTestId('rule-preview');
      await preview.getByText(/would be assigned now/).waitFor();
      const text = await preview.innerText();
      const toAssign = Number(/(\d+)\s+would be assigned now/.exec(text)?.[1]);
      expect(text).toMatch(/The rule matches \d+ (person|people)/);
      expect(toAssign).toBeGreaterThan(0);
      await expectAccessible(page, 'New assignment rule');
      await screenshot(page, 'assignment-rule-form', { fullPage: true });

      await dialog.getByRole('button', { name: 'Review and save' }).click();
      const confirm = page.getByRole('dialog', { name: 'Create the rule?' });
      await confirm.getByText(new RegExp(`to ${toAssign} (person|people) now`)).waitFor();
      await confirm.getByRole('button', { name: 'Create rule' }).click();
      await page.getByText('Rule created').waitFor();
      const table = page.getByTestId('rules-table');
      await table.getByRole('button', { name: `Edit ${RULE}` }).waitFor();
      await expectAccessible(page, 'Assignment rules');
      await screenshot(page, 'assignment-rules');
      return toAssign;
    });

    await asUser(browser, DEMO.officer, async (page) => {
      // The overview counts the new assignments.
      expect(await assignedOf(page)).toBe(before + assigned);
      // The reminders of the new assignments were queued (and the worker sends them within seconds).
      await page.getByRole('link', { name: 'Outbox' }).click();
      await page.getByRole('heading', { name: 'Outbox' }).waitFor();
      await page.getByLabel('Search').fill('need your attention');
      const rows = page
        .getByTestId('outbox-table')
        .getByRole('row')
        .filter({ hasText: 'need your attention' });
      await rows.first().waitFor();
      expect(await rows.count()).toBeGreaterThanOrEqual(assigned);
      await expectAccessible(page, 'Outbox');
      await screenshot(page, 'outbox');
    });

    await asUser(browser, DEMO.admin, async (page) => {
      await page.getByRole('link', { name: 'Email templates' }).click();
      await page.getByRole('heading', { name: 'Email templates' }).waitFor();
      const preview = page.getByTestId('template-preview-reminder');
      await preview.getByRole('heading', { name: 'Preview for Alex Morgan' }).waitFor();
      await preview.getByText(/Security training: \d+ module\(s\) need your attention/).waitFor();
      await preview.getByText('Hello Alex Morgan,').waitFor();
      await expectAccessible(page, 'Email templates');
      await screenshot(page, 'email-templates', { fullPage: true });
    });
  });
});
