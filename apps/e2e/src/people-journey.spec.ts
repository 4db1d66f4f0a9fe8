import type { Browser, Page } from 'playwright-core';
import { asUser, DEMO, expectAccessible, launchBrowser, newPage, signIn } from './browser.js';

/** A demo employee no other journey uses: deactivated here, reactivated at the end. */
const LEAVER = {
  name: 'Hamza Khan',
  email: 'hamza.khan@demo-ltd.example',
  department: 'Systems Engineering',
};

/** The leaver's department in the officer's overview: its People and Assigned figures. */
async function departmentRow(page: Page): Promise<{ people: number; assigned: number }> {
  await page.goto('/officer');
  const row = page
    .getByRole('region', { name: 'Completion by department' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: LEAVER.department, exact: true }) });
  await row.waitFor();
  const cells = await row.getByRole('cell').allInnerTexts();
  const number = (text: string | undefined) => Number((text ?? '').replace(/[^0-9]/g, ''));
  return { people: number(cells[1]), assigned: number(cells[2]) };
}

/**
 * The leaver's assignments on their page, reached from the officer's people list: listed there
 * by default while active; once deactivated only with "Include deactivated people", marked.
 */
async function assignmentsOf(page: Page, deactivated: boolean): Promise<string[]> {
  const search = `/officer/people?q=${encodeURIComponent(LEAVER.name)}`;
  await page.goto(search);
  const table = page.getByTestId('progress-table');
  const link = table.getByRole('link', { name: LEAVER.name }).first();
  if (deactivated) {
    await page.getByText('No one matches these filters').waitFor();
    // The switch's state lives in the URL (a bookmarkable filter), as here.
    await page.goto(`${search}&leavers=show`);
    expect(await page.getByRole('switch', { name: 'Include deactivated people' }).isChecked()).toBe(true);
    await table.getByRole('row').filter({ hasText: LEAVER.name }).first().getByText('Deactivated').waitFor();
  }
  await link.click();
  await page.getByRole('heading', { name: LEAVER.name }).waitFor();
  if (deactivated) await page.getByText('Deactivated', { exact: true }).first().waitFor();
  const rows = page.getByRole('region', { name: 'Assignments' }).getByRole('row');
  await rows.nth(1).waitFor();
  return (await rows.allInnerTexts()).slice(1).map((text) => text.replace(/\s+/g, ' ').trim());
}

describe('people journey: an administrator adds a colleague and deactivates a leaver', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('adds a person, then deactivates a signed-in leaver, who is signed out at once, leaves the rates and keeps the records', async () => {
    // What the officer sees of the leaver's department, and of the leaver, beforehand.
    const before = await asUser(browser, DEMO.officer, async (page) => ({
      department: await departmentRow(page),
      assignments: await assignmentsOf(page, false),
    }));
    expect(before.assignments.length).toBeGreaterThan(0);

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

      // The officer: the leaver no longer counts in the department's figures, but their
      // assignments and completions are still listed, marked as a deactivated person's.
      await asUser(browser, DEMO.officer, async (page) => {
        const after = await departmentRow(page);
        expect(after.people).toBe(before.department.people - 1);
        expect(after.assigned).toBe(before.department.assigned - before.assignments.length);
        expect(await assignmentsOf(page, true)).toEqual(before.assignments);
        await expectAccessible(page, 'A deactivated person, as the officer sees them');
      });
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
