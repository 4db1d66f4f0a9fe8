import { TestContext, TEST_PASSWORD } from './test-app.js';

describe('authentication', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    // Addresses come from X-Forwarded-For here, so one test can sign in from many places.
    ctx = await TestContext.create({
      LOGIN_MAX_FAILURES: '3',
      LOGIN_LOCKOUT_MINUTES: '7',
      TRUST_PROXY_HOPS: '1',
    });
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

  it('counts down the attempts left before a lock-out, and then says when to try again', async () => {
    const { employee } = await ctx.newTeam();
    const attempt = (password: string) =>
      ctx.http().post('/api/auth/login').send({ email: employee.email, password });
    const first = await attempt('wrong-1').expect(401);
    expect(first.body.details).toEqual({ attemptsLeft: 2, lockoutMinutes: 7 });
    const second = await attempt('wrong-2').expect(401);
    expect(second.body.details).toEqual({ attemptsLeft: 1, lockoutMinutes: 7 });
    // The last one allowed answers with the lock-out it starts.
    const third = await attempt('wrong-3').expect(429);
    expect(third.body.code).toBe('too_many_attempts');
    expect(Number(third.headers['retry-after'])).toBe(third.body.details.retryAfterSeconds);
    // A right password after a wrong one starts the count afresh.
    const { officer } = await ctx.newTeam();
    await ctx.http().post('/api/auth/login').send({ email: officer.email, password: 'wrong' }).expect(401);
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: officer.email, password: TEST_PASSWORD })
      .expect(200);
    const again = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: officer.email, password: 'wrong' })
      .expect(401);
    expect(again.body.details.attemptsLeft).toBe(2);
  });

  it('locks out for LOGIN_LOCKOUT_MINUTES, not for the hour in which failures are counted', async () => {
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
    expect(locked.body.message).toMatch(/Try again in 7 minutes/);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(7 * 60 - 10);
    expect(retryAfter).toBeLessThanOrEqual(7 * 60);
    // The stored lock-out ends 7 minutes from now…
    const [row] = await ctx.dataSource.query(
      `SELECT expire - (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms
         FROM login_throttle WHERE key LIKE 'login_account:' || $1 || '_%'`,
      [employee.email],
    );
    expect(Number(row.ms)).toBeGreaterThan((7 * 60 - 10) * 1000);
    expect(Number(row.ms)).toBeLessThanOrEqual(7 * 60 * 1000);
    // …and once it has (moved into the past here), the right password works again.
    await expireThrottle(ctx, employee.email);
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: employee.email, password: TEST_PASSWORD })
      .expect(200);
  });

  it('slows many addresses guessing one account to about one guess a minute, without locking the person out', async () => {
    const { employee } = await ctx.newTeam();
    const from = (address: string, password: string) =>
      ctx
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email: employee.email, password });

    // 120 wrong passwords from 30 addresses, as fast as they come: only the first few are checked.
    let checked = 0;
    let delayed = 0;
    for (let round = 0; round < 4; round++) {
      for (let n = 1; n <= 30; n++) {
        const res = await from(`10.1.${round}.${n}`, `guess-${round}-${n}`);
        if (res.status === 401) checked++;
        else if (res.status === 429 && res.body.code === 'sign_in_delayed') delayed++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3);
    expect(checked).toBeLessThanOrEqual(6); // 3, then one each time a short wait ran out meanwhile
    expect(delayed).toBe(120 - checked);

    // While the account waits, even the right password is not checked…
    const waiting = await from('192.0.2.10', TEST_PASSWORD).expect(429);
    expect(waiting.body.code).toBe('sign_in_delayed');
    expect(waiting.body.message).toMatch(/Try again in \d+ seconds?/);
    expect(Number(waiting.headers['retry-after'])).toBe(waiting.body.details.retryAfterSeconds);

    // …each further failure doubles the wait, up to a minute…
    const waits: number[] = [];
    for (let n = 0; n < 7; n++) {
      await expireThrottle(ctx, employee.email, 'login_account_gate');
      const wrong = await from(`10.2.0.${n}`, 'still-guessing').expect(401);
      waits.push(wrong.body.details.retryAfterSeconds);
      const next = await from(`10.3.0.${n}`, 'still-guessing').expect(429);
      expect(Number(next.headers['retry-after'])).toBeLessThanOrEqual(wrong.body.details.retryAfterSeconds);
    }
    expect(waits.every((wait, i) => i === 0 || wait === Math.min(60, waits[i - 1]! * 2))).toBe(true);
    expect(waits[0]).toBeGreaterThanOrEqual(2);
    expect(waits.slice(-2)).toEqual([60, 60]);

    // …and guesses sent at the same moment are refused but one.
    await expireThrottle(ctx, employee.email, 'login_account_gate');
    const burst = await Promise.all([1, 2, 3, 4, 5].map((n) => from(`10.4.0.${n}`, 'burst')));
    expect(burst.map((res) => res.status).sort()).toEqual([401, 429, 429, 429, 429]);

    // Once the wait is over the person's own right password works: slowed, never locked out.
    await expireThrottle(ctx, employee.email, 'login_account_gate');
    await from('192.0.2.10', TEST_PASSWORD).expect(200);
    // And the account starts afresh.
    const after = await from('10.5.0.1', 'typo').expect(401);
    expect(after.body.details.retryAfterSeconds).toBeUndefined();
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
    await client.post('/api/auth/logout').expect(200);
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

  it('refuses a session older than SESSION_MAX_HOURS, however recently it was used', async () => {
    const { employee } = await ctx.newTeam();
    const client = await ctx.login(employee);
    await ctx.dataSource.query(
      `UPDATE user_session
          SET created_at = now() - interval '30 days', expires_at = now() + interval '1 hour'
        WHERE user_id = $1`,
      [employee.id],
    );
    const res = await client.get('/api/auth/session').expect(401);
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

/**
 * Moves the stored throttle windows of `email` into the past, as if their time had run out
 * (`prefix` limits it to one of them, e.g. the account's wait between attempts).
 */
async function expireThrottle(ctx: TestContext, email: string, prefix?: string) {
  await ctx.dataSource.query(
    `UPDATE login_throttle SET expire = (extract(epoch FROM now()) * 1000)::bigint - 1000
      WHERE key LIKE '%:' || $1 || '%' AND ($2::text IS NULL OR key LIKE $2 || ':%')`,
    [email, prefix ?? null],
  );
}

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
    expect(await untilStatus(() => client.get('/api/notifications'), 401, 5_000)).toBe(401);
  });

  it('ends access at once on sign-out, even with the session remembered', async () => {
    const { employee } = await ctx.newTeam();
    const client = await ctx.login(employee);
    await client.get('/api/notifications').expect(200);
    await client.post('/api/auth/logout').expect(200);
    await client.get('/api/notifications').expect(401);
  });

  it('ends a deactivated person’s access within SESSION_CACHE_SECONDS', async () => {
    const { employee } = await ctx.newTeam();
    const client = await ctx.login(employee);
    await client.get('/api/notifications').expect(200);
    await ctx.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [employee.id]);
    // Within the cache's second (plus slack for a busy machine), never left open.
    expect(await untilStatus(() => client.get('/api/notifications'), 401, 5_000)).toBe(401);
  });
});

