import type {
  SsoConnectionView,
  SsoDiscoverResponse,
  SaveSsoConnectionRequest,
} from '@countersign/contracts/sso';
import type request from 'supertest';
import { publicBaseUrl } from '../src/config/config.js';
import { JobQueue } from '../src/modules/jobs/job-queue.service.js';
import { PROGRAMME_EVALUATE_JOB } from '../src/modules/programme/programme-runner.service.js';
import { signInAtProvider, startOidcProvider, type TestProvider } from './support/oidc-provider.js';
import { TEST_PASSWORD, TestContext, type Client, type TestUser } from './test-app.js';

/**
 * OpenID Connect sign-in against a real provider (oidc-provider, in-process): discovery, the
 * authorization-code flow with PKCE, state and nonce, just-in-time provisioning, the refusals a
 * person can meet on the way, "SSO required" and RP-initiated logout.
 */
describe('single sign-on (OpenID Connect)', () => {
  let ctx: TestContext;
  let idp: TestProvider;
  let redirectUri: string;
  let org: { id: string; name: string; slug: string };
  let admin: TestUser;
  let adminClient: Client;
  const domain = `agency-${Date.now()}.example`;

  const connection = (over: Partial<SaveSsoConnectionRequest> = {}): SaveSsoConnectionRequest => ({
    displayName: 'Agency sign-in',
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    domains: [domain],
    claims: { email: 'email', name: 'name', department: 'department', groups: 'groups' },
    roleMappings: [
      { group: 'cs-officers', role: 'officer' },
      { group: 'cs-admins', role: 'admin' },
    ],
    defaultRole: 'employee',
    enabled: true,
    ssoRequired: false,
    ...over,
  });

  const cookiesOf = (res: request.Response) =>
    ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);

  /** Starts at Countersign, signs in at the provider as `login`, and comes back to the callback. */
  async function ssoSignIn(
    login: string,
    options: {
      beforeCallback?: () => Promise<void>;
      tamper?: (callback: URL) => void;
      cookie?: string | null;
    } = {},
  ) {
    const start = await ctx.http().get(`/api/auth/sso/${org.slug}/start?returnTo=/training`).expect(302);
    const authorizationUrl = new URL(start.headers.location as string);
    const back = await signInAtProvider(authorizationUrl.toString(), login, redirectUri);
    await options.beforeCallback?.();
    options.tamper?.(back);
    const binding = options.cookie === undefined ? cookiesOf(start).join('; ') : options.cookie;
    const req = ctx.http().get(`${back.pathname}${back.search}`);
    const res = await (binding ? req.set('Cookie', binding) : req).expect(302);
    const session = cookiesOf(res).find((c) => c.startsWith('countersign_session=') && c.length > 21);
    return { authorizationUrl, callback: back, res, location: res.headers.location as string, session };
  }

  const personByEmail = async (email: string) =>
    (
      await ctx.dataSource.query<
        {
          id: string;
          name: string;
          role: string;
          department: string | null;
          active: boolean;
          password_hash: string | null;
        }[]
      >(
        `SELECT u.id, u.name, u.role, d.name AS department, u.active, u.password_hash
           FROM app_user u LEFT JOIN department d ON d.id = u.department_id WHERE u.email = $1`,
        [email],
      )
    )[0];

  beforeAll(async () => {
    ctx = await TestContext.create({ SSO_ALLOW_HTTP_ISSUER: 'true' });
    redirectUri = `${publicBaseUrl(ctx.config)}/api/auth/sso/callback`;
    idp = await startOidcProvider({
      redirectUri,
      postLogoutRedirectUri: `${publicBaseUrl(ctx.config)}/login`,
    });
    const made = await ctx.newOrganisation('Agency');
    const [row] = await ctx.dataSource.query<{ slug: string }[]>(
      `SELECT slug FROM organisation WHERE id = $1`,
      [made.id],
    );
    org = { ...made, slug: row!.slug };
    admin = await ctx.newUser({ organisationId: org.id, role: 'admin' });
    adminClient = await ctx.login(admin);
  });
  afterAll(async () => {
    await ctx.close();
    await idp.close();
  });

  describe('the connection, as administrators configure it', () => {
    it('refuses an issuer that does not answer discovery, in words that say what to check', async () => {
      const res = await adminClient
        .put('/api/sso', connection({ issuer: 'http://127.0.0.1:9/realms/none' }))
        .expect(422);
      expect(res.body).toMatchObject({
        code: 'issuer_unreachable',
        message: expect.stringContaining('Check the issuer URL'),
        details: [{ field: 'issuer', message: expect.any(String) }],
      });
      const view = (await adminClient.get('/api/sso').expect(200)).body as SsoConnectionView;
      expect(view.configured).toBe(false);
    });

    it('reaches a provider elsewhere over https:// only (http:// only on this machine, where allowed)', async () => {
      const res = await adminClient
        .put('/api/sso', connection({ issuer: 'http://idp.example.org' }))
        .expect(422);
      expect(res.body).toMatchObject({ code: 'issuer_not_https', details: [{ field: 'issuer' }] });
    });

    it('refuses to require SSO without a break-glass administrator', async () => {
      const res = await adminClient.put('/api/sso', connection({ ssoRequired: true })).expect(422);
      expect(res.body).toMatchObject({
        code: 'break_glass_needed',
        details: [{ field: 'breakGlassAdminIds' }],
      });
    });

    it('saves it after discovery, never returns the secret, and audits before/after without it', async () => {
      const saved = (await adminClient.put('/api/sso', connection()).expect(200)).body as SsoConnectionView;
      expect(saved).toMatchObject({
        configured: true,
        issuer: idp.issuer,
        clientSecretSet: true,
        domains: [domain],
        redirectUri,
        startUrl: `${publicBaseUrl(ctx.config)}/api/auth/sso/${org.slug}/start`,
        providerLogout: true,
      });
      expect(JSON.stringify(saved)).not.toContain(idp.clientSecret);
      const [stored] = await ctx.dataSource.query<{ client_secret_sealed: string }[]>(
        `SELECT client_secret_sealed FROM sso_connection WHERE organisation_id = $1`,
        [org.id],
      );
      expect(stored!.client_secret_sealed).toMatch(/^v1\./);
      expect(stored!.client_secret_sealed).not.toContain(idp.clientSecret);

      // Saved again without the secret: the stored one stays; a change of name alone is audited alone.
      const { clientSecret: _omit, ...rest } = connection({ displayName: 'Agency SSO' });
      await adminClient.put('/api/sso', rest).expect(200);
      const events = await ctx.dataSource.query<{ actor_id: string; details: Record<string, unknown> }[]>(
        `SELECT actor_id, details FROM audit_event WHERE organisation_id = $1 AND action = 'sso.updated' ORDER BY id`,
        [org.id],
      );
      expect(events).toHaveLength(2);
      expect(events[0]).toMatchObject({
        actor_id: admin.id,
        details: {
          before: null,
          after: { issuer: idp.issuer, domains: [domain] },
          clientSecretChanged: true,
        },
      });
      expect(events[1]!.details).toEqual({
        before: { displayName: 'Agency sign-in' },
        after: { displayName: 'Agency SSO' },
      });
      expect(JSON.stringify(events)).not.toContain(idp.clientSecret);
      await adminClient.put('/api/sso', connection()).expect(200);
    });

    it('gives a domain to one organisation only', async () => {
      const other = await ctx.newOrganisation('Other');
      const otherAdmin = await ctx.login(await ctx.newUser({ organisationId: other.id, role: 'admin' }));
      const res = await otherAdmin.put('/api/sso', connection()).expect(409);
      expect(res.body).toMatchObject({ code: 'domain_taken', details: [{ field: 'domains' }] });
      // And another organisation's administrator sees their own (empty) connection, not this one.
      expect(((await otherAdmin.get('/api/sso').expect(200)).body as SsoConnectionView).configured).toBe(
        false,
      );
    });

    it('is for administrators only', async () => {
      const officer = await ctx.login(await ctx.newUser({ organisationId: org.id, role: 'officer' }));
      await officer.get('/api/sso').expect(403);
    });
  });

  describe('where an address signs in', () => {
    it('answers by domain alone: every address of an SSO domain alike, others with a password', async () => {
      const known = (await ctx.http().post('/api/auth/sso/discover').send({ email: admin.email }).expect(200))
        .body as SsoDiscoverResponse;
      expect(known).toEqual({ method: 'password' }); // admin's address is not in the SSO domain
      const a = (
        await ctx
          .http()
          .post('/api/auth/sso/discover')
          .send({ email: `nobody@${domain}` })
          .expect(200)
      ).body as SsoDiscoverResponse;
      expect(a).toEqual({
        method: 'sso',
        organisation: 'Agency',
        provider: 'Agency sign-in',
        startUrl: `/api/auth/sso/${org.slug}/start?loginHint=${encodeURIComponent(`nobody@${domain}`)}`,
        passwordAllowed: true,
      });
      const b = (
        await ctx
          .http()
          .post('/api/auth/sso/discover')
          .send({ email: `Someone@${domain.toUpperCase()}` })
          .expect(200)
      ).body as SsoDiscoverResponse;
      expect({ ...b, startUrl: '' }).toEqual({ ...a, startUrl: '' });
      await ctx.http().post('/api/auth/sso/discover').send({ email: 'not an address' }).expect(400);
    });
  });

  describe('signing in', () => {
    it('runs the code flow with PKCE, creates the person from the claims, and opens a session', async () => {
      // An assignment rule for everyone: the joiner must get it, as when an administrator adds them.
      const [moduleId] = await ctx.moduleIds(org.id);
      await adminClient
        .post('/api/programme/rules', { name: 'Everyone', moduleId, due: { kind: 'relative', days: 30 } })
        .expect(201);
      const email = `ada@${domain}`;
      idp.accounts.set('ada', {
        email,
        email_verified: true,
        name: 'Ada Lovelace',
        department: 'Analysis',
        groups: ['cs-officers', 'staff'],
      });

      const { authorizationUrl, location, session } = await ssoSignIn('ada');
      const params = authorizationUrl.searchParams;
      expect(`${authorizationUrl.origin}${authorizationUrl.pathname}`).toBe(`${idp.issuer}/auth`);
      expect(params.get('code_challenge_method')).toBe('S256');
      expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
      expect(params.get('state')).toMatch(/^[\w-]{20,}$/);
      expect(params.get('nonce')).toMatch(/^[\w-]{20,}$/);
      expect(params.get('scope')).toBe('openid email profile groups'); // groups: mapped, and offered
      expect(params.get('redirect_uri')).toBe(redirectUri);
      expect(location).toBe('/training');
      expect(session).toBeDefined();

      const me = await ctx.http().get('/api/auth/session').set('Cookie', session!).expect(200);
      expect(me.body.user).toMatchObject({ email, name: 'Ada Lovelace', role: 'officer' });
      const person = await personByEmail(email);
      expect(person).toMatchObject({
        name: 'Ada Lovelace',
        role: 'officer',
        department: 'Analysis',
        active: true,
        password_hash: null,
      });
      const [identity] = await ctx.dataSource.query(
        `SELECT issuer, subject FROM sso_identity WHERE user_id = $1`,
        [person!.id],
      );
      expect(identity).toEqual({ issuer: idp.issuer, subject: 'ada' });

      // Audited as the admin UI audits it, by the system on the provider's word.
      const events = await ctx.dataSource.query<
        { action: string; actor_id: string | null; details: Record<string, unknown> }[]
      >(
        `SELECT action, actor_id, details FROM audit_event WHERE organisation_id = $1 AND action IN ('person.created', 'department.created') ORDER BY id`,
        [org.id],
      );
      expect(events).toEqual([
        {
          action: 'department.created',
          actor_id: null,
          details: { before: null, after: { name: 'Analysis' }, source: 'sso' },
        },
        {
          action: 'person.created',
          actor_id: null,
          details: expect.objectContaining({
            after: expect.objectContaining({ email, role: 'officer' }),
            source: 'sso',
          }),
        },
      ]);
      // Shown as active (signed in), not as invited; no invitation was sent.
      const listed = (await adminClient.get(`/api/people/${person!.id}`).expect(200)).body as {
        status: string;
      };
      expect(listed.status).toBe('active');
      // The Programme's joiner rules ran for them.
      const jobs = ctx.app.get(JobQueue);
      await jobs.runDue(PROGRAMME_EVALUATE_JOB);
      const assigned = await ctx.dataSource.query(`SELECT module_id FROM assignment WHERE user_id = $1`, [
        person!.id,
      ]);
      expect(assigned).toEqual([{ module_id: moduleId }]);
    });

    it('updates the person at the next sign-in: name, department, role', async () => {
      const email = `ada@${domain}`;
      idp.accounts.set('ada', { email, name: 'Ada King', department: 'Research', groups: ['cs-admins'] });
      const { session } = await ssoSignIn('ada');
      expect(session).toBeDefined();
      expect(await personByEmail(email)).toMatchObject({
        name: 'Ada King',
        role: 'admin',
        department: 'Research',
      });
      const [event] = await ctx.dataSource.query<
        { actor_id: string | null; details: Record<string, unknown> }[]
      >(
        `SELECT e.actor_id, e.details FROM audit_event e JOIN app_user u ON u.id = e.subject_id
          WHERE u.email = $1 AND e.action = 'person.updated' ORDER BY e.id DESC LIMIT 1`,
        [email],
      );
      expect(event).toMatchObject({
        actor_id: null,
        details: {
          before: { name: 'Ada Lovelace', role: 'officer' },
          after: { name: 'Ada King', role: 'admin' },
          source: 'sso',
        },
      });
      // No groups mapped: the default role.
      idp.accounts.set('ada', { email, name: 'Ada King', department: 'Research', groups: ['staff'] });
      await ssoSignIn('ada');
      expect(await personByEmail(email)).toMatchObject({ role: 'employee' });
    });

    it('links an existing person of the organisation by email the first time', async () => {
      const [row] = await ctx.dataSource.query<{ id: string }[]>(
        `INSERT INTO app_user (organisation_id, email, name, role) VALUES ($1, $2, 'Existing Person', 'officer') RETURNING id`,
        [org.id, `existing@${domain}`],
      );
      idp.accounts.set('existing-sub', { email: `existing@${domain}`, groups: ['cs-officers'] });
      const { session } = await ssoSignIn('existing-sub');
      expect(session).toBeDefined();
      const [identity] = await ctx.dataSource.query(
        `SELECT user_id FROM sso_identity WHERE subject = 'existing-sub'`,
      );
      expect(identity).toEqual({ user_id: row!.id });
      expect(await personByEmail(`existing@${domain}`)).toMatchObject({
        name: 'Existing Person',
        role: 'officer',
      });
    });

    it('refuses a tampered state, another browser, and a callback used twice', async () => {
      idp.accounts.set('grace', { email: `grace@${domain}`, name: 'Grace Hopper' });
      const tampered = await ssoSignIn('grace', {
        tamper: (url) => url.searchParams.set('state', 'forged-state-value'),
      });
      expect(tampered.location).toBe('/login?sso_error=invalid_state');
      expect(tampered.session).toBeUndefined();

      const elsewhere = await ssoSignIn('grace', { cookie: null });
      expect(elsewhere.location).toBe(`/login?sso_error=invalid_state&sso=${org.slug}`);
      expect(elsewhere.session).toBeUndefined();

      const once = await ssoSignIn('grace');
      expect(once.session).toBeDefined();
      const replay = await ctx.http().get(`${once.callback.pathname}${once.callback.search}`).expect(302);
      expect(replay.headers.location).toBe('/login?sso_error=invalid_state');
    });

    it('refuses an ID token whose nonce is not the one sent', async () => {
      idp.accounts.set('grace', { email: `grace@${domain}`, name: 'Grace Hopper' });
      const { location, session } = await ssoSignIn('grace', {
        beforeCallback: () =>
          ctx.dataSource.query(
            `UPDATE sso_login SET nonce = 'not-the-nonce-sent' WHERE organisation_id = $1`,
            [org.id],
          ),
      });
      expect(location).toBe(`/login?sso_error=token_rejected&sso=${org.slug}`);
      expect(session).toBeUndefined();
    });

    it('refuses an expired authorization code', async () => {
      idp.codeTtlSeconds = 1;
      try {
        const { location, session } = await ssoSignIn('grace', {
          beforeCallback: () => new Promise((resolve) => setTimeout(resolve, 2100)),
        });
        expect(location).toBe(`/login?sso_error=token_rejected&sso=${org.slug}`);
        expect(session).toBeUndefined();
      } finally {
        idp.codeTtlSeconds = 60;
      }
    });

    it('refuses a sign-in that took longer than the login allows', async () => {
      const { location } = await ssoSignIn('grace', {
        beforeCallback: () =>
          ctx.dataSource.query(
            `UPDATE sso_login SET expires_at = now() - interval '1 minute' WHERE organisation_id = $1`,
            [org.id],
          ),
      });
      expect(location).toBe(`/login?sso_error=expired&sso=${org.slug}`);
    });

    it('refuses a deactivated person, and keeps them deactivated', async () => {
      const email = `leaver@${domain}`;
      idp.accounts.set('leaver', { email, name: 'Leaver' });
      expect((await ssoSignIn('leaver')).session).toBeDefined();
      const person = await personByEmail(email);
      await adminClient.post(`/api/people/${person!.id}/deactivate`).expect(200);
      const { location, session } = await ssoSignIn('leaver');
      expect(location).toBe(`/login?sso_error=account_deactivated&sso=${org.slug}`);
      expect(session).toBeUndefined();
      expect(await personByEmail(email)).toMatchObject({ active: false });
    });

    it('refuses an address outside the allowed domains, and creates no one', async () => {
      idp.accounts.set('outsider', { email: 'outsider@elsewhere.example', name: 'Outsider' });
      const { location, session } = await ssoSignIn('outsider');
      expect(location).toBe(`/login?sso_error=domain_not_allowed&sso=${org.slug}`);
      expect(session).toBeUndefined();
      expect(await personByEmail('outsider@elsewhere.example')).toBeUndefined();
    });

    it('refuses a token without an email, and an address the provider says is unverified', async () => {
      idp.accounts.set('no-email', { name: 'No Email' });
      expect((await ssoSignIn('no-email')).location).toBe(`/login?sso_error=email_missing&sso=${org.slug}`);
      idp.accounts.set('unverified', { email: `unverified@${domain}`, email_verified: false });
      expect((await ssoSignIn('unverified')).location).toBe(
        `/login?sso_error=email_unverified&sso=${org.slug}`,
      );
    });

    it('refuses the people of a disabled organisation, and sends its addresses to the password step', async () => {
      await ctx.dataSource.query(`UPDATE organisation SET disabled_at = now() WHERE id = $1`, [org.id]);
      try {
        const res = await ctx.http().get(`/api/auth/sso/${org.slug}/start`).expect(302);
        expect(res.headers.location).toBe('/login?sso_error=organisation_disabled');
        const discover = await ctx
          .http()
          .post('/api/auth/sso/discover')
          .send({ email: `x@${domain}` })
          .expect(200);
        expect(discover.body).toEqual({ method: 'password' });
      } finally {
        await ctx.dataSource.query(`UPDATE organisation SET disabled_at = NULL WHERE id = $1`, [org.id]);
      }
    });

    it('sends an unknown organisation or a turned-off connection back to the login page', async () => {
      const res = await ctx.http().get('/api/auth/sso/no-such-org/start').expect(302);
      expect(res.headers.location).toBe('/login?sso_error=not_configured');
      const { clientSecret: _kept, ...off } = connection({ enabled: false });
      await adminClient.put('/api/sso', off).expect(200);
      const turnedOff = await ctx.http().get(`/api/auth/sso/${org.slug}/start`).expect(302);
      expect(turnedOff.headers.location).toBe('/login?sso_error=not_configured');
      await adminClient.put('/api/sso', connection()).expect(200);
      const bad = await ctx
        .http()
        .get(`/api/auth/sso/${org.slug}/start?returnTo=https://evil.example`)
        .expect(400);
      expect(bad.body.details).toEqual([{ field: 'returnTo', message: expect.any(String) }]);
    });
  });

  describe('logout', () => {
    it('ends the Countersign session and sends the browser to the provider’s logout', async () => {
      idp.accounts.set('grace', { email: `grace@${domain}`, name: 'Grace Hopper' });
      const { session } = await ssoSignIn('grace');
      const me = await ctx.http().get('/api/auth/session').set('Cookie', session!).expect(200);
      const res = await ctx
        .http()
        .post('/api/auth/logout')
        .set('Cookie', session!)
        .set('X-CSRF-Token', me.body.csrfToken as string)
        .expect(200);
      const redirectTo = new URL(res.body.redirectTo as string);
      expect(`${redirectTo.origin}${redirectTo.pathname}`).toBe(`${idp.issuer}/session/end`);
      expect(redirectTo.searchParams.get('id_token_hint')).toMatch(/^ey/);
      expect(redirectTo.searchParams.get('post_logout_redirect_uri')).toBe(
        `${publicBaseUrl(ctx.config)}/login`,
      );
      expect(redirectTo.searchParams.get('client_id')).toBe(idp.clientId);
      await ctx.http().get('/api/auth/session').set('Cookie', session!).expect(401);

      // A password session has nowhere else to go.
      const password = await ctx.login(admin);
      expect((await password.post('/api/auth/logout').expect(200)).body).toEqual({ redirectTo: null });
    });
  });

  describe('SSO required', () => {
    it('refuses password sign-in to everyone but a break-glass administrator with the right password', async () => {
      const member = await ctx.newUser({ organisationId: org.id, role: 'admin' });
      const breakGlass = await ctx.newUser({ organisationId: org.id, role: 'admin' });
      await adminClient
        .put('/api/sso', connection({ ssoRequired: true, breakGlassAdminIds: [breakGlass.id] }))
        .expect(200);
      try {
        const login = (email: string, password = TEST_PASSWORD) =>
          ctx.http().post('/api/auth/login').send({ email, password });

        const refused = await login(member.email).expect(403);
        expect(refused.body).toMatchObject({
          code: 'sso_required',
          details: { startUrl: `/api/auth/sso/${org.slug}/start`, provider: 'Agency sign-in' },
        });
        // The same answer for a wrong password, an unknown address of the domain, and the break-glass
        // account with a wrong password: nothing tells who exists or who holds the break-glass.
        for (const res of await Promise.all([
          login(member.email, 'wrong password'),
          login(`nobody@${domain}`),
          login(breakGlass.email, 'wrong password'),
        ])) {
          expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'sso_required' });
        }
        await login(breakGlass.email).expect(200);
        // SSO itself still works, and the discover answer says a password is not offered.
        const discover = (
          await ctx
            .http()
            .post('/api/auth/sso/discover')
            .send({ email: `x@${domain}` })
            .expect(200)
        ).body as SsoDiscoverResponse;
        expect(discover).toMatchObject({ method: 'sso', passwordAllowed: false });
        idp.accounts.set('grace', { email: `grace@${domain}`, name: 'Grace Hopper' });
        expect((await ssoSignIn('grace')).session).toBeDefined();
      } finally {
        await adminClient
          .put('/api/sso', connection({ ssoRequired: false, breakGlassAdminIds: [breakGlass.id] }))
          .expect(200);
      }
      await ctx
        .http()
        .post('/api/auth/login')
        .send({ email: member.email, password: TEST_PASSWORD })
        .expect(200);
    });
  });
});
