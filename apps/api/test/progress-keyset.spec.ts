import type { ProgressPage, ProgressSort } from '@countersign/contracts/progress';
import { TestContext, type Client, type TestUser } from './test-app.js';

/*
 * Keyset pages of the people list (`after` = the previous page's `nextCursor`) must be exactly the
 * OFFSET pages: same ids, same order, for every sort, through ties on every sort key and through
 * the NULL completion times of unfinished assignments.
 *
 * Organisation "Keyset": people whose names repeat (three "Ann Tie", four "Sam Same"), each with
 * two or three modules, due dates from only three days, and completions that share a timestamp to
 * the microsecond or differ only in the microseconds (a JS Date would lose them). One inactive
 * person's assignments must never appear. Organisation "Other" has a list of its own.
 */
const NAMES = [
  'Ann Tie',
  'Ann Tie',
  'Ann Tie',
  'Bob Solo',
  'Sam Same',
  'Sam Same',
  'Sam Same',
  'Sam Same',
  'Tom Alone',
  'Zoe Last',
];
const DUE = ['2020-06-01', '2099-01-01', '2099-01-01', '2020-06-01', '2099-12-31'];
const COMPLETED = [
  '2026-03-01 10:00:00.123456+00',
  '2026-03-01 10:00:00.123456+00',
  '2026-03-01 10:00:00.123457+00',
  '2026-03-01 10:00:00.123+00',
  '2026-02-01 08:00:00+00',
];
const SORTS: ProgressSort[] = ['dueDate', 'name', 'completedAt'];

