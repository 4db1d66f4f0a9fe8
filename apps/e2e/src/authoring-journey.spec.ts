import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { asUser as signedIn, DEMO, expectAccessible, launchBrowser, screenshot } from './browser.js';

/**
 * Authoring, as an administrator who has never seen the product would do it: build a
 * three-step scenario with a quiz from scratch in the visual editor, preview it, publish it and
 * assign it; then an employee completes it in the learner's player and the security officer sees
 * which version they completed. Authored text carries script payloads throughout: they must stay
 * inert text in the editor, the preview and the player.
 */
const TITLE = 'Speaker invitation: the Vienna forum';
const XSS_IMG = '<img src=x onerror="window.__xss = 1">';
const XSS_SCRIPT = '<script>window.__xss = 2</script>';
const NARRATIVE = [
  'A message arrives from a **conference organiser** you have never met.',
  '',
  `They quote your last paper back to you. ${XSS_IMG}`,
  '',
  '- flights and hotel paid',
  '- a speaking fee of €2,000',
  '',
  `[Read their brochure](javascript:window.__xss=3) ${XSS_SCRIPT}`,
].join('\n');
const SAFE_CHOICE = 'Check the forum and the organiser independently';
const RISKY_CHOICE = 'Accept and send your slides straight away';
const NEW_QUESTION = 'Which of these are red flags in an unsolicited speaking invitation?';
/** A 24×24 PNG: the profile photo the author uploads. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABgAAAAYCAIAAABvFaqvAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAKElEQVQ4jWPQiFpAFcQwapDGaBhpjKajqNEsEjVajCwYLSEXDGQtAgBBoIyfgZu1mAAAAABJRU5ErkJggg==',
  'base64',
);

describe('authoring journey: build → preview → publish → assign → employee completes', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Each session also checks that no authored payload ever ran. */
  const asUser = (email: string, work: (page: Page) => Promise<void>) =>
    signedIn(browser, email, async (page) => {
      await work(page);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    });

  it('an admin builds a three-step scenario with a quiz from scratch and publishes it', async () => {
    await asUser(DEMO.admin, async (page) => {
      await page.setViewportSize({ width: 1600, height: 1000 });
      await page.goto('/admin/modules');
      await page.getByRole('heading', { name: 'Module library' }).waitFor();
      await page.getByRole('table').waitFor();
      await expectAccessible(page, 'module library');
      await screenshot(page, 'module-library');

      // A new module starts from the smallest valid scenario: a decision and two endings.
      await page.getByRole('button', { name: 'New module' }).click();
      const create = page.getByRole('dialog', { name: 'New module' });
      await create.getByRole('textbox', { name: /^Title/ }).fill(TITLE);
      await create
        .getByRole('textbox', { name: /^Summary/ })
        .fill('Spot the warning signs in a flattering invitation to speak abroad.');
      await create.getByRole('button', { name: 'Create and edit' }).click();
      await page.waitForURL(/\/admin\/modules\/[^/]+\/edit$/);
      await page.getByTestId('save-status').waitFor();

      // The opening step: text with Markdown and script payloads, a recruiter profile with a photo.
      await selectStep(page, TITLE);
      let panel = page.getByTestId('step-editor');
      await panel.getByRole('textbox', { name: /^Title/ }).fill('An invitation to speak');
      await panel.getByRole('textbox', { name: /^Narrative/ }).fill(NARRATIVE);
      await panel.getByTestId('add-artefact').click();
      await page.getByRole('menuitem', { name: /Recruiter profile/ }).click();
      const profile = page.getByRole('dialog', { name: /Edit recruiter profile/ });
      await profile.getByRole('textbox', { name: 'Name', exact: true }).fill('Helena Brandt');
      await profile
        .getByRole('textbox', { name: 'Headline', exact: true })
        .fill(`Programme Director, Vienna Strategy Forum ${XSS_IMG}`);
      await profile
        .getByLabel('Profile photo')
        .setInputFiles({ name: 'helena.png', mimeType: 'image/png', buffer: PHOTO });
      await profile.getByRole('button', { name: 'Remove photo' }).waitFor();
      const preview = profile.getByTestId('artefact-preview');
      await preview.getByText(`Programme Director, Vienna Strategy Forum ${XSS_IMG}`).waitFor();
      await expectImageLoaded(preview.getByRole('img', { name: /Profile photo of Helena Brandt/ }));
      await expectAccessible(page, 'artefact editor');
      await screenshot(page, 'editor-artefact');
      await profile.getByRole('button', { name: 'Done' }).click();
      await profile.waitFor({ state: 'detached' });

      const choices = panel.getByTestId('choice-editor');
      await choices
        .nth(0)
        .getByRole('textbox', { name: /^Label/ })
        .fill(SAFE_CHOICE);
      await choices
        .nth(0)
        .getByRole('textbox', { name: /^Feedback/ })
        .fill('Right: a real forum is easy to verify, and your security team can help.');
      await choices
        .nth(1)
        .getByRole('textbox', { name: /^Label/ })
        .fill(RISKY_CHOICE);

      // Replace the compromised ending with one built here.
      await selectStep(page, 'Compromised');
      await page.getByTestId('step-editor').getByRole('button', { name: 'Delete step' }).click();
      await page.getByRole('button', { name: 'Add ending' }).click();
      panel = page.getByTestId('step-editor');
      await panel.getByRole('textbox', { name: /^Title/ }).fill('Your slides are in their hands');
      await panel.locator('label', { hasText: /^Compromised$/ }).click();
      await panel
        .getByRole('textbox', { name: /^Debrief/ })
        .fill('Flattery, a fee and paid travel, from someone you could not verify: three red flags.');

      // Connect the risky choice to the new ending.
      await selectStep(page, 'An invitation to speak');
      panel = page.getByTestId('step-editor');
      await panel.getByRole('button', { name: 'Add choice' }).click();
      const added = panel.getByTestId('choice-editor').last();
      await added.getByRole('textbox', { name: /^Label/ }).fill(RISKY_CHOICE);
      await added.getByRole('textbox', { name: /^Feedback/ }).fill('The slides were what they wanted.');
      await added.getByRole('combobox', { name: /^Next step/ }).click();
      await page.getByRole('option', { name: /Your slides are in their hands/ }).click();
      await page.getByTestId('validation-ok').waitFor();

      // The quiz: add a multiple-choice question to the starter's single-choice one.
      await page.getByRole('tab', { name: /Quiz/ }).click();
      await page.getByRole('button', { name: 'Add question' }).click();
      const question = page.getByTestId('question-editor').last();
      await question.getByRole('textbox', { name: /^Prompt/ }).fill(NEW_QUESTION);
      await question.getByText('Multiple choice').click();
      await question.getByRole('textbox', { name: 'Option 1' }).fill('A speaking fee from a stranger');
      await question.getByRole('textbox', { name: 'Option 2' }).fill('The event has a public website');
      await question
        .getByRole('textbox', { name: /^Explanation/ })
        .fill('A fee from someone you cannot verify is a classic hook; a website proves little either way.');
      await page.getByTestId('validation-ok').waitFor();
      // Reorder from the keyboard: pick up the new question's handle, move it up, drop it. Each key
      // waits for the screen-reader announcement it causes.
      const announced = (text: string) =>
        page.waitForFunction(
          (expected) =>
            [...document.querySelectorAll('[id^="DndLiveRegion"]')].some((region) =>
              region.textContent?.includes(expected),
            ),
          text,
        );
      await page.getByRole('button', { name: 'Reorder question 2' }).focus();
      await page.keyboard.press('Space');
      await announced('in position 2 of 2');
      await page.keyboard.press('ArrowUp');
      await announced('is now in position 1 of 2');
      await page.keyboard.press('Space');
      await page.waitForFunction(
        (prompt) =>
          document.querySelector<HTMLTextAreaElement>('[data-testid="question-editor"] textarea')?.value ===
          prompt,
        NEW_QUESTION,
      );
      await expectAccessible(page, 'quiz builder');

      await page.getByRole('tab', { name: /Scenario/ }).click();
      await selectStep(page, 'An invitation to speak');
      await page.getByRole('button', { name: 'Auto-layout' }).click();
      await waitForSaved(page);
      await expectAccessible(page, 'scenario editor');
      await screenshot(page, 'editor');

      // Preview plays the draft in the learner's player; nothing is recorded.
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      const previewDialog = page.getByRole('dialog', { name: /Preview — nothing is recorded/ });
      await previewDialog.getByRole('heading', { name: 'An invitation to speak' }).waitFor();
      await expectInertAuthoredText(previewDialog);
      await expectAccessible(page, 'preview');
      await screenshot(page, 'editor-preview');
      await previewDialog.getByTestId('choices').getByRole('button', { name: SAFE_CHOICE }).click();
      await previewDialog.getByTestId('choice-feedback').getByRole('button', { name: 'Continue' }).click();
      await previewDialog.getByTestId('ending').waitFor();
      await page.getByRole('button', { name: 'Close preview' }).click();
      await previewDialog.waitFor({ state: 'detached' });

      await page.getByTestId('publish').click();
      const confirm = page.getByRole('dialog', { name: 'Publish this draft?' });
      await confirm.getByRole('button', { name: 'Publish' }).click();
      await page.getByText('Published version 1', { exact: true }).waitFor();

      // The history names the version, who published it and when.
      await page
        .getByRole('link', { name: /History/ })
        .first()
        .click();
      await page.getByRole('heading', { name: `History: ${TITLE}` }).waitFor();
      const v1 = page.getByTestId('version-history').locator('tr[data-version="1"]');
      await v1.getByText('Alex Morgan').waitFor();
    });
  });

  it('the admin assigns the new module to the employee', async () => {
    await asUser(DEMO.admin, async (page) => {
      await page.getByRole('link', { name: 'Assign training' }).click();
      await page.getByRole('heading', { name: 'Assign training' }).waitFor();
      await page.getByRole('combobox', { name: 'Module' }).click();
      await page.getByRole('option', { name: TITLE }).click();
      const people = page.getByRole('combobox', { name: 'People' });
      await people.click();
      await people.fill('Sam Whit');
      await page.getByRole('option', { name: /Sam Whitaker/ }).click();
      await page.getByRole('button', { name: 'Review and assign' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Assign', exact: true }).click();
      await page.getByText('Assigned to 1 person (0 already had it)').waitFor();
    });
  });

  it('the employee completes it: authored text is inert, the photo shows, the quiz passes', async () => {
    await asUser(DEMO.employee, async (page) => {
      await page.goto('/training');
      await page
        .getByTestId('assignment-card')
        .filter({ hasText: TITLE })
        .getByRole('link', { name: `Start ${TITLE}` })
        .click();
      const player = page.getByTestId('player');
      await player.getByRole('heading', { name: 'An invitation to speak' }).waitFor();
      await expectInertAuthoredText(player);
      await expectImageLoaded(player.getByRole('img', { name: /Profile photo of Helena Brandt/ }));

      await player.getByTestId('choices').getByRole('button', { name: SAFE_CHOICE }).click();
      const feedback = page.getByTestId('choice-feedback');
      await feedback.getByText(/a real forum is easy to verify/).waitFor();
      await feedback.getByRole('button', { name: 'Continue' }).click();
      const ending = page.getByTestId('ending');
      expect(await ending.getAttribute('data-outcome')).toBe('safe');
      await ending.getByRole('button', { name: 'Go to the quiz' }).click();

      await page
        .getByRole('radiogroup', { name: /What should you do first/ })
        .getByLabel('Check who is really asking before replying', { exact: true })
        .check();
      await page
        .getByRole('group', { name: new RegExp(escapeRegExp(NEW_QUESTION)) })
        .getByLabel('A speaking fee from a stranger', { exact: true })
        .check();
      await page.getByRole('button', { name: 'Submit answers' }).click();
      const completion = page.getByTestId('completion');
      await completion.waitFor();
      await expect(completion.textContent()).resolves.toMatch(/100%/);
    });
  });

  it('the admin edits the published module: a new draft, version 2, and a readable comparison', async () => {
    await asUser(DEMO.admin, async (page) => {
      await page.setViewportSize({ width: 1600, height: 1000 });
      await page.goto('/admin/modules');
      await page.getByRole('link', { name: `Edit ${TITLE}` }).click();
      await page.getByText(/editing starts a new draft/).waitFor();
      await selectStep(page, 'Safe');
      await page
        .getByTestId('step-editor')
        .getByRole('textbox', { name: /^Title/ })
        .fill('You checked before you answered');
      await page.getByText('Draft of version 2').waitFor();
      await waitForSaved(page);
      await page.getByTestId('publish').click();
      const publish = page.getByRole('dialog', { name: 'Publish this draft?' });
      await publish.getByRole('textbox', { name: /What changed/ }).fill('Clearer title for the safe ending.');
      await publish.getByRole('button', { name: 'Publish' }).click();
      await page.getByText('Published version 2', { exact: true }).waitFor();
      await page.getByText('Published version 2', { exact: true }).waitFor({ state: 'detached' });

      await page
        .getByRole('link', { name: /History/ })
        .first()
        .click();
      await page
        .getByTestId('version-history')
        .locator('tr[data-version="2"]')
        .getByText('Clearer title for the safe ending.')
        .waitFor();
      // The employee completed version 1 before version 2 was published.
      await page
        .getByTestId('version-history')
        .locator('tr[data-version="1"]')
        .getByText('1 person')
        .waitFor();
      const diff = page.getByTestId('version-diff');
      await diff
        .getByTestId('diff-steps')
        .locator('[data-change="changed"]')
        .getByText(/You checked before you answered/)
        .waitFor();
      await expectAccessible(page, 'module history');
      await screenshot(page, 'module-history', { fullPage: true });
    });
  });

  it('the admin exports version 2 and imports it as a new module; a malformed file is refused by path', async () => {
    await asUser(DEMO.admin, async (page) => {
      await page.goto('/admin/modules');
      await page.getByRole('link', { name: `History of ${TITLE}` }).click();
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export JSON of version 2' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/-v2\.json$/);
      const exported = path.join(tmpdir(), `countersign-e2e-${Date.now()}.json`);
      await download.saveAs(exported);
      const document = JSON.parse(await readFile(exported, 'utf8'));
      expect(document.media).toHaveLength(1);

      // A document with an impossible pass mark: the problem is named by its path.
      const broken = structuredClone(document);
      broken.content.quiz.passMark = 150;
      await page.goto('/admin/modules');
      await page.getByRole('button', { name: 'Import module' }).click();
      let dialog = page.getByRole('dialog', { name: 'Import module' });
      await dialog.locator('input[type=file]').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(broken)),
      });
      await dialog.getByRole('button', { name: 'Import as draft' }).click();
      await dialog
        .getByTestId('import-problems')
        .getByText(/content\.quiz\.passMark/)
        .waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      await page.getByRole('button', { name: 'Import module' }).click();
      dialog = page.getByRole('dialog', { name: 'Import module' });
      await dialog.locator('input[type=file]').setInputFiles(exported);
      await dialog.getByTestId('import-summary').getByText(TITLE).waitFor();
      await dialog.getByRole('button', { name: 'Import as draft' }).click();
      await page.waitForURL(/\/admin\/modules\/[^/]+\/edit$/);
      await page.getByTestId('validation-ok').waitFor();
      // The imported copy carries its own copy of the photo.
      await selectStep(page, 'An invitation to speak');
      await expectImageLoaded(
        page
          .getByTestId('step-editor')
          .getByRole('img', { name: /Profile photo of Helena Brandt/ })
          .first(),
      );
    });
  });

  it('the security officer sees that the employee completed version 1', async () => {
    await asUser(DEMO.officer, async (page) => {
      await page.goto('/officer/people');
      await page.getByTestId('progress-table').waitFor();
      await page.getByRole('textbox', { name: /search/i }).fill('Sam Whitaker');
      await page
        .getByTestId('progress-table')
        .getByRole('row')
        .filter({ hasText: TITLE })
        .filter({ hasText: 'Completed' })
        .filter({ hasText: 'v1' })
        .waitFor();
    });
  });
});

