import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import {
  asUser,
  DEMO,
  DEMO_PASSWORD,
  expectAccessible,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  signOut,
} from './browser.js';

const STEP_MS = 30_000;
const stepOf = (ms: number) => Math.floor(ms / STEP_MS);

/** Waits for the authenticator's next 30-second step: a code is accepted once only. */
async function nextStep(after: number): Promise<void> {
  while (stepOf(Date.now()) <= after) await new Promise((r) => setTimeout(r, 250));
}

/**
 * An officer adds an authenticator app on "Your account" with a code this test computes from the
 * key the page shows, signs out, and signs in with password and a fresh code. Then an
 * administrator resets the officer's second factor, which leaves the demo officer as the other
 * journeys expect (password only).
 */
describe('second-factor journey: an officer adds an authenticator app and signs in with it', () => {
  let browser: Browser;
  let secret = '';
  let confirmedStep = 0;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const noPageErrors = async (page: Page) => expect((await page.pageErrors()).map(String)).toEqual([]);

  it('enrols on Your account, then signs in with password and a code', async () => {
    const { context, page } = await newPage(browser);
    try {
      await signIn(page, DEMO.officer);
      await page.goto('/account');
      const section = page.getByRole('region', { name: 'Second factor' });
      await section.getByRole('button', { name: 'Set up an authenticator app' }).click();
      await section.getByTestId('enrolment-qr').waitFor();
      secret = (await section.getByTestId('enrolment-secret').innerText()).replace(/\s/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await expectAccessible(page, 'Add an authenticator app');
      await screenshot(page, 'second-factor-enrol', { fullPage: true });

      // A wrong code is refused next to the field; the right one adds the app.
      await section.getByLabel('6-digit code').fill('000000');
      await section.getByRole('button', { name: 'Confirm' }).click();
      await section.getByText('is not the current code of the app', { exact: false }).waitFor();
      confirmedStep = stepOf(Date.now());
      await section.getByLabel('6-digit code').fill(await generate({ secret }));
      await section.getByRole('button', { name: 'Confirm' }).click();

      // The recovery codes, once: "Done" only after saying they are saved.
      const codes = page.getByTestId('recovery-codes');
      await codes.getByRole('list', { name: 'Recovery codes' }).waitFor();
      expect(await codes.getByRole('listitem').count()).toBe(10);
      const done = codes.getByRole('button', { name: 'Done' });
      expect(await done.isDisabled()).toBe(true);
      await expectAccessible(page, 'Recovery codes');
      await codes.getByLabel('I have saved my recovery codes somewhere safe').check();
      await done.click();
      await section.getByText(/Authenticator app added .* 10 recovery codes left/).waitFor();
      await noPageErrors(page);

      // Signed out, the password alone is not enough: the code step follows.
      await signOut(page);
      await page.goto('/login');
      await page.getByLabel('Email').fill(DEMO.officer);
      await page.getByRole('button', { name: 'Continue' }).click(); // email first
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const step = page.getByRole('form', { name: 'Second step of sign-in' });
      await step.getByLabel('6-digit code').waitFor();
      await step.getByRole('button', { name: 'Use a recovery code instead' }).waitFor();
      await expectAccessible(page, 'Second step of sign-in');
      await nextStep(confirmedStep);
      await step.getByLabel('6-digit code').fill(await generate({ secret }));
      await screenshot(page, 'second-factor-sign-in');
      await step.getByRole('button', { name: 'Verify and sign in' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.getByRole('navigation').first().waitFor();
      await page.goto('/account');
      await page.getByText(/Authenticator app added/).waitFor();
      await noPageErrors(page);
    } finally {
      await context.close();
    }
  });

  it('an administrator resets the officer’s second factor, after a confirmation', async () => {
    await asUser(browser, DEMO.admin, async (page) => {
      const officerId = await page.evaluate(async (email) => {
        const people = await fetch(`/api/people?q=${encodeURIComponent(email)}`).then((r) => r.json());
        return (people.items as { id: string; email: string }[]).find((p) => p.email === email)!.id;
      }, DEMO.officer);
      await page.goto(`/officer/people/${officerId}`);
      const section = page
        .locator('section')
        .filter({ has: page.getByRole('heading', { name: 'Second factor' }) });
      await section.getByText(/Added .* 10 recovery codes left/).waitFor();
      await section.getByRole('button', { name: 'Reset second factor' }).click();
      const dialog = page.getByRole('dialog', { name: /Reset .*second factor\?/ });
      await dialog.getByText('they are signed out everywhere;').waitFor();
      await expectAccessible(page, 'Reset second factor');
      await dialog.getByRole('button', { name: 'Reset second factor' }).click();
      await section.getByText('has no authenticator app').waitFor();
    });
    // The officer signs in with the password alone again, as the other journeys expect.
    await asUser(browser, DEMO.officer, async () => {});
  });

  it('with the policy on, an officer without an app adds one during sign-in before getting in', async () => {
    // The administrator stays signed in throughout: the policy would hold up their own next sign-in.
    const admin = await newPage(browser);
    const officer = await newPage(browser);
    try {
      await signIn(admin.page, DEMO.admin);
      const policy = async (on: boolean) => {
        const page = admin.page;
        await page.goto('/admin/settings');
        const toggle = page.getByRole('switch', {
          name: 'Require an authenticator app for security officers and administrators',
        });
        await toggle.waitFor();
        expect(await toggle.isChecked()).toBe(!on);
        await toggle.click({ force: true });
        if (on) {
          const dialog = page.getByRole('dialog', { name: 'Require an authenticator app?' });
          await dialog.getByRole('button', { name: 'Require it' }).waitFor();
          await expectAccessible(page, 'Require an authenticator app?');
          await dialog.getByRole('button', { name: 'Require it' }).click();
        }
        await page.getByText(on ? 'now need an authenticator app' : 'now optional for everyone').waitFor();
        expect(await toggle.isChecked()).toBe(on);
      };
      await policy(true);

      const page = officer.page;
      await page.goto('/login');
      await page.getByLabel('Email').fill(DEMO.officer);
      await page.getByRole('button', { name: 'Continue' }).click(); // email first
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Your organisation asks security officers and administrators').waitFor();
      const key = (await page.getByTestId('enrolment-secret').innerText()).replace(/\s/g, '');
      await expectAccessible(page, 'Add an authenticator app at sign-in');
      await page.getByLabel('6-digit code').fill(await generate({ secret: key }));
      await page.getByRole('button', { name: 'Confirm' }).click();
      const codes = page.getByTestId('recovery-codes');
      await codes.getByLabel('I have saved my recovery codes somewhere safe').check();
      await codes.getByRole('button', { name: 'Continue to Countersign' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      // While the policy is on, the app cannot be removed.
      await page.goto('/account');
      await page.getByText('Your organisation requires an authenticator app for your role').waitFor();
      expect(await page.getByRole('button', { name: 'Remove authenticator app' }).isDisabled()).toBe(true);
      await noPageErrors(page);

      // Back as the other journeys expect: the policy off, the officer's app reset.
      await policy(false);
      const status = await admin.page.evaluate(async (email) => {
        const people = await fetch(`/api/people?q=${encodeURIComponent(email)}`).then((r) => r.json());
        const id = (people.items as { id: string; email: string }[]).find((p) => p.email === email)!.id;
        const session = await fetch('/api/auth/session').then((r) => r.json());
        const reset = await fetch(`/api/people/${id}/second-factor/reset`, {
          method: 'POST',
          headers: { 'X-CSRF-Token': session.csrfToken },
        });
        return reset.status;
      }, DEMO.officer);
      expect(status).toBe(200);
      await noPageErrors(admin.page);
    } finally {
      await admin.context.close();
      await officer.context.close();
    }
    await asUser(browser, DEMO.officer, async () => {});
    await asUser(browser, DEMO.admin, async () => {});
  });
});
