import { builtInModules } from '@countersign/curriculum';
import { moduleContentSchema } from '@countersign/scenario-engine';
import type { Browser, Page } from 'playwright-core';
import { DEMO, expectAccessible, launchBrowser, newPage, screenshot, signIn } from './browser.js';

/**
 * The whole built-in curriculum, opened by a learner: every "Think Before You Link" module is
 * assigned to one person, who opens each and meets its first step with its artefacts. This checks
 * that every built-in module renders in the real player (and passes the accessibility scan), and
 * refreshes the first-step screenshots in docs/screenshots.
 */
describe('built-in curriculum: every module opens on its first step', () => {
  let browser: Browser;
  let learnerEmail: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    // Someone in People & Culture: the demo data assigns them nothing, so this file never
    // changes what the other journeys' people see.
    const { context, page } = await newPage(browser);
    try {
      await signIn(page, DEMO.admin);
      learnerEmail = await page.evaluate(
        async (slugs) => {
          const session = await fetch('/api/auth/session').then((r) => r.json());
          const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken };
          const departments: { id: string; name: string }[] = await fetch('/api/departments').then((r) =>
            r.json(),
          );
          const department = departments.find((d) => d.name === 'People & Culture')!;
          const people = await fetch(`/api/users?departmentId=${department.id}&pageSize=50`).then((r) =>
            r.json(),
          );
          const learner = people.items.find((p: { role: string }) => p.role === 'employee');
          // The built-in modules only: other journeys add modules of their own (drafts among them).
          const modules = (
            (await fetch('/api/modules').then((r) => r.json())) as { id: string; slug: string }[]
          ).filter((m) => slugs.includes(m.slug));
          if (modules.length !== slugs.length) throw new Error(`Built-in modules missing: ${slugs}`);
          const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
          for (const module of modules) {
            const response = await fetch('/api/assignments', {
              method: 'POST',
              headers,
              body: JSON.stringify({ moduleId: module.id, dueDate: due, userIds: [learner.id] }),
            });
            if (!response.ok)
              throw new Error(`Assigning failed: ${response.status} ${await response.text()}`);
          }
          return learner.email as string;
        },
        builtInModules.map((m) => m.slug),
      );
    } finally {
      await context.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openFirstStep(page: Page, title: string): Promise<void> {
    await page.goto('/training');
    const card = page.getByTestId('assignment-card').filter({ hasText: title });
    await card.getByRole('link', { name: `Start ${title}` }).click();
    await page.getByTestId('player').waitFor();
    await page.getByTestId('choices').waitFor();
  }

  it.each(builtInModules.map((m) => [m.slug, m] as const))('%s', async (slug, module) => {
    const content = moduleContentSchema.parse(module.content);
    const first = content.scenario.steps.find((s) => s.id === content.scenario.start)!;
    const { context, page } = await newPage(browser);
    try {
      await signIn(page, learnerEmail);
      await openFirstStep(page, module.title);
      await page.getByRole('heading', { name: first.title }).first().waitFor();
      for (const choice of first.choices) {
        await page.getByTestId('choices').getByRole('button', { name: choice.label }).waitFor();
      }
      await expectAccessible(page, `first step of ${slug}`);
      await screenshot(page, `module-${slug}`, { fullPage: true });
      expect((await page.pageErrors()).map(String)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