describe('authentication: the absolute session lifetime', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create({ SESSION_MAX_HOURS: '1', SESSION_CACHE_SECONDS: '60' });
  });
  afterAll(() => ctx.close());

  it('ends a remembered session at SESSION_MAX_HOURS, not when the memory of it would', async () => {
    const { employee } = await ctx.newTeam();
    const client = await ctx.login(employee);
    // Signed in 1 hour ago less 2 seconds: still valid, and remembered for up to a minute.
    await ctx.dataSource.query(
      `UPDATE user_session SET created_at = now() - interval '1 hour' + interval '2 seconds' WHERE user_id = $1`,
      [employee.id],
    );
    await client.get('/api/notifications').expect(200);
    const t = Date.now();
    expect(await untilStatus(() => client.get('/api/notifications'), 401, 5_000)).toBe(401);
    expect(Date.now() - t).toBeLessThan(4_000);
  });

  it('never slides the idle expiry past the absolute one', async () => {
    const { employee } = await ctx.newTeam();
    const client = await ctx.login(employee);
    await client.get('/api/notifications').expect(200);
    const [row] = await ctx.dataSource.query(
      `SELECT expires_at <= created_at + interval '1 hour' AS capped FROM user_session WHERE user_id = $1`,
      [employee.id],
    );
    expect(row.capped).toBe(true);
  });
});
