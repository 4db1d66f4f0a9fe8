import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, newPage } from './browser.js';

/**
 * Failed sign-ins as the person sees them: the attempts left count down, and the lock-out says
 * why the button is disabled and for how long. On an address nobody has, so that no journey's
 * account is locked (the counts are kept per email address as typed, known or not).
 */
const NOBODY = 'nobody-at-all@demo-ltd.example';

describe('sign-in journey: attempts left, then a lock-out that explains itself', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('counts the attempts down and then shows the wait on the disabled button', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/login');
    await page.getByLabel('Email').fill(NOBODY);
    await page.getByRole('button', { name: 'Continue' }).click();
    const button = page.getByRole('button', { name: 'Sign in' });
    const alert = page.getByRole('alert');
    for (let left = 4; left >= 1; left--) {
      await page.getByLabel('Password').fill(`wrong-${left}`);
      await button.click();
      await alert
        .getByText(`${left} attempt${left === 1 ? '' : 's'} left before sign-in is locked for 15 minutes`)
        .waitFor();
    }
    await page.getByLabel('Password').fill('wrong-0');
    await button.click();
    await alert.getByText(/Too many failed sign-in attempts\. Try again in 15 minutes/).waitFor();
    await page
      .getByText(/Sign-in is paused after failed attempts: you can try again in 1[45]:\d\d minutes/)
      .waitFor();
    expect(await button.isDisabled()).toBe(true);
    expect(await button.getAttribute('aria-describedby')).toBe('sign-in-wait');
    await expectAccessible(page, 'sign-in locked');
    await context.close();
  });
});
