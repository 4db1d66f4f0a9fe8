import type { SessionResponse } from '@countersign/contracts/auth';
import type { EnrolmentStart, SecondFactorStep } from '@countersign/contracts/second-factor';
import { generate } from 'otplib';
import type request from 'supertest';
import { Clock } from '../src/common/clock.js';
import { AuthService } from '../src/modules/auth/auth.service.js';
import { TEST_PASSWORD, TestContext, type Client, type TestUser } from './test-app.js';

const STEP = 30;

describe('second factor (TOTP)', () => {
  let ctx: TestContext;
  const realNow = Clock.prototype.now;
  /** The server's time for codes, in seconds; set to 10 s into a step so no test straddles two. */
  let epoch: number;

  beforeAll(async () => {
    ctx = await TestContext.create({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '7' });
  });
  beforeEach(() => {
    epoch = Math.floor(Date.now() / 1000 / STEP) * STEP + 10;
    ctx.app.get(Clock).now = () => new Date(epoch * 1000);
  });
  afterAll(async () => {
    if (ctx) ctx.app.get(Clock).now = realNow;
    await ctx?.close();
  });

  const codeAt = (secret: string, at = epoch) => generate({ secret, epoch: at });

  /** A signed-in client made from the cookie of a sign-in answer. */
  function clientOf(user: TestUser, res: request.Response): Client {
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    const session = res.body as SessionResponse;
    const withCsrf = (req: request.Test) => req.set('Cookie', cookie).set('X-CSRF-Token', session.csrfToken);
    return {
      user,
      session,
      get: (url) => ctx.http().get(url).set('Cookie', cookie),
      post: (url, body) =>
        body === undefined ? withCsrf(ctx.http().post(url)) : withCsrf(ctx.http().post(url)).send(body),
      put: (url, body) =>
        body === undefined ? withCsrf(ctx.http().put(url)) : withCsrf(ctx.http().put(url)).send(body),
      patch: (url, body) =>
        body === undefined ? withCsrf(ctx.http().patch(url)) : withCsrf(ctx.http().patch(url)).send(body),
      delete: (url) => withCsrf(ctx.http().delete(url)),
    };
  }

  const password = (user: TestUser, pw = TEST_PASSWORD) =>
    ctx.http().post('/api/auth/login').send({ email: user.email, password: pw });

  const withCode = (challenge: string, answer: { code?: string; recoveryCode?: string }) =>
    ctx
      .http()
      .post('/api/auth/login/second-factor')
      .send({ challenge, ...answer });

  /** Signs in (no factor yet), adds an authenticator app; returns the secret and recovery codes. */
  async function enrol(user: TestUser) {
    const client = await ctx.login(user);
    const started = (await client.post('/api/auth/second-factor/enrol').expect(200)).body as EnrolmentStart;
    const confirmed = await client
      .post('/api/auth/second-factor/confirm', { code: await codeAt(started.secret) })
      .expect(200);
    // The confirming code is used up: the next sign-in must wait for the next step's code.
    epoch += STEP;
    return { secret: started.secret, recoveryCodes: confirmed.body.recoveryCodes as string[], client };
  }

  /** Password then a code: a signed-in client. */
  async function signIn(user: TestUser, secret: string): Promise<Client> {
    const step = (await password(user).expect(200)).body as SecondFactorStep;
    const res = await withCode(step.challenge, { code: await codeAt(secret) }).expect(200);
    epoch += STEP;
    return clientOf(user, res);
  }

  const auditOf = (userId: string, action: string) =>
    ctx.dataSource.query<{ actor_id: string; subject_type: string; details: Record<string, unknown> }[]>(
      `SELECT actor_id, subject_type, details FROM audit_event WHERE subject_id = $1 AND action = $2 ORDER BY at`,
      [userId, action],
    );

  it('enrols an authenticator app: QR code shown once, secret sealed, ten hashed recovery codes, audited', async () => {
    const { officer } = await ctx.newTeam();
    const client = await ctx.login(officer);
    const other = await ctx.login(officer);
    expect(client.session.secondFactor).toEqual({ enrolled: false, required: false });
    expect((await client.get('/api/auth/second-factor').expect(200)).body).toEqual({
      enrolled: false,
      enrolledAt: null,
      recoveryCodesLeft: 0,
      required: false,
    });

    const started = (await client.post('/api/auth/second-factor/enrol').expect(200)).body as EnrolmentStart;
    expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(started.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe(`/Countersign:${officer.email}`);
    expect(uri.searchParams.get('secret')).toBe(started.secret);
    expect(uri.searchParams.get('issuer')).toBe('Countersign');
    expect(
      Buffer.from(started.qrCode.replace('data:image/svg+xml;base64,', ''), 'base64').toString(),
    ).toMatch(/^<svg /);
    // Pending: sign-in does not ask for a code yet.
    await password(officer)
      .expect(200)
      .expect((res) => expect(res.body.user).toBeDefined());

    const wrong = await client.post('/api/auth/second-factor/confirm', { code: '000000' }).expect(422);
    expect(wrong.body).toMatchObject({
      code: 'wrong_code',
      details: [{ field: 'code', message: expect.any(String) }],
    });
    const confirmed = await client
      .post('/api/auth/second-factor/confirm', { code: await codeAt(started.secret) })
      .expect(200);
    const codes = confirmed.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[2-9a-hj-np-z]{4}(-[2-9a-hj-np-z]{4}){3}$/);

    // Stored: the seed sealed, bound to the person; the recovery codes only as hashes.
    const [factor] = await ctx.dataSource.query(
      `SELECT secret_sealed, confirmed_at FROM second_factor WHERE user_id = $1`,
      [officer.id],
    );
    expect(factor.confirmed_at).not.toBeNull();
    expect(factor.secret_sealed).toMatch(/^v1\./);
    expect(factor.secret_sealed).not.toContain(started.secret);
    const hashes = await ctx.dataSource.query(`SELECT code_hash FROM recovery_code WHERE user_id = $1`, [
      officer.id,
    ]);
    expect(hashes).toHaveLength(10);
    const stored = JSON.stringify(hashes);
    for (const c of codes) expect(stored).not.toContain(c.replace(/-/g, ''));

    expect(await auditOf(officer.id, 'factor.enrolled')).toEqual([
      {
        actor_id: officer.id,
        subject_type: 'person',
        details: { method: 'totp', during: 'account', recoveryCodes: 10 },
      },
    ]);
    const audited = JSON.stringify(
      await ctx.dataSource.query(`SELECT details FROM audit_event WHERE organisation_id = $1`, [
        officer.organisationId,
      ]),
    );
    expect(audited).not.toContain(started.secret);
    for (const c of codes) expect(audited).not.toContain(c);

    // The session says so; the other session ended; a second app needs the first removed.
    expect((await client.get('/api/auth/session').expect(200)).body.secondFactor).toEqual({
      enrolled: true,
      required: false,
    });
    await other.get('/api/auth/session').expect(401);
    expect((await client.post('/api/auth/second-factor/enrol').expect(409)).body.code).toBe(
      'already_enrolled',
    );
    expect((await client.get('/api/auth/second-factor').expect(200)).body).toMatchObject({
      enrolled: true,
      recoveryCodesLeft: 10,
    });
  });

  it('asks for a code after the password, gives no session until then, and the challenge works once', async () => {
    const { admin } = await ctx.newTeam();
    const { secret } = await enrol(admin);
    const first = await password(admin).expect(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    const step = first.body as SecondFactorStep;
    expect(step).toEqual({
      step: 'second-factor',
      challenge: expect.any(String),
      expiresAt: expect.any(String),
    });
    expect(new Date(step.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    // Only its hash is stored.
    const [row] = await ctx.dataSource.query(`SELECT id FROM sign_in_challenge WHERE user_id = $1`, [
      admin.id,
    ]);
    expect(row.id).toMatch(/^[0-9a-f]{64}$/);
    expect(row.id).not.toBe(step.challenge);

    const res = await withCode(step.challenge, { code: await codeAt(secret) }).expect(200);
    expect(String(res.headers['set-cookie'])).toMatch(/countersign_session=.*HttpOnly/i);
    expect(res.body).toMatchObject({ user: { id: admin.id }, secondFactor: { enrolled: true } });
    const client = clientOf(admin, res);
    await client.get('/api/auth/session').expect(200);

    // Used up.
    epoch += STEP;
    const again = await withCode(step.challenge, { code: await codeAt(secret) }).expect(401);
    expect(again.body.code).toBe('challenge_invalid');
  });

  it('refuses a wrong code, saying how many attempts are left', async () => {
    const { officer } = await ctx.newTeam();
    const { secret } = await enrol(officer);
    const step = (await password(officer).expect(200)).body as SecondFactorStep;
    const right = await codeAt(secret);
    const wrong = right === '123456' ? '654321' : '123456';
    const res = await withCode(step.challenge, { code: wrong }).expect(401);
    expect(res.body).toMatchObject({ code: 'invalid_code', details: { attemptsLeft: 2, lockoutMinutes: 7 } });
    expect(res.body.message).toMatch(/code is not right/);
    // The challenge is still good for the right code.
    await withCode(step.challenge, { code: right }).expect(200);
  });

  it('accepts ±1 step of clock drift, and refuses a code replayed within its window', async () => {
    const { officer } = await ctx.newTeam();
    const { secret } = await enrol(officer);

    // The phone is a step behind (and that step is after the one confirming the app): accepted.
    epoch += STEP;
    let step = (await password(officer).expect(200)).body as SecondFactorStep;
    const behind = await codeAt(secret, epoch - STEP);
    await withCode(step.challenge, { code: behind }).expect(200);

    // The same code again, still within its window (on a new sign-in): refused.
    step = (await password(officer).expect(200)).body as SecondFactorStep;
    const replayed = await withCode(step.challenge, { code: behind }).expect(401);
    expect(replayed.body.code).toBe('invalid_code');

    // The current step's code is newer than the last accepted one: accepted, once.
    const current = await codeAt(secret);
    await withCode(step.challenge, { code: current }).expect(200);
    step = (await password(officer).expect(200)).body as SecondFactorStep;
    await withCode(step.challenge, { code: current }).expect(401);

    // Two steps away is too far, either way (and the third wrong code in a row locks out).
    epoch += STEP;
    await withCode(step.challenge, { code: await codeAt(secret, epoch + 2 * STEP) }).expect(401);
    await withCode(step.challenge, { code: await codeAt(secret, epoch - 2 * STEP) }).expect(429);
  });

  it('lets only one of two simultaneous uses of a code and challenge through', async () => {
    const { officer } = await ctx.newTeam();
    const { secret } = await enrol(officer);
    const step = (await password(officer).expect(200)).body as SecondFactorStep;
    const code = await codeAt(secret);
    const answers = await Promise.all([
      withCode(step.challenge, { code }),
      withCode(step.challenge, { code }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
    expect(
      await ctx.dataSource.query(`SELECT 1 FROM user_session WHERE user_id = $1`, [officer.id]),
    ).toHaveLength(
      2, // the one enrol() signed in with, and this one
    );
  });

  it('signs in with a recovery code once only, audited with the codes left', async () => {
    const { admin } = await ctx.newTeam();
    const { recoveryCodes } = await enrol(admin);
    const code = recoveryCodes[3]!;
    let step = (await password(admin).expect(200)).body as SecondFactorStep;
    // Typed loosely: upper case, spaces instead of hyphens.
    const res = await withCode(step.challenge, {
      recoveryCode: code.toUpperCase().replace(/-/g, ' '),
    }).expect(200);
    expect(res.body.user.id).toBe(admin.id);
    expect(await auditOf(admin.id, 'factor.recovery-code-used')).toEqual([
      { actor_id: admin.id, subject_type: 'person', details: { recoveryCodesLeft: 9 } },
    ]);

    step = (await password(admin).expect(200)).body as SecondFactorStep;
    const reused = await withCode(step.challenge, { recoveryCode: code }).expect(401);
    expect(reused.body).toMatchObject({
      code: 'invalid_code',
      message: expect.stringMatching(/used already/),
    });
    // Another person's code is no use either.
    const { admin: stranger } = await ctx.newTeam();
    const theirs = await enrol(stranger);
    await withCode(step.challenge, { recoveryCode: theirs.recoveryCodes[0]! }).expect(401);
    await withCode(step.challenge, { recoveryCode: recoveryCodes[4]! }).expect(200);
  });

  it('locks out after repeated wrong codes, counted with wrong passwords, and a right password does not reset the count', async () => {
    const { officer } = await ctx.newTeam();
    const { secret } = await enrol(officer);
    const right = await codeAt(secret);
    const wrong = right === '111111' ? '222222' : '111111';

    await password(officer, 'not-the-password').expect(401);
    let step = (await password(officer).expect(200)).body as SecondFactorStep;
    expect((await withCode(step.challenge, { code: wrong }).expect(401)).body.details.attemptsLeft).toBe(1);
    // Signing in with the password again does not start the count afresh.
    step = (await password(officer).expect(200)).body as SecondFactorStep;
    const locked = await withCode(step.challenge, { code: wrong }).expect(429);
    expect(locked.body.code).toBe('too_many_attempts');
    // Now neither the right code nor the right password is checked.
    expect((await withCode(step.challenge, { code: right }).expect(429)).body.code).toBe('too_many_attempts');
    expect((await password(officer).expect(429)).body.code).toBe('too_many_attempts');
  });

  it('makes an officer without a factor enrol before any session when the organisation requires it; employees are never asked', async () => {
    const { officer, employee, admin } = await ctx.newTeam();
    const adminClient = await ctx.login(admin);
    expect((await adminClient.get('/api/settings').expect(200)).body).toEqual({
      auditRetentionYears: 7,
      requireSecondFactor: false,
    });
    await adminClient.put('/api/settings', { auditRetentionYears: 7, requireSecondFactor: true }).expect(200);
    expect(await auditOf(admin.organisationId, 'settings.updated')).toEqual([
      {
        actor_id: admin.id,
        subject_type: 'organisation_settings',
        details: { before: { requireSecondFactor: false }, after: { requireSecondFactor: true } },
      },
    ]);
    // Leaving the switch out leaves it as it is.
    await adminClient.put('/api/settings', { auditRetentionYears: 8 }).expect(200);
    expect((await adminClient.get('/api/settings').expect(200)).body.requireSecondFactor).toBe(true);

    // The employee signs in as before.
    const learner = await password(employee).expect(200);
    expect(learner.body.secondFactor).toEqual({ enrolled: false, required: false });

    // The officer gets no session, only the way into enrolment, which they cannot skip.
    const held = await password(officer).expect(200);
    expect(held.headers['set-cookie']).toBeUndefined();
    const step = held.body as SecondFactorStep;
    expect(step.step).toBe('enrol-second-factor');
    await withCode(step.challenge, { code: '123456' }).expect(401);
    const started = (
      await ctx.http().post('/api/auth/login/enrol').send({ challenge: step.challenge }).expect(200)
    ).body as EnrolmentStart;
    const confirm = (code: string) =>
      ctx.http().post('/api/auth/login/enrol/confirm').send({ challenge: step.challenge, code });
    expect((await confirm('000000').expect(422)).body.details).toEqual([
      { field: 'code', message: expect.any(String) },
    ]);
    const done = await confirm(await codeAt(started.secret)).expect(200);
    expect(done.body.recoveryCodes).toHaveLength(10);
    expect(done.body.secondFactor).toEqual({ enrolled: true, required: true });
    const client = clientOf(officer, done);
    await client.get('/api/auth/session').expect(200);
    expect(await auditOf(officer.id, 'factor.enrolled')).toEqual([
      expect.objectContaining({ details: { method: 'totp', during: 'sign-in', recoveryCodes: 10 } }),
    ]);
    // The challenge is used up.
    await confirm(await codeAt(started.secret)).expect(401);

    // From now on the officer signs in with a code, and cannot remove the factor.
    epoch += STEP;
    const again = await signIn(officer, started.secret);
    const removal = await again
      .post('/api/auth/second-factor/remove', { code: await codeAt(started.secret) })
      .expect(409);
    expect(removal.body.code).toBe('second_factor_required');
    expect((await again.get('/api/auth/second-factor').expect(200)).body.required).toBe(true);
  });

  it('makes new recovery codes and removes the factor, each for a current code', async () => {
    const { admin } = await ctx.newTeam();
    const { secret, recoveryCodes, client } = await enrol(admin);
    await client.post('/api/auth/second-factor/recovery-codes', { code: '000000' }).expect(422);
    const fresh = (
      await client.post('/api/auth/second-factor/recovery-codes', { code: await codeAt(secret) }).expect(200)
    ).body.recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[0]);
    expect(await auditOf(admin.id, 'factor.recovery-codes-regenerated')).toHaveLength(1);
    let step = (await password(admin).expect(200)).body as SecondFactorStep;
    await withCode(step.challenge, { recoveryCode: recoveryCodes[0]! }).expect(401);
    await withCode(step.challenge, { recoveryCode: fresh[0]! }).expect(200);

    epoch += STEP;
    await client.post('/api/auth/second-factor/remove', { code: await codeAt(secret) }).expect(204);
    expect(await auditOf(admin.id, 'factor.removed')).toHaveLength(1);
    expect(await ctx.dataSource.query(`SELECT 1 FROM recovery_code WHERE user_id = $1`, [admin.id])).toEqual(
      [],
    );
    step = (await password(admin).expect(200)).body;
    expect(step).toMatchObject({ user: { id: admin.id }, secondFactor: { enrolled: false } });
    // Without a factor there is nothing to remove.
    expect(
      (await client.post('/api/auth/second-factor/remove', { code: '123456' }).expect(409)).body.code,
    ).toBe('no_second_factor');
  });

  it('lets an administrator reset another person’s factor: audited, their sessions end, cross-organisation 404', async () => {
    const { officer, admin, employee } = await ctx.newTeam();
    const { client: officerClient } = await enrol(officer);
    const adminClient = await ctx.login(admin);
    expect((await adminClient.get(`/api/people/${officer.id}/second-factor`).expect(200)).body).toEqual({
      enrolled: true,
      enrolledAt: expect.any(String),
      recoveryCodesLeft: 10,
    });

    // Another organisation's administrator sees nothing of them.
    const other = await ctx.newTeam();
    const stranger = await ctx.login(other.admin);
    expect((await stranger.post(`/api/people/${officer.id}/second-factor/reset`).expect(404)).body.code).toBe(
      'not_found',
    );
    await stranger.get(`/api/people/${officer.id}/second-factor`).expect(404);
    await adminClient
      .post(`/api/people/00000000-0000-4000-8000-000000000000/second-factor/reset`)
      .expect(404);
    // Officers may not; nor may an administrator reset their own here.
    await (
      await ctx.login(other.officer)
    )
      .post(`/api/people/${other.admin.id}/second-factor/reset`)
      .expect(403);
    expect(
      (await adminClient.post(`/api/people/${admin.id}/second-factor/reset`).expect(409)).body.code,
    ).toBe('own_second_factor');
    // A person without one: nothing to reset.
    expect(
      (await adminClient.post(`/api/people/${employee.id}/second-factor/reset`).expect(409)).body.code,
    ).toBe('no_second_factor');

    const res = await adminClient.post(`/api/people/${officer.id}/second-factor/reset`).expect(200);
    expect(res.body).toEqual({ enrolled: false, enrolledAt: null, recoveryCodesLeft: 0, sessionsEnded: 1 });
    expect(await auditOf(officer.id, 'factor.reset')).toEqual([
      { actor_id: admin.id, subject_type: 'person', details: { sessionsEnded: 1 } },
    ]);
    await officerClient.get('/api/auth/session').expect(401);
    // The password alone signs them in again (the organisation does not require a factor).
    expect((await password(officer).expect(200)).body.secondFactor).toEqual({
      enrolled: false,
      required: false,
    });
  });

  it('lets another sign-in path (single sign-on) start a session without the code step', async () => {
    const { admin } = await ctx.newTeam();
    await enrol(admin);
    const { token, session } = await ctx.app.get(AuthService).startSession(admin, 'SSO test');
    expect(session.user.id).toBe(admin.id);
    await ctx.http().get('/api/auth/session').set('Cookie', `countersign_session=${token}`).expect(200);
    await ctx.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [admin.id]);
    await expect(ctx.app.get(AuthService).startSession(admin, undefined)).rejects.toMatchObject({
      status: 401,
    });
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const { admin } = await ctx.newTeam();
    const client = await ctx.login(admin);
    const fields = (res: request.Response) =>
      (res.body.details as { field: string }[]).map((d) => d.field).sort();

    let res = await ctx
      .http()
      .post('/api/auth/login/second-factor')
      .send({ challenge: 'x', code: '12' })
      .expect(400);
    expect(fields(res)).toEqual(['challenge', 'code']);
    res = await ctx
      .http()
      .post('/api/auth/login/second-factor')
      .send({ challenge: 'a'.repeat(43), code: '123456', recoveryCode: 'abcd-efgh-jkmn-pqrs' })
      .expect(400);
    expect(fields(res)).toEqual(['code']);
    res = await ctx
      .http()
      .post('/api/auth/login/second-factor')
      .send({ challenge: 'a'.repeat(43) })
      .expect(400);
    expect(fields(res)).toEqual(['code']);
    res = await ctx
      .http()
      .post('/api/auth/login/second-factor')
      .send({ challenge: 'a'.repeat(43), recoveryCode: 'not a code' })
      .expect(400);
    expect(fields(res)).toEqual(['recoveryCode']);
    // A well-formed but unknown challenge: 401, not a 500.
    expect(
      (
        await ctx
          .http()
          .post('/api/auth/login/second-factor')
          .send({ challenge: 'a'.repeat(43), code: '123456' })
          .expect(401)
      ).body.code,
    ).toBe('challenge_invalid');
    res = await ctx
      .http()
      .post('/api/auth/login/enrol/confirm')
      .send({ challenge: 'a'.repeat(43), code: 123456 })
      .expect(400);
    expect(fields(res)).toEqual(['code']);

    res = await client.post('/api/auth/second-factor/confirm', { code: 'abcdef' }).expect(400);
    expect(res.body.details).toEqual([
      { field: 'code', message: 'must be the 6-digit code from your authenticator app' },
    ]);
    res = await client.post('/api/auth/second-factor/confirm', {}).expect(400);
    expect(res.body.details).toEqual([{ field: 'code', message: 'is required' }]);
    res = await client.post('/api/auth/second-factor/confirm', { code: '123456' }).expect(409);
    expect(res.body.code).toBe('enrolment_not_started');
    res = await client
      .put('/api/settings', { auditRetentionYears: 7, requireSecondFactor: 'yes' })
      .expect(400);
    expect(fields(res)).toEqual(['requireSecondFactor']);
    res = await client.post('/api/people/not-a-uuid/second-factor/reset').expect(400);
    expect(fields(res)).toEqual(['userId']);
  });
});
