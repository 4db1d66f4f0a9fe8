import type { CredentialTokenInfo } from '@countersign/contracts/auth';
import type { InvitationResult, PersonView } from '@countersign/contracts/people';
import { OutboxSender } from '../src/modules/notifications/outbox-sender.service.js';
import { startSmtp } from './support/smtp.js';
import { TEST_PASSWORD, TestContext, type Client } from './test-app.js';

type Team = Awaited<ReturnType<TestContext['newTeam']>>;

const STRONG = 'violet harbour lantern 58 quill';
const STRONG_2 = 'copper meadow sextant 71 drizzle';

/** The token of the last link in a text. */
const tokenIn = (text: string) => /set-password#token=([A-Za-z0-9_-]{43})/.exec(text)?.[1];

describe('invitations and passwords', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let ctx: TestContext;
  let team: Team;
  let other: Team;
  let admin: Client;

  beforeAll(async () => {
    smtp = await startSmtp();
    ctx = await TestContext.create({
      MAIL_FROM: 'Countersign <security@example.org>',
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://countersign.example.org/',
    });
    [team, other] = await Promise.all([ctx.newTeam('Acme'), ctx.newTeam('Elsewhere')]);
    admin = await ctx.login(team.admin);
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  let n = 0;
  const newEmail = () => `joiner${++n}.${Date.now()}@example.test`;

  /** Delivers the outbox to the SMTP receiver and returns the newest email to `to`, decoded. */
  async function mailTo(to: string): Promise<string> {
    await ctx.app.get(OutboxSender).sendDue(100);
    const mail = smtp.received.filter((m) => m.to.includes(to)).at(-1);
    if (!mail) throw new Error(`No email to ${to}`);
    // Quoted-printable soft line breaks and escapes, enough for the link.
    return mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  }

  async function invited(name = 'Jo Joiner'): Promise<{ person: PersonView; token: string }> {
    const email = newEmail();
    const person = (await admin.post('/api/people', { name, email }).expect(201)).body as PersonView;
    const token = tokenIn(await mailTo(email));
    if (!token) throw new Error('No link in the invitation');
    return { person, token };
  }

  const events = (subjectId: string) =>
    ctx.dataSource.query<{ action: string; actor_id: string | null; details: Record<string, unknown> }[]>(
      `SELECT action, actor_id, details FROM audit_event WHERE subject_id = $1 ORDER BY id`,
      [subjectId],
    );

  it('emails a new person a one-time link that greets them, sets a password, and lets them sign in', async () => {
    const { person, token } = await invited('Grace Hopper');
    const mail = await mailTo(person.email);
    expect(mail).toContain('https://countersign.example.org/set-password#token=');
    expect(person.status).toBe('invited');
    expect(person.invitationExpiresAt).not.toBeNull();
    const expires = new Date(person.invitationExpiresAt!).getTime() - Date.now();
    expect(expires).toBeGreaterThan(6.9 * 86_400_000);
    expect(expires).toBeLessThanOrEqual(7 * 86_400_000);

    // Only the hash is stored.
    const stored = await ctx.dataSource.query<{ token_hash: string }[]>(
      `SELECT token_hash FROM credential_token WHERE user_id = $1`,
      [person.id],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);

    const info = (await ctx.http().post('/api/auth/password/token').send({ token }).expect(200))
      .body as CredentialTokenInfo;
    expect(info).toMatchObject({
      purpose: 'invitation',
      name: 'Grace Hopper',
      email: person.email,
      organisation: 'Acme',
    });

    await ctx.http().post('/api/auth/password/set').send({ token, password: STRONG }).expect(200);
    await ctx.http().post('/api/auth/login').send({ email: person.email, password: STRONG }).expect(200);
    const after = (await admin.get(`/api/people/${person.id}`).expect(200)).body as PersonView;
    expect(after).toMatchObject({ status: 'active', invitationExpiresAt: null });

    // Used once: the same link is refused, for looking up and for setting.
    const again = await ctx
      .http()
      .post('/api/auth/password/set')
      .send({ token, password: STRONG_2 })
      .expect(410);
    expect(again.body).toMatchObject({ code: 'link_used' });
    await ctx.http().post('/api/auth/password/token').send({ token }).expect(410);

    expect((await events(person.id)).map((e) => e.action)).toEqual(['person.created', 'person.password-set']);
    const [, set] = await events(person.id);
    expect(set).toMatchObject({ actor_id: person.id, details: { through: 'invitation' } });
    expect(JSON.stringify(await events(person.id))).not.toContain(STRONG);
  });

  it('refuses weak passwords, naming the field, and those built on the person’s own name or email', async () => {
    const { token } = await invited('Margaret Hamilton');
    const short = await ctx
      .http()
      .post('/api/auth/password/set')
      .send({ token, password: 'short' })
      .expect(400);
    expect(short.body).toMatchObject({ details: [expect.objectContaining({ field: 'password' })] });
    for (const password of ['password1234', 'Hamilton-2026-!', 'margaret.rocket.99']) {
      const res = await ctx.http().post('/api/auth/password/set').send({ token, password }).expect(422);
      expect(res.body).toMatchObject({ details: [expect.objectContaining({ field: 'password' })] });
    }
    // Still usable after refusals.
    await ctx.http().post('/api/auth/password/set').send({ token, password: STRONG }).expect(200);
  });

  it('re-sending kills the old link; an expired link is refused; a deactivated person cannot use theirs', async () => {
    const { person, token: first } = await invited();
    const resent = (
      await admin.post(`/api/people/${person.id}/invitation`, { delivery: 'email' }).expect(200)
    ).body as InvitationResult;
    expect(resent).toMatchObject({ delivery: 'email', link: null });
    const second = tokenIn(await mailTo(person.email))!;
    expect(second).not.toBe(first);
    expect(
      (await ctx.http().post('/api/auth/password/token').send({ token: first }).expect(410)).body,
    ).toMatchObject({
      code: 'link_replaced',
    });

    // A copied link works the same, and replaces the emailed one.
    const copied = (await admin.post(`/api/people/${person.id}/invitation`, { delivery: 'link' }).expect(200))
      .body as InvitationResult;
    const third = tokenIn(copied.link!)!;
    await ctx.http().post('/api/auth/password/token').send({ token: second }).expect(410);
    await ctx.http().post('/api/auth/password/token').send({ token: third }).expect(200);

    await ctx.dataSource.query(
      `UPDATE credential_token SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day'
        WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
      [person.id],
    );
    expect(
      (await ctx.http().post('/api/auth/password/set').send({ token: third, password: STRONG }).expect(410))
        .body,
    ).toMatchObject({ code: 'link_expired' });

    const fresh = (await admin.post(`/api/people/${person.id}/invitation`, { delivery: 'link' }).expect(200))
      .body as InvitationResult;
    await admin.post(`/api/people/${person.id}/deactivate`).expect(200);
    await ctx
      .http()
      .post('/api/auth/password/set')
      .send({ token: tokenIn(fresh.link!)!, password: STRONG })
      .expect(410);
    // Inviting a deactivated person, or someone who already has a password, says why not.
    expect((await admin.post(`/api/people/${person.id}/invitation`, {}).expect(409)).body).toMatchObject({
      code: 'person_deactivated',
    });
    expect(
      (await admin.post(`/api/people/${team.employee.id}/invitation`, {}).expect(409)).body,
    ).toMatchObject({
      code: 'already_signed_up',
    });
    expect(
      (await admin.post(`/api/people/${person.id}/invitation`, { delivery: 'fax' }).expect(400)).body,
    ).toMatchObject({ details: [expect.objectContaining({ field: 'delivery' })] });
  });

  it('answers 404 for another organisation’s person and refuses a malformed token by name', async () => {
    await admin.post(`/api/people/${other.employee.id}/invitation`, { delivery: 'link' }).expect(404);
    const bad = await ctx.http().post('/api/auth/password/token').send({ token: 'not a token' }).expect(400);
    expect(bad.body).toMatchObject({ details: [expect.objectContaining({ field: 'token' })] });
  });

  it('forgot password answers alike for known and unknown addresses, and the link resets the password', async () => {
    const person = await ctx.newUser({ organisationId: team.org.id, name: 'Katherine Johnson' });
    const before = smtp.received.length;
    const known = await ctx
      .http()
      .post('/api/auth/password/forgot')
      .send({ email: person.email })
      .expect(202);
    const unknown = await ctx
      .http()
      .post('/api/auth/password/forgot')
      .send({ email: `nobody.${Date.now()}@example.test` })
      .expect(202);
    expect(known.body).toEqual(unknown.body);
    expect(known.headers['content-length']).toBe(unknown.headers['content-length']);

    const session = await ctx.login(person);
    const token = tokenIn(await mailTo(person.email))!;
    expect(smtp.received.length).toBe(before + 1); // nothing went to the unknown address
    const info = (await ctx.http().post('/api/auth/password/token').send({ token }).expect(200))
      .body as CredentialTokenInfo;
    expect(info.purpose).toBe('reset');
    expect(new Date(info.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(3600_000);

    await ctx.http().post('/api/auth/password/set').send({ token, password: STRONG }).expect(200);
    // Every session of the person ended; the old password no longer works, the new one does.
    await session.get('/api/auth/session').expect(401);
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: person.email, password: TEST_PASSWORD })
      .expect(401);
    await ctx.http().post('/api/auth/login').send({ email: person.email, password: STRONG }).expect(200);
    expect((await events(person.id)).map((e) => e.action)).toEqual([
      'person.password-reset-requested',
      'person.password-set',
    ]);
  });

  it('a deactivated person asking for a reset gets the same answer and no email', async () => {
    const person = await ctx.newUser({ organisationId: team.org.id, active: false });
    const before = smtp.received.length;
    await ctx.http().post('/api/auth/password/forgot').send({ email: person.email }).expect(202);
    await ctx.app.get(OutboxSender).sendDue(100);
    expect(smtp.received.length).toBe(before);
  });

  it('changing one’s own password needs the current one and ends every other session', async () => {
    const person = await ctx.newUser({ organisationId: team.org.id });
    const [here, elsewhere] = await Promise.all([ctx.login(person), ctx.login(person)]);
    const wrong = await here
      .post('/api/auth/password/change', { currentPassword: 'wrong-password', newPassword: STRONG })
      .expect(422);
    expect(wrong.body).toMatchObject({ code: 'wrong_password', details: [{ field: 'currentPassword' }] });
    const weak = await here
      .post('/api/auth/password/change', { currentPassword: TEST_PASSWORD, newPassword: 'aaaaaaaaaaaa' })
      .expect(422);
    expect(weak.body).toMatchObject({ code: 'weak_password', details: [{ field: 'newPassword' }] });

    const ok = await here
      .post('/api/auth/password/change', { currentPassword: TEST_PASSWORD, newPassword: STRONG })
      .expect(200);
    expect(ok.body).toEqual({ otherSessionsEnded: 1 });
    await here.get('/api/auth/session').expect(200);
    await elsewhere.get('/api/auth/session').expect(401);
    await ctx.http().post('/api/auth/login').send({ email: person.email, password: STRONG }).expect(200);
    expect((await events(person.id)).map((e) => e.action)).toEqual(['person.password-changed']);
  });

  it('without a mail server, invitations cannot be emailed but the link can be copied', async () => {
    const quiet = await TestContext.create();
    try {
      const t = await quiet.newTeam('Quiet');
      const a = await quiet.login(t.admin);
      expect((await a.get('/api/people/invitations/settings').expect(200)).body).toEqual({
        emailEnabled: false,
        validDays: 7,
      });
      const person = (await a.post('/api/people', { name: 'No Mail', email: newEmail() }).expect(201))
        .body as PersonView;
      expect(person.invitationExpiresAt).toBeNull();
      expect(
        (await a.post(`/api/people/${person.id}/invitation`, { delivery: 'email' }).expect(409)).body,
      ).toMatchObject({ code: 'mail_not_configured' });
      const copied = (await a.post(`/api/people/${person.id}/invitation`, { delivery: 'link' }).expect(200))
        .body as InvitationResult;
      expect(copied.link).toMatch(/^http:\/\/localhost:\d+\/set-password#token=/);
      await quiet
        .http()
        .post('/api/auth/password/set')
        .send({ token: tokenIn(copied.link!)!, password: STRONG })
        .expect(200);
    } finally {
      await quiet.close();
    }
  });
});
