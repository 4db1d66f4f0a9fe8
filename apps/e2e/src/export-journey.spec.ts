import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { asUser, DEMO, expectAccessible, launchBrowser, screenshot } from './browser.js';

/** The CSV's columns (libs/contracts PROGRESS_CSV_COLUMNS), by name. */
const COLUMNS = [
  'Person',
  'Email',
  'Deactivated',
  'Department',
  'Module',
  'Cycle',
  'Status',
  'Overdue',
  'Due date',
  'Completed at (UTC)',
  'Days late',
  'Score (%)',
  'Version',
] as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2026-03-01` → `1 Mar 2026`, as the table shows a due date. */
const shown = (isoDate: string) => {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
};

interface Line {
  name: string;
  email: string;
  department: string;
  module: string;
  status: string;
  due: string;
}

/** Every row the table shows for the current filters, page after page (by the page number in the URL). */
async function tableRows(page: Page): Promise<Line[]> {
  const lines: Line[] = [];
  const base = new URL(page.url());
  for (let n = 1; ; n++) {
    if (n > 1) {
      base.searchParams.set('page', String(n));
      await page.goto(base.pathname + base.search);
    }
    const table = page.getByTestId('progress-table');
    await table.waitFor();
    const pager = page.getByText(/^Showing [\d,]+–[\d,]+ of [\d,]+$/);
    const [, last, total] = /–([\d,]+) of ([\d,]+)/
      .exec(await pager.innerText())!
      .map((s) => s.replace(/,/g, ''));
    for (const row of await table.locator('tbody tr').all()) {
      const cells = row.locator('td');
      lines.push({
        name: await cells.nth(0).getByRole('link').innerText(),
        email: (await cells.nth(0).locator('p').last().innerText()).trim(),
        department: (await cells.nth(1).innerText()).trim(),
        module: (await cells.nth(2).innerText()).trim(),
        // The badges' words (shown in capitals by CSS), lower-cased.
        status: (await cells.nth(3).innerText()).replace(/\s+/g, ' ').trim().toLowerCase(),
        due: (await cells.nth(4).innerText()).trim(),
      });
    }
    if (Number(last) >= Number(total)) return lines;
  }
}

const PDFJS = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/build/pdf.mjs'));

/** Draws page 1 of a PDF with pdf.js into the page (served from a made-up origin), for the screenshot. */
async function showPdf(page: Page, pdf: Buffer): Promise<void> {
  await page.route('http://pdf.local/**', async (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name === 'doc.pdf') return route.fulfill({ body: pdf, contentType: 'application/pdf' });
    if (name === '')
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>PDF</title><body style="margin:0;background:#888">
          <canvas id="pdf" style="display:block;margin:16px auto;box-shadow:0 2px 8px #0006"></canvas>
          <script type="module">
            import * as pdfjs from '/pdf.mjs';
            pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
            const doc = await pdfjs.getDocument({ url: '/doc.pdf' }).promise;
            const first = await doc.getPage(1);
            const viewport = first.getViewport({ scale: 1.5 });
            const canvas = document.getElementById('pdf');
            canvas.width = viewport.width;
            canvas.height = viewport.height;
            await first.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
            document.body.dataset.rendered = 'yes';
          </script></body></html>`,
      });
    return route.fulfill({ body: await readFile(path.join(PDFJS, name)), contentType: 'text/javascript' });
  });
  await page.setViewportSize({ width: 1300, height: 920 });
  await page.goto('http://pdf.local/');
  await page.locator('body[data-rendered="yes"]').waitFor();
}

describe('export journey: the officer exports the overdue list', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('filters the people list to overdue, exports CSV, and the file holds exactly the rows on screen', async () => {
    await asUser(browser, DEMO.officer, async (page) => {
      await page.goto('/officer/people');
      await page.getByTestId('progress-table').waitFor();
      await page.getByRole('combobox', { name: 'Status', exact: true }).click();
      await page.getByRole('option', { name: 'Overdue', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('status') === 'overdue');
      await page.getByTestId('progress-table').locator('tbody tr').first().waitFor();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="progress-table"] tbody tr')].every((tr) =>
          tr.textContent?.includes('Overdue'),
        ),
      );
      await expectAccessible(page, 'People list filtered to overdue, with Export CSV');
      await screenshot(page, 'officer-people-export');
      const filtered = page.url();

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^progress-\d{4}-\d{2}-\d{2}\.csv$/);
      const bytes = await readFile((await file.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for Excel
      const [header, ...records] = parse(bytes, { bom: true }) as string[][];
      expect(header).toEqual([...COLUMNS]);
      const col = (name: (typeof COLUMNS)[number]) => COLUMNS.indexOf(name);

      await page.goto(filtered);
      const onScreen = await tableRows(page);
      expect(onScreen.length).toBeGreaterThan(0);
      expect(
        records.map((r) => ({
          name: r[col('Person')],
          email: r[col('Email')],
          department: r[col('Department')] || '—',
          module: r[col('Module')],
          status: `${r[col('Status')]} Overdue`.toLowerCase(),
          due: shown(r[col('Due date')]!),
        })),
      ).toEqual(onScreen);
      expect(records.every((r) => r[col('Overdue')] === 'Yes')).toBe(true);
    });
  });

  it('downloads the compliance report of a department as a PDF', async () => {
    await asUser(browser, DEMO.officer, async (page) => {
      await page.goto('/officer/people');
      await page.getByRole('button', { name: 'Compliance report' }).click();
      const dialog = page.getByRole('dialog', { name: 'Compliance report (PDF)' });
      await dialog.getByRole('combobox', { name: 'Department', exact: true }).click();
      await page.getByRole('option', { name: 'Systems Engineering', exact: true }).click();
      await expectAccessible(page, 'Compliance report dialog');
      const download = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Download PDF' }).click();
      // The download, or the message saying why there is none.
      const file = await Promise.race([
        download,
        dialog
          .getByRole('alert')
          .waitFor()
          .then(async () => {
            throw new Error(`no report: ${await dialog.getByRole('alert').innerText()}`);
          }),
      ]);
      expect(file.suggestedFilename()).toMatch(/^compliance-\d{4}-\d{2}-\d{2}-Systems_Engineering\.pdf$/);
      const bytes = await readFile((await file.path())!);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await dialog.waitFor({ state: 'detached' });
      await showPdf(page, bytes);
      await screenshot(page, 'compliance-report-pdf');
    });
  });
});
