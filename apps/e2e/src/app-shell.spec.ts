import type { Browser } from 'playwright-core';
import { asUser, DEMO, launchBrowser } from './browser.js';

/**
 * The app shell's tooltips load on demand (components/ui/tooltip-on-demand.tsx): the collapsed
 * navigation still names each link on hover and on keyboard focus, and focus stays put while the
 * tooltip code arrives.
 */
describe('app shell: the collapsed navigation names its links', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a link’s name in a tooltip on keyboard focus, then on hover', async () => {
    await asUser(browser, DEMO.employee, async (page) => {
      await page.getByRole('link', { name: 'My training' }).waitFor();
      // Pressed with the keyboard, so no hover has brought the tooltip code yet.
      await page.getByTestId('nav-collapse-toggle').focus();
      await page.keyboard.press('Enter');
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      const myReports = nav.getByRole('link', { name: 'My reports' });
      await myReports.focus();
      await page.getByRole('tooltip', { name: 'My reports' }).waitFor();
      expect(await myReports.evaluate((link) => link === document.activeElement)).toBe(true);

      await nav.getByRole('link', { name: 'Check an approach' }).hover();
      await page.getByRole('tooltip', { name: 'Check an approach' }).waitFor();

      // Open again for the next journeys in this browser profile.
      await page.getByTestId('nav-collapse-toggle').click();
    });
  });
});