/** Opens a step in the side panel through the steps list (the keyboard's way to every step). */
async function selectStep(page: Page, title: string): Promise<void> {
  const list = page.getByRole('navigation', { name: 'Steps' });
  if (!(await list.isVisible())) await page.getByRole('button', { name: 'Show steps list' }).click();
  await list.getByRole('button', { name: new RegExp(`^${escapeRegExp(title)}`) }).click();
  await page
    .getByTestId('step-editor')
    .getByRole('textbox', { name: /^Title/ })
    .and(page.locator(`[value="${title}"]`))
    .waitFor();
}

async function waitForSaved(page: Page): Promise<void> {
  await page
    .getByTestId('save-status')
    .getByText(/^(Saved|All changes saved)/)
    .waitFor();
}

/** The narrative's Markdown renders, and every script payload shows as the text the author typed. */
async function expectInertAuthoredText(scope: Locator): Promise<void> {
  await scope.locator('strong', { hasText: 'conference organiser' }).waitFor();
  await scope.getByText(XSS_IMG).first().waitFor();
  await scope.getByText(XSS_SCRIPT).first().waitFor();
  expect(await scope.locator('img[src="x"], script, [onerror]').count()).toBe(0);
  // A javascript: link is not a link at all.
  expect(await scope.locator('a[href^="javascript"]').count()).toBe(0);
  for (const link of await scope.locator('a[target="_blank"]').all()) {
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  }
}

async function expectImageLoaded(image: Locator): Promise<void> {
  await image.waitFor();
  // decode() settles once the image has loaded (and fails if it cannot): no race with the fetch.
  await expect(
    image.evaluate(async (img) => {
      await (img as HTMLImageElement).decode();
      return (img as HTMLImageElement).naturalWidth;
    }),
  ).resolves.toBe(24);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
