import type { MarkAllReadResult, NotificationList } from '@countersign/contracts/notifications';
import { TestContext, type TestUser } from './test-app.js';

describe('notifications: mark all as read', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  /** A notification for `user`, `secondsAgo` old. */
  async function notify(user: TestUser, title: string, secondsAgo: number): Promise<string> {
    const [row] = await ctx.dataSource.query<{ id: string }[]>(
      `INSERT INTO notification (organisation_id, user_id, kind, title, link, created_at)
       VALUES ($1, $2, 'report-status-changed', $3, '/', now() - make_interval(secs => $4)) RETURNING id`,
      [user.organisationId, user.id, title, secondsAgo],
    );
    return row!.id;
  }

  const unreadIds = async (userId: string) =>
    (
      await ctx.dataSource.query<{ id: string }[]>(
        `SELECT id FROM notification WHERE user_id = $1 AND read_at IS NULL ORDER BY created_at`,
        [userId],
      )
    ).map((r) => r.id);

  it("marks every unread notification of the caller read, and nobody else's", async () => {
    const { employee, officer } = await ctx.newTeam();
    const stranger = (await ctx.newTeam()).employee;
    for (const [user, n] of [
      [employee, 3],
      [officer, 2],
      [stranger, 1],
    ] as const) {
      for (let i = 0; i < n; i++) await notify(user, `For ${user.role} ${i}`, 60 + i);
    }
    const alreadyRead = await notify(employee, 'Already read', 120);
    await ctx.dataSource.query(
      `UPDATE notification SET read_at = now() - interval '1 minute' WHERE id = $1`,
      [alreadyRead],
    );
    const [readBefore] = await ctx.dataSource.query<{ read_at: Date }[]>(
      `SELECT read_at FROM notification WHERE id = $1`,
      [alreadyRead],
    );

    const client = await ctx.login(employee);
    const res = await client.post('/api/notifications/read-all', {}).expect(200);
    expect(res.body as MarkAllReadResult).toEqual({ marked: 3, unread: 0 });
    expect(await unreadIds(employee.id)).toEqual([]);
    expect(await unreadIds(officer.id)).toHaveLength(2);
    expect(await unreadIds(stranger.id)).toHaveLength(1);
    // One read earlier keeps the time it was read.
    const [readAfter] = await ctx.dataSource.query<{ read_at: Date }[]>(
      `SELECT read_at FROM notification WHERE id = $1`,
      [alreadyRead],
    );
    expect(readAfter!.read_at).toEqual(readBefore!.read_at);

    const list = (await client.get('/api/notifications').expect(200)).body as NotificationList;
    expect(list.unread).toBe(0);
    expect(list.items.every((item) => item.read)).toBe(true);

    // Again: nothing left to mark.
    expect((await client.post('/api/notifications/read-all', {}).expect(200)).body).toEqual({
      marked: 0,
      unread: 0,
    });
  });

  it('with upTo, leaves unread what arrived after the newest one the person saw', async () => {
    const { employee } = await ctx.newTeam();
    await notify(employee, 'Old', 300);
    await notify(employee, 'Seen', 200);
    const later = await notify(employee, 'Arrived after the list was shown', 100);
    const client = await ctx.login(employee);

    const list = (await client.get('/api/notifications').expect(200)).body as NotificationList;
    const seen = list.items.find((item) => item.title === 'Seen')!;
    // The ISO time has milliseconds; the stored one has microseconds: "Seen" itself is included.
    const res = await client.post('/api/notifications/read-all', { upTo: seen.createdAt }).expect(200);
    expect(res.body).toEqual({ marked: 2, unread: 1 });
    expect(await unreadIds(employee.id)).toEqual([later]);
  });

  it('refuses an upTo that is not a date and time, naming the field, and marks nothing', async () => {
    const { employee } = await ctx.newTeam();
    await notify(employee, 'Unread', 10);
    const client = await ctx.login(employee);
    const res = await client.post('/api/notifications/read-all', { upTo: 'yesterday' }).expect(400);
    expect(res.body).toMatchObject({ code: 'validation_failed', details: [{ field: 'upTo' }] });
    expect(await unreadIds(employee.id)).toHaveLength(1);
  });
});