describe('people list keyset pages (after / nextCursor)', () => {
  let ctx: TestContext;
  let officer: Client;
  let otherOfficer: Client;
  const ours = new Set<string>();
  const theirs = new Set<string>();

  beforeAll(async () => {
    ctx = await TestContext.create();
    const org = await ctx.newOrganisation('Keyset');
    const modules = (await ctx.moduleIds(org.id)).slice(0, 3);
    expect(modules).toHaveLength(3);
    let n = 0;
    const people: TestUser[] = [];
    for (const name of NAMES) people.push(await ctx.newUser({ organisationId: org.id, name }));
    for (const [i, person] of people.entries()) {
      for (const moduleId of modules.slice(0, 2 + (i % 2))) {
        const id = await ctx.assign(person, moduleId, DUE[n % DUE.length]);
        ours.add(id);
        // Every third assignment completed, at one of a few (often equal) times; the rest NULL.
        if (n % 3 === 0) {
          await ctx.dataSource.query(
            `UPDATE assignment SET status = 'completed', completed_at = $2 WHERE id = $1`,
            [id, COMPLETED[(n / 3) % COMPLETED.length]],
          );
        } else if (n % 3 === 1) {
          await ctx.dataSource.query(`UPDATE assignment SET status = 'in-progress' WHERE id = $1`, [id]);
        }
        n++;
      }
    }
    const leaver = await ctx.newUser({ organisationId: org.id, name: 'Ann Tie', active: false });
    await ctx.assign(leaver, modules[0]!, DUE[0]);
    officer = await ctx.login(await ctx.newUser({ organisationId: org.id, role: 'officer' }));

    const other = await ctx.newTeam('Other');
    const [otherModule] = await ctx.moduleIds(other.org.id);
    for (const name of ['Ann Tie', 'Sam Same', 'Sam Same']) {
      const person = await ctx.newUser({ organisationId: other.org.id, name });
      theirs.add(await ctx.assign(person, otherModule!, DUE[1]));
    }
    otherOfficer = await ctx.login(other.officer);
  });
  afterAll(() => ctx.close());

  async function list(client: Client, query: string): Promise<ProgressPage> {
    return (await client.get(`/api/progress?${query}`).expect(200)).body as ProgressPage;
  }
  const ids = (page: ProgressPage) => page.items.map((r) => r.assignmentId);

  /** Every page by OFFSET (page=1, 2, …), then every page by cursor from page 1's nextCursor. */
  async function walk(query: string, pageSize: number) {
    const byOffset: ProgressPage[] = [];
    for (let page = 1; ; page++) {
      const res = await list(officer, `${query}&pageSize=${pageSize}&page=${page}`);
      if (res.items.length === 0) break;
      byOffset.push(res);
    }
    const byCursor: ProgressPage[] = [await list(officer, `${query}&pageSize=${pageSize}`)];
    for (let cursor = byCursor[0]!.nextCursor; cursor; cursor = byCursor.at(-1)!.nextCursor) {
      const page = byCursor.length + 1;
      byCursor.push(
        await list(officer, `${query}&pageSize=${pageSize}&page=${page}&after=${encodeURIComponent(cursor)}`),
      );
      expect(byCursor.length).toBeLessThanOrEqual(100);
    }
    return { byOffset, byCursor };
  }

  describe.each(SORTS)('sort=%s', (sort) => {
    it.each([1, 2, 3, 7, 200])(
      'walks the same rows by cursor as by offset, %i per page',
      async (pageSize) => {
        const { byOffset, byCursor } = await walk(`sort=${sort}`, pageSize);
        const all = byOffset.flatMap(ids);
        expect(new Set(all)).toEqual(ours);
        expect(all).toHaveLength(ours.size);
        // Page by page: same ids in the same order, the true total, the page number asked for.
        expect(byCursor.map(ids)).toEqual(byOffset.map(ids));
        expect(byCursor.map((p) => [p.page, p.total])).toEqual(byOffset.map((p, i) => [i + 1, ours.size]));
        // A next cursor on every page but the last.
        expect(byCursor.map((p) => p.nextCursor === null)).toEqual(
          byCursor.map((_, i) => i === byCursor.length - 1),
        );
        expect(byOffset.map((p) => p.nextCursor === null)).toEqual(
          byOffset.map((_, i) => i === byOffset.length - 1),
        );
      },
    );

    it('walks a filtered list the same way (status and search)', async () => {
      for (const filter of ['status=not-started', 'status=completed', 'q=tie', 'q=sam&status=in-progress']) {
        const { byOffset, byCursor } = await walk(`sort=${sort}&${filter}`, 2);
        expect(byOffset.length).toBeGreaterThan(0);
        expect(byCursor.map(ids)).toEqual(byOffset.map(ids));
      }
    });
  });

  it('really has the ties it is about', async () => {
    const rows = (await list(officer, 'pageSize=200')).items;
    const count = (key: (r: (typeof rows)[number]) => string) => {
      const groups = new Map<string, number>();
      for (const row of rows) groups.set(key(row), (groups.get(key(row)) ?? 0) + 1);
      return Math.max(...groups.values());
    };
    expect(count((r) => r.dueDate)).toBeGreaterThan(5);
    expect(count((r) => `${r.user.name}|${r.module.title}`)).toBeGreaterThan(2);
    expect(count((r) => String(r.completedAt))).toBeGreaterThan(10); // the NULLs
    const [{ same }] = await ctx.dataSource.query<{ same: number }[]>(
      `SELECT max(n)::int AS same FROM (SELECT count(*) AS n FROM assignment WHERE completed_at IS NOT NULL GROUP BY completed_at) x`,
    );
    expect(same).toBeGreaterThan(1);
  });

  it('gives a cursor on the page it was asked for, past the end of the list too', async () => {
    const first = await list(officer, 'pageSize=5');
    expect(first.nextCursor).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]+$/));
    const all = await list(officer, 'pageSize=200');
    expect(all).toMatchObject({ page: 1, total: ours.size, nextCursor: null });
    const lastCursor = (await list(officer, `pageSize=${ours.size - 1}`)).nextCursor!;
    const last = await list(officer, `pageSize=5&page=9&after=${lastCursor}`);
    expect(last).toMatchObject({ page: 9, pageSize: 5, total: ours.size, nextCursor: null });
    expect(ids(last)).toEqual([ids(all).at(-1)]);
  });

  it.each([
    ['not base64url', 'not a cursor!'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    [
      'a wrong key type',
      Buffer.from(JSON.stringify({ s: 'dueDate', k: [1, 'a', 'b', 'c'] })).toString('base64url'),
    ],
    ['too few keys', Buffer.from(JSON.stringify({ s: 'name', k: ['Ann Tie', 'x'] })).toString('base64url')],
    ['an unknown sort', Buffer.from(JSON.stringify({ s: 'score', k: [] })).toString('base64url')],
    [
      'extra fields',
      Buffer.from(JSON.stringify({ s: 'name', k: ['a', 'b', crypto.randomUUID()], org: 'x' })).toString(
        'base64url',
      ),
    ],
    [
      'a millisecond time',
      Buffer.from(
        JSON.stringify({ s: 'completedAt', k: ['2026-03-01T10:00:00.123Z', 'a', 'b', crypto.randomUUID()] }),
      ).toString('base64url'),
    ],
    ['empty', ''],
    ['too long', 'A'.repeat(2001)],
  ])('rejects a cursor that is %s with 400 naming after', async (_, after) => {
    const res = await officer.get(`/api/progress?after=${encodeURIComponent(after)}`).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
    expect((res.body.details as { field: string }[]).map((d) => d.field)).toEqual(['after']);
  });

  it('rejects a cursor of another sort with 400 naming after', async () => {
    const byName = (await list(officer, 'sort=name&pageSize=3')).nextCursor!;
    const res = await officer.get(`/api/progress?sort=dueDate&after=${byName}`).expect(400);
    expect(res.body.details).toEqual([
      { field: 'after', message: expect.stringContaining('sorted by name') },
    ]);
  });

  it('reads a cursor from another organisation’s list as a position only: the rows stay its own', async () => {
    for (const sort of SORTS) {
      const theirCursor = (await list(otherOfficer, `sort=${sort}&pageSize=1`)).nextCursor!;
      expect(theirCursor).toBeTruthy();
      const mine = await list(officer, `sort=${sort}&pageSize=200&after=${theirCursor}`);
      expect(mine.total).toBe(ours.size);
      expect(ids(mine).every((id) => ours.has(id))).toBe(true);
      // Exactly the rows of our own list that sort after their row.
      const all = ids(await list(officer, `sort=${sort}&pageSize=200`));
      expect(all.slice(all.length - mine.items.length)).toEqual(ids(mine));

      const myCursor = (await list(officer, `sort=${sort}&pageSize=1`)).nextCursor!;
      const back = await list(otherOfficer, `sort=${sort}&pageSize=200&after=${myCursor}`);
      expect(back.total).toBe(theirs.size);
      expect(ids(back).every((id) => theirs.has(id))).toBe(true);
    }
  });
});
