import { builtInModules } from '@countersign/curriculum';
import { moduleContentSchema } from '@countersign/scenario-engine';
import type { Browser, Page } from 'playwright-core';
import { asUser, DEMO, expectAccessible, launchBrowser, newPage, screenshot } from './browser.js';

/**
 * The core training loop, as three people would live it: an admin assigns a module, the
 * employee plays it and passes its quiz, and the security officer sees the completion.
 */
const MODULE = builtInModules.find((m) => m.slug === 'too-good-to-be-true')!;
const content = moduleContentSchema.parse(MODULE.content);

describe('training journey: assign → play and pass → officer sees it', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the sign-in page is accessible and explains a wrong password', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await page.getByRole('button', { name: 'Continue' }).waitFor();
    await expectAccessible(page, 'login');
    await screenshot(page, 'login');
    await page.getByLabel('Email').fill(DEMO.employee);
    await page.getByRole('button', { name: 'Continue' }).click(); // email first
    await expectAccessible(page, 'login, password step');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .getByText(/email and password do not match/i)
      .waitFor();
    await context.close();
  });

  it('an admin assigns the module to the employee', async () => {
    await asUser(browser, DEMO.admin, async (page) => {
      await page.getByRole('link', { name: 'Assign training' }).click();
      await page.getByRole('heading', { name: 'Assign training' }).waitFor();
      await expectAccessible(page, 'assign');

      await page.getByRole('combobox', { name: 'Module' }).click();
      await page.getByRole('option', { name: MODULE.title }).click();
      const people = page.getByRole('combobox', { name: 'People' });
      await people.click();
      await people.fill('Sam Whit');
      await page.getByRole('option', { name: /Sam Whitaker/ }).click();
      await page.getByRole('button', { name: 'Review and assign' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await expectAccessible(page, 'assign confirmation');
      await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
      await page.getByText('Assigned to 1 person (0 already had it)').waitFor();
    });
  });

  it('the employee plays the scenario, passes the quiz and completes the module', async () => {
    await asUser(browser, DEMO.employee, async (page) => {
      await page.waitForURL(/\/training/);
      const card = page.getByTestId('assignment-card').filter({ hasText: MODULE.title });
      await card.waitFor();
      await expectAccessible(page, 'my training');
      await screenshot(page, 'my-training');
      await card.getByRole('link', { name: `Start ${MODULE.title}` }).click();

      const player = page.getByTestId('player');
      await player.waitFor();
      let steps = 0;
      for (;;) {
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
        if (steps === 0) {
          await expectAccessible(page, 'player step');
          await screenshot(page, 'player', { fullPage: true });
        }
        await page
          .getByTestId('choices')
          .getByRole('button', { name: bestChoiceLabel(await choiceLabels(page)) })
          .click();
        const feedback = page.getByTestId('choice-feedback');
        await feedback.waitFor();
        if (steps === 0) {
          await expectAccessible(page, 'player feedback');
          await screenshot(page, 'player-feedback');
        }
        await feedback.getByRole('button', { name: 'Continue' }).click();
        await feedback.waitFor({ state: 'detached' });
        if (++steps > 20) throw new Error('The scenario did not reach an ending in 20 steps');
      }
      const ending = page.getByTestId('ending');
      expect(await ending.getAttribute('data-outcome')).toBe('safe');
      await expectAccessible(page, 'ending');
      await screenshot(page, 'player-ending');
      await ending.getByRole('button', { name: 'Go to the quiz' }).click();

      await page.getByRole('button', { name: 'Submit answers' }).waitFor();
      for (const question of content.quiz.questions) {
        const role = question.kind === 'single' ? 'radiogroup' : 'group';
        const group = page.getByRole(role, { name: new RegExp(escapeRegExp(question.prompt)) });
        for (const option of question.options.filter((o) => o.correct)) {
          await group.getByLabel(option.label, { exact: true }).check();
        }
      }
      await expectAccessible(page, 'quiz');
      await page.getByRole('button', { name: 'Submit answers' }).click();
      const completion = page.getByTestId('completion');
      await completion.waitFor();
      await expect(completion.textContent()).resolves.toMatch(/100%/);
      await expectAccessible(page, 'completion');
      await screenshot(page, 'player-passed');

      await page.goto('/training');
      await page
        .getByTestId('assignment-card')
        .filter({ hasText: MODULE.title })
        .getByText('Completed')
        .first()
        .waitFor();
    });
  });

  it('the security officer sees the completion in the overview and the people list', async () => {
    await asUser(browser, DEMO.officer, async (page) => {
      await page.waitForURL(/\/officer/);
      await page.getByTestId('stat-cards').waitFor();
      await page.locator('.recharts-surface').first().waitFor();
      // The trend: the demo's past weeks are recorded from its backdated activity.
      await page.getByRole('heading', { name: 'Completion over the last 12 months' }).waitFor();
      const weeks = page.getByRole('table', { name: 'Completion and overdue rate by week' }).getByRole('row');
      await weeks.nth(3).waitFor({ state: 'attached' }); // the header, two finished weeks at least, this week
      await expectAccessible(page, 'officer overview');
      await screenshot(page, 'officer-overview', { fullPage: true });

      await page.getByRole('link', { name: 'People', exact: true }).first().click();
      await page.getByTestId('progress-table').waitFor();
      await page.getByRole('textbox', { name: /search/i }).fill('Sam Whitaker');
      const row = page
        .getByTestId('progress-table')
        .getByRole('row')
        .filter({ hasText: MODULE.title })
        .filter({ hasText: 'Sam Whitaker' });
      await row.filter({ hasText: 'Completed' }).waitFor();
      await expectAccessible(page, 'officer people');
      await screenshot(page, 'officer-people');

      await row.getByRole('link', { name: 'Sam Whitaker' }).click();
      await page.getByRole('heading', { name: 'Sam Whitaker' }).waitFor();
      await page.getByText(MODULE.title).first().waitFor();
      await expectAccessible(page, 'person detail');
      await screenshot(page, 'officer-person');
    });
  });
});

async function choiceLabels(page: Page): Promise<string[]> {
  return (await page.getByTestId('choices').getByRole('button').allInnerTexts()).map((t) => t.trim());
}

/** The best-scoring choice on screen, found by matching the offered labels to the module's steps. */
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
