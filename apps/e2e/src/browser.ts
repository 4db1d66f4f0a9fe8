import { AxeBuilder } from '@axe-core/playwright';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://localhost:3100';
export const DEMO_PASSWORD = process.env.E2E_DEMO_PASSWORD ?? '';
export const DEMO = {
  admin: 'admin@demo-ltd.example',
  officer: 'officer@demo-ltd.example',
  employee: 'employee@demo-ltd.example',
} as const;

/** Launches the journeys' Chromium: CHROMIUM_PATH, Debian's, or the packaged one (see chromium.ts). */
export { launchBrowser } from './chromium.js';

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  return { context, page };
}

/**
 * Signs in as `email` in a fresh browser context, runs `work`, and checks that no page of it
 * threw an uncaught script error.
 */
export async function asUser<T>(
  browser: Browser,
  email: string,
  work: (page: Page) => Promise<T>,
): Promise<T> {
  const { context, page } = await newPage(browser);
  try {
    await signIn(page, email);
    const result = await work(page);
    expect((await page.pageErrors()).map(String)).toEqual([]);
    return result;
  } finally {
    await context.close();
  }
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click(); // email first
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function signOut(page: Page): Promise<void> {
  const response = page.waitForResponse((r) => r.url().endsWith('/api/auth/logout'));
  await page.evaluate(async () => {
    const session = await fetch('/api/auth/session').then((r) => r.json());
    await fetch('/api/auth/logout', { method: 'POST', headers: { 'X-CSRF-Token': session.csrfToken } });
  });
  await response;
}

/** axe-core scan of the page as it stands: no serious or critical violations allowed. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // A modal still fading in has half-transparent text: scan what the user ends up seeing. Two
  // frames first, so that a transition a click has just asked for has started and is counted.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect({ page: label, violations: summary }).toEqual({ page: label, violations: [] });
}

/**
 * With UPDATE_SCREENSHOTS=1 the journeys refresh the README's screenshots in docs/screenshots;
 * otherwise screenshots go to apps/e2e/.artifacts for inspection after a failure.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  const dir =
    process.env.UPDATE_SCREENSHOTS === '1'
      ? `${REPO_ROOT}/docs/screenshots`
      : `${REPO_ROOT}/apps/e2e/.artifacts`;
  await page.evaluate(() => document.fonts.ready);
  const viewport = page.viewportSize();
  if (options.fullPage && viewport) {
    // Grow the window to the whole page rather than stitching, so the fixed side bar spans it too.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: viewport.width, height });
  }
  await page.screenshot({ path: `${dir}/${name}.png` });
  if (viewport) await page.setViewportSize(viewport);
}

/**
 * The newest email to `to` that the journeys' SMTP server (global-setup) has received, parsed by
 * mailparser; waits for the outbox to deliver it (it sends every second in the journeys).
 */
export async function waitForEmail(
  to: string,
  { after = 0, timeoutMs = 30_000 }: { after?: number; timeoutMs?: number } = {},
): Promise<{ subject: string; text: string; index: number }> {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR is not set: run through Jest so global-setup starts the mailbox.');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = (await readdir(dir)).filter((n) => n.endsWith('.eml')).sort();
    for (let i = names.length - 1; i >= 0 && i >= after; i--) {
      const mail = await simpleParser(await readFile(path.join(dir, names[i]!)));
      const recipients = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address?.toLowerCase()));
      if (recipients.includes(to.toLowerCase()))
        return { subject: mail.subject ?? '', text: mail.text ?? '', index: i + 1 };
    }
    if (Date.now() > deadline) throw new Error(`No email to ${to} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** How many emails the mailbox holds now: pass as `after` to wait only for newer ones. */
export async function mailCount(): Promise<number> {
  const dir = process.env.E2E_MAIL_DIR;
  return dir ? (await readdir(dir)).filter((n) => n.endsWith('.eml')).length : 0;
}
