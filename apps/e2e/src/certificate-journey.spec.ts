import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInModules } from '@countersign/curriculum';
import { moduleContentSchema } from '@countersign/scenario-engine';
import { PDFParse } from 'pdf-parse';
import type { Browser, Page } from 'playwright-core';
import { asUser, DEMO, expectAccessible, launchBrowser, newPage, screenshot } from './browser.js';

/**
 * Certificates, as the people who rely on them meet them: the employee finishes a module and
 * downloads the certificate from My training; anyone holding it opens the link printed on it and
 * the public verify page confirms it; the security officer revokes it (and the page says so), then
 * reinstates it.
 */
const MODULE = builtInModules.find((m) => m.slug === 'the-approach')!;
const content = moduleContentSchema.parse(MODULE.content);
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SCREENSHOTS =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? `${REPO_ROOT}/docs/screenshots`
    : `${REPO_ROOT}/apps/e2e/.artifacts`;

describe('certificate journey: complete → download → verify → revoke', () => {
  let browser: Browser;
  let code = '';
  let pdf: Buffer;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the employee completes a module and downloads its certificate from My training', async () => {
    await asUser(browser, DEMO.employee, async (page) => {
      await page.waitForURL(/\/training/);
      const card = page.getByTestId('assignment-card').filter({ hasText: MODULE.title });
      await card.waitFor();
      // The demo leaves this module under way; an earlier journey on this server may have finished it.
      const download = card.getByRole('button', { name: `Download certificate for ${MODULE.title}` });
      if (!(await download.isVisible())) {
        await card.getByRole('link', { name: new RegExp(`^(Start|Resume) ${MODULE.title}$`) }).click();
        await playToPass(page);
        // The certificate is offered straight away on the completion screen too.
        await page
          .getByTestId('completion')
          .getByRole('button', { name: `Download certificate for ${MODULE.title}` })
          .waitFor();
        await page.goto('/training');
      }
      await download.waitFor();
      await expectAccessible(page, 'my training with a certificate');
      // Every certificate earned, earlier cycles too, on a page of its own.
      await page.getByRole('link', { name: 'Your certificates' }).click();
      await page.getByTestId('certificate-row').filter({ hasText: MODULE.title }).waitFor();
      await expectAccessible(page, 'your certificates');
      await page.goBack();
      await download.waitFor();

      const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
      expect(file.suggestedFilename()).toMatch(/^Sam Whitaker - The approach - [A-Z2-7]{8}\.pdf$/);
      pdf = await readFile((await file.path())!);
    });

    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const text = (await parser.getText()).text;
    // The verify link printed on the certificate (and in its QR code) carries the code.
    const link = /http:\/\/localhost:\d+\/verify\/([A-Z2-7]{32})/.exec(text);
    expect(link).not.toBeNull();
    code = link![1]!;
    expect(text).toContain('Sam Whitaker');
    expect(text).toContain(MODULE.title);
    expect(text).toMatch(/Completed on \d{1,2} [A-Z][a-z]+ \d{4}/);

    // The certificate as a picture for the README.
    const shot = await parser.getScreenshot({ scale: 1.5, imageBuffer: true });
    await writeFile(`${SCREENSHOTS}/certificate.png`, Buffer.from(shot.pages[0]!.data));
    await parser.destroy();
  });

  it('anyone, without signing in, opens the link on the certificate and the page confirms it', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`/verify/${code}`);
      const valid = page.getByRole('alert').filter({ hasText: 'This certificate is valid' });
      await valid.waitFor();
      const facts = page.getByRole('table', { name: 'What the certificate states' });
      await expect(facts.textContent()).resolves.toMatch(
        new RegExp(
          `PersonSam Whitaker.*Organisation.*Demo Ltd.*Module${MODULE.title}.*Version1.*Completed on.*Score`,
        ),
      );
      await expectAccessible(page, 'verify certificate');
      await screenshot(page, 'verify-certificate');

      // Typed by hand, in lower case with the printed hyphens: the same answer.
      await page.getByLabel('Check another code').fill(code.toLowerCase().replace(/(.{4})(?!$)/g, '$1-'));
      await page.getByRole('button', { name: 'Check the certificate' }).click();
      await page.waitForURL(new RegExp(`/verify/${code}$`));
      await valid.waitFor();

      // A code nobody issued.
      await page.goto(`/verify/${'A'.repeat(32)}`);
      await page.getByRole('alert').filter({ hasText: "We don't know this code" }).waitFor();
      await expectAccessible(page, 'verify unknown code');
      expect((await page.pageErrors()).map(String)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the officer revokes the certificate with a reason, the verify page says so, and reinstates it', async () => {
    await asUser(browser, DEMO.officer, async (page) => {
      await page.goto('/officer/people?q=Sam%20Whitaker');
      await page.getByTestId('progress-table').getByRole('link', { name: 'Sam Whitaker' }).first().click();
      await page.getByRole('heading', { name: 'Sam Whitaker' }).waitFor();
      const row = page.getByTestId('certificate-row').filter({ hasText: MODULE.title });
      await row.getByText('Valid', { exact: true }).waitFor();

      await row.getByRole('button', { name: `Revoke certificate for ${MODULE.title}` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Revoke certificate' }).click();
      await dialog.getByText('Say why, in a few words.').waitFor();
      await dialog.getByLabel('Why is it revoked?').fill('Journey test: revoked to check the verify page.');
      await expectAccessible(page, 'revoke certificate');
      await dialog.getByRole('button', { name: 'Revoke certificate' }).click();
      await dialog.waitFor({ state: 'detached' });
      await row.getByText('Revoked', { exact: true }).waitFor();
      await expectAccessible(page, 'person with a revoked certificate');

      const verify = await page.context().newPage();
      await verify.goto(`/verify/${code}`);
      await verify
        .getByRole('alert')
        .filter({ hasText: /This certificate was revoked on \d/ })
        .waitFor();
      await verify.close();

      await row.getByRole('button', { name: `Reinstate certificate for ${MODULE.title}` }).click();
      await dialog.getByLabel('Why is it reinstated?').fill('Journey test: reinstated.');
      await dialog.getByRole('button', { name: 'Reinstate certificate' }).click();
      await dialog.waitFor({ state: 'detached' });
      await row.getByText('Valid', { exact: true }).waitFor();
    });
  });
});

