import { copyRows } from '../src/database/copy-rows.js';
import { TestContext } from './test-app.js';

describe('copyRows: bulk writes with COPY', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('writes every value back exactly: NULL and empty text apart, quotes, commas, line breaks, JSON', async () => {
    const rows: [string | null, number, boolean, object | null, string | null][] = [
      ['plain', 1, true, { a: 1 }, '2026-01-31'],
      ['', 2, false, [], null],
      [null, 3, true, null, null],
      ['with "quotes", commas\nand\r\nline breaks', 4, false, { text: 'a "b", c\nd' }, null],
      ['=SUM(A1) \\ backslash\ttab', 5, true, { nested: { deep: [1, 'two', null] } }, null],
      ['Zoë Ågren 李', 6, false, {}, null],
    ];
    const read = await ctx.dataSource.transaction(async (tx) => {
      await tx.query(`CREATE TEMP TABLE copied (t text, n int, b boolean, j jsonb, d date) ON COMMIT DROP`);
      await copyRows(tx, 'copied', ['t', 'n', 'b', 'j', 'd'], rows);
      return tx.query<{ t: string | null; n: number; b: boolean; j: unknown; d: string | null }[]>(
        `SELECT t, n, b, j, to_char(d, 'YYYY-MM-DD') AS d FROM copied ORDER BY n`,
      );
    });
    expect(read.map((r) => [r.t, r.n, r.b, r.j, r.d])).toEqual(rows);
  });

  it('fails the transaction on a bad row, writing nothing', async () => {
    await ctx.dataSource.query(`CREATE TABLE copied_keep (n int NOT NULL)`);
    try {
      await expect(
        ctx.dataSource.transaction((tx) => copyRows(tx, 'copied_keep', ['n'], [[1], [null], [3]])),
      ).rejects.toThrow(/null value/);
      expect(await ctx.dataSource.query(`SELECT * FROM copied_keep`)).toEqual([]);
    } finally {
      await ctx.dataSource.query(`DROP TABLE copied_keep`);
    }
  });

  it('refuses to run outside a transaction', async () => {
    await expect(copyRows(ctx.dataSource.manager, 'copied', ['n'], [[1]])).rejects.toThrow(/transaction/);
  });
});
