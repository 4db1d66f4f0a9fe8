import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import {
  asUser,
  DEMO,
  expectAccessible,
  launchBrowser,
  mailCount,
  newPage,
  screenshot,
  signOut,
  waitForEmail,
} from './browser.js';

const HEADER = 'email,name,department,role,manager email,sensitivity tier,job title,start date';
const DOMAIN = 'demo-ltd.example';

/** 30 joiners of a new Regional Office, reporting to its first; `broken` adds two bad lines. */
function joiners(broken: boolean): string {
  const lines = [HEADER];
  for (let i = 1; i <= 30; i++) {
    const manager = i === 1 ? '' : `joiner1@${DOMAIN}`;
    lines.push(
      `joiner${i}@${DOMAIN},Joiner ${i},Regional Office,employee,${manager},standard,Field analyst,2026-12-01`,
    );
  }
  if (broken) {
    lines[5] = `joiner5@${DOMAIN},Joiner 5,Regional Office,chief,joiner1@${DOMAIN},standard,Field analyst,2026-12-01`;
    lines[9] = `joiner9-at-${DOMAIN},Joiner 9,Regional Office,employee,joiner1@${DOMAIN},standard,Field analyst,2026-12-01`;
  }
  return lines.join('\r\n') + '\r\n';
}

describe('roll-out journey: an administrator imports people, who are invited by email', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    dir = path.join(os.tmpdir(), `countersign-e2e-import-${process.pid}`);
    await mkdir(dir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('previews a CSV with two bad lines, names them, imports the fixed file and emails invitations', async () => {
    const bad = path.join(dir, 'joiners.csv');
    const good = path.join(dir, 'joiners-fixed.csv');
    await writeFile(bad, joiners(true));
    await writeFile(good, joiners(false));
    const before = await mailCount();

    await asUser(browser, DEMO.admin, async (page) => {
      await page.goto('/admin/people');
      await page.getByRole('link', { name: 'Import from CSV' }).click();
      await page.getByRole('heading', { name: 'Import people' }).waitFor();
      await expectAccessible(page, 'Import people');

      // The file with two bad lines: both named with line and column, nothing can be imported.
      await page.locator('input[type="file"]').setInputFiles(bad);
      await page.getByRole('button', { name: 'Check the file' }).click();
      const preview = page.getByTestId('import-preview');
      await preview.getByText('2 problems to fix').waitFor();
      const problems = page.getByRole('table', { name: 'Problems in the file' });
      await problems
        .getByRole('row')
        .filter({ hasText: '"chief" is not a role' })
        .filter({ hasText: '6' })
        .waitFor();
      await problems
        .getByRole('row')
        .filter({ hasText: 'not an email address' })
        .filter({ hasText: '10' })
        .waitFor();
      expect(await page.getByRole('button', { name: /^Import / }).count()).toBe(0);
      await expectAccessible(page, 'Import preview with problems');
      await screenshot(page, 'people-import-problems', { fullPage: true });

      // The fixed file: 30 to create, one new department; import it.
      await page.locator('input[type="file"]').setInputFiles(good);
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.getByText('No problems').waitFor();
      await preview.getByText('To create').waitFor();
      await page.getByRole('button', { name: 'Import 30 changes' }).click();
      await page.getByText('30 people created').waitFor();
      await expectAccessible(page, 'Import done');

      await page.goto('/admin/people?q=joiner');
      const row = page.getByTestId('people-table').getByRole('row').filter({ hasText: 'Joiner 12' });
      await row.getByText('Invited', { exact: true }).waitFor();
      await row.getByText('Joiner 1', { exact: true }).waitFor();
    });

    // The new people's invitations went out through the real SMTP server.
    const mail = await waitForEmail(`joiner12@${DOMAIN}`, { after: before });
    expect(mail.subject).toBe('Your Countersign account at Demo Ltd');
    expect(mail.text).toMatch(/\/set-password#token=[A-Za-z0-9_-]{43}/);
  });

  const linkIn = (text: string) => {
    const match = /https?:\/\/[^\s]+\/set-password#token=[A-Za-z0-9_-]{43}/.exec(text);
    if (!match) throw new Error(`No link in:\n${text}`);
    return new URL(match[0]);
  };

  it('a new person follows the invitation link, chooses a password and signs in', async () => {
    const mail = await waitForEmail(`joiner12@${DOMAIN}`);
    const link = linkIn(mail.text);
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${link.pathname}${link.hash}`);
      await page.getByRole('heading', { name: 'Welcome, Joiner 12' }).waitFor();
      await expectAccessible(page, 'Choose your password');
      await screenshot(page, 'set-password');
      // A weak password is refused with the reason, next to the field.
      await page.getByLabel('New password').fill('password1234');
      await page.getByLabel('Type it again').fill('password1234');
      await page.getByRole('button', { name: 'Set password' }).click();
      await page.getByText('too easy to guess').waitFor();
      await page.getByLabel('New password').fill('amber kestrel quarry 42 lagoon');
      await page.getByLabel('Type it again').fill('amber kestrel quarry 42 lagoon');
      await page.getByRole('button', { name: 'Set password' }).click();
      await page.getByText('Sign in with your new password.').waitFor();
      await page.locator('input[name="password"]').fill('amber kestrel quarry 42 lagoon');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'My training' }).waitFor();

      // The link is used up.
      await page.goto(`${link.pathname}${link.hash}`);
      await page.getByText('already been used').waitFor();
    } finally {
      await context.close();
    }
  });

  it('forgot password: the reset link arrives by email and the new password works', async () => {
    const email = `joiner12@${DOMAIN}`;
    const before = await mailCount();
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/login');
      // Email first: the password step (and its "forgot" link) follows for a password organisation.
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
      await expectAccessible(page, 'Forgot password');
      await page.getByLabel('Work email').fill(email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByText('If that address belongs to an active account').waitFor();

      const mail = await waitForEmail(email, { after: before });
      expect(mail.subject).toBe('Choose a new Countersign password');
      const link = linkIn(mail.text);
      await page.goto(`${link.pathname}${link.hash}`);
      await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
      await page.getByLabel('New password').fill('harbour violet sextant 17 maple');
      await page.getByLabel('Type it again').fill('harbour violet sextant 17 maple');
      await page.getByRole('button', { name: 'Set password' }).click();
      await page.getByText('Sign in with your new password.').waitFor();
      await page.locator('input[name="password"]').fill('harbour violet sextant 17 maple');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'My training' }).waitFor();

      // Signed in, they change their own password from their account page.
      await page.getByRole('link', { name: 'Your account' }).click();
      await page.getByRole('heading', { name: 'Your account' }).waitFor();
      await expectAccessible(page, 'Your account');
      await page.locator('input[name="currentPassword"]').fill('harbour violet sextant 17 maple');
      await page.locator('input[name="newPassword"]').fill('lichen orbit teapot 63 canyon');
      await page.locator('input[name="newPasswordAgain"]').fill('lichen orbit teapot 63 canyon');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('Password changed').waitFor();
      await signOut(page);
    } finally {
      await context.close();
    }
  });
});