/** Plays the module in the player: the best choice at each step, then every quiz answer right. */
async function playToPass(page: Page): Promise<void> {
  await page.getByTestId('player').waitFor();
  for (let steps = 0; ; steps++) {
    const next = await Promise.race([
      page
        .getByTestId('choices')
        .waitFor()
        .then(() => 'choices' as const),
      page
        .getByTestId('ending')
        .waitFor()
        .then(() => 'ending' as const),
    ]);
    if (next === 'ending') break;
    if (steps > 20) throw new Error('The scenario did not reach an ending in 20 steps');
    const labels = (await page.getByTestId('choices').getByRole('button').allInnerTexts()).map((t) =>
      t.trim(),
    );
    await page
      .getByTestId('choices')
      .getByRole('button', { name: bestChoiceLabel(labels) })
      .click();
    const feedback = page.getByTestId('choice-feedback');
    await feedback.waitFor();
    await feedback.getByRole('button', { name: 'Continue' }).click();
    await feedback.waitFor({ state: 'detached' });
  }
  await page.getByTestId('ending').getByRole('button', { name: 'Go to the quiz' }).click();
  await page.getByRole('button', { name: 'Submit answers' }).waitFor();
  for (const question of content.quiz.questions) {
    const role = question.kind === 'single' ? 'radiogroup' : 'group';
    const group = page.getByRole(role, { name: new RegExp(escapeRegExp(question.prompt)) });
    for (const option of question.options.filter((o) => o.correct))
      await group.getByLabel(option.label, { exact: true }).check();
  }
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await page.getByTestId('completion').waitFor();
}

function bestChoiceLabel(labels: string[]): string {
  const step = content.scenario.steps.find(
    (s) =>
      s.choices.length === labels.length && s.choices.every((c) => labels.some((l) => l.endsWith(c.label))),
  );
  if (!step) throw new Error(`No step offers the choices ${JSON.stringify(labels)}`);
  return [...step.choices].sort((a, b) => b.points - a.points)[0]!.label;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
