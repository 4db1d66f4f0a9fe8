import { TestContext, TEST_PASSWORD } from './test-app.js';

describe('authentication', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => ctx.close());

  it('signs in with email and password, setting an httpOnly SameSite session cookie', async () => {
    const { employee, org } = await ctx.newTeam('Acme');
    const res = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: employee.email.toUpperCase(), password: TEST_PASSWORD })
      .expect(200);
    expect(res.body).toMatchObject({
      user: { id: employee.id, role: 'employee', organisation: { id: org.id, name: 'Acme' } },
      permissions: expect.arrayContaining(['training:play']),
      csrfToken: expect.any(String),
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/countersign_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // No token in the body: it lives only in the cookie.
    expect(JSON.stringify(res.body)).not.toContain(cookie.split(';')[0]!.split('=')[1]);
  });

  it('stores an argon2id hash, never the password', async () => {
    const { employee } = await ctx.newTeam();
    const [row] = await ctx.dataSource.query(`SELECT password_hash FROM app_user WHERE id = $1`, [
      employee.id,
    ]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password or unknown email with the same answer', async () => {
    const { employee } = await ctx.newTeam();
    const wrong = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: employee.email, password: 'nope' })
      .expect(401);
    const unknown = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: 'nobody@example.test', password: 'nope' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('invalid_credentials');
  });

  it('refuses a deactivated account', async () => {
    const org = await ctx.newOrganisation();
    const user = await ctx.newUser({ organisationId: org.id, active: false });
    await ctx.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
  });

  it('names the fields at fault', async () => {
    const res = await ctx.http().post('/api/auth/login').send({ email: 'not-an-email' }).expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'email', message: 'must be an email address' },
        { field: 'password', message: 'is required' },
      ]),
    );
  });

  it('locks an account out after repeated failures, even for the right password', async () => {
    const { employee } = await ctx.newTeam();
    for (let i = 0; i < 3; i++) {
      await ctx
        .http()
        .post('/api/auth/login')
        .send({ email: employee.email, password: `wrong-${i}` });
    }
    const locked = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: employee.email, password: TEST_PASSWORD })
      .expect(429);
    expect(locked.body.code).toBe('too_many_attempts');
    expect(locked.body.message).toMatch(/Try again in \d+ minute/);
    // Another account from the same address is unaffected.
    const { officer } = await ctx.newTeam();
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: officer.email, password: TEST_PASSWORD })
      .expect(200);
  });

  it('keeps the lock-out in the database, shared by every API replica', async () => {
    const rows = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM login_throttle`);
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it('reports the session and ends it on logout', async () => {
    const { officer } = await ctx.newTeam();
    const client = await ctx.login(officer);
    const session = await client.get('/api/auth/session').expect(200);
    expect(session.body.user.id).toBe(officer.id);
    expect(session.body.csrfToken).toBe(client.session.csrfToken);
    await client.post('/api/auth/logout').expect(204);
    await client.get('/api/auth/session').expect(401);
    await client.get('/api/me/assignments').expect(401);
  });

  it('answers 401 to a forged or expired session cookie', async () => {
    await ctx.http().get('/api/me/assignments').set('Cookie', 'countersign_session=forged').expect(401);
    const { employee } = await ctx.newTeam();
    const client = await ctx.login(employee);
    await ctx.dataSource.query(
      `UPDATE user_session SET expires_at = now() - interval '1 minute' WHERE user_id = $1`,
      [employee.id],
    );
    const res = await client.get('/api/me/assignments').expect(401);
    expect(res.body.code).toBe('unauthenticated');
  });

  it('applies a role change within SESSION_CACHE_SECONDS (the session is re-read after that)', async () => {
    const { employee } = await ctx.newTeam();
    const client = await ctx.login(employee);
    await client.get('/api/progress/overview').expect(403);
    await ctx.dataSource.query(`UPDATE app_user SET role = 'officer' WHERE id = $1`, [employee.id]);
    const status = await untilStatus(() => client.get('/api/progress/overview'), 200, 5_000 + 2_000);
    expect(status).toBe(200);
  });
});

/** Polls until the request answers `want` or `withinMs` passes; returns the last status seen. */
async function untilStatus(send: () => PromiseLike<{ status: number }>, want: number, withinMs: number) {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const { status } = await send();
    if (status === want || Date.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('authentication: sessions remembered per replica', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create({ SESSION_CACHE_SECONDS: '1' });
  });
  afterAll(() => ctx.close());

  it('answers from memory without a database round trip while the entry is fresh', async () => {
    const { employee } = await ctx.newTeam();
    const client = await ctx.login(employee);
    await client.get('/api/notifications').expect(200);
    // The session row is gone from the database, yet the replica still trusts its recent check…
    await ctx.dataSource.query(`DELETE FROM user_session WHERE user_id = $1`, [employee.id]);
    await client.get('/api/notifications').expect(200);
    // …for at most SESSION_CACHE_SECONDS.
    expect(await untilStatus(() => client.get('/api/notifications'), 401, 2_500)).toBe(401);
  });

  it('ends access at once on sign-out, even with the session remembered', async () => {
    const { employee } = await ctx.newTeam();
    const client = await ctx.login(employee);
    await client.get('/api/notifications').expect(200);
    await client.post('/api/auth/logout').expect(204);
    await client.get('/api/notifications').expect(401);
  });

  it('ends a deactivated person’s access within SESSION_CACHE_SECONDS', async () => {
    const { employee } = await ctx.newTeam();
    const client = await ctx.login(employee);
    await client.get('/api/notifications').expect(200);
    await ctx.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [employee.id]);
    const t = Date.now();
    expect(await untilStatus(() => client.get('/api/notifications'), 401, 2_500)).toBe(401);
    expect(Date.now() - t).toBeLessThan(1_600);
  });
});
