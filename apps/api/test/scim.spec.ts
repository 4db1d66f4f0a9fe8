import { randomUUID } from 'node:crypto';
import type { ScimTokenCreated, ScimTokenList } from '@countersign/contracts/provisioning';
import type request from 'supertest';
import { JobQueue } from '../src/modules/jobs/job-queue.service.js';
import { hashPassword } from '../src/modules/auth/auth.service.js';
import { PROGRAMME_EVALUATE_JOB } from '../src/modules/programme/programme-runner.service.js';
import { TEST_PASSWORD, TestContext } from './test-app.js';

/**
 * SCIM 2.0 provisioning (/scim/v2), replayed as the identity providers send it. The request bodies
 * are the published ones; only ids and addresses are made unique per test:
 * - Microsoft Entra ID: "Tutorial: Develop and plan provisioning for a SCIM endpoint in Microsoft
 *   Entra ID", https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
 *   (section "User operations" and "Group operations"), and "Known issues and resolutions with
 *   SCIM 2.0 protocol compliance of the Microsoft Entra user provisioning service",
 *   https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
 *   (what Entra sends without the aadOptscim062020 flag: "Replace", active "False", members removed by value).
 * - Okta: "SCIM 2.0 Protocol Reference", https://developer.okta.com/docs/reference/scim/scim-20/
 * After each step the person or department is checked in Countersign itself.
 */

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const RATE_LIMIT = 40;

interface Scim {
  get(path: string): request.Test;
  post(path: string, body: unknown): request.Test;
  put(path: string, body: unknown): request.Test;
  patch(path: string, body: unknown): request.Test;
  delete(path: string): request.Test;
}

interface PersonRow {
  name: string;
  email: string;
  active: boolean;
  external_id: string | null;
  scim_user_name: string | null;
  job_title: string | null;
  department_id: string | null;
  manager_id: string | null;
  role: string;
  has_password: boolean;
}

describe('SCIM 2.0 provisioning', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create({
      SCIM_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      PUBLIC_URL: 'https://countersign.example.org',
      MAIL_FROM: 'security@example.org',
    });
  });
  afterAll(() => ctx.close());

  function scimClient(token: string | null): Scim {
    const auth = (req: request.Test) => (token ? req.set('Authorization', `Bearer ${token}`) : req);
    const json = (req: request.Test, body: unknown) =>
      auth(req).set('Content-Type', 'application/scim+json').send(JSON.stringify(body));
    return {
      get: (path) => auth(ctx.http().get(`/scim/v2${path}`)),
      post: (path, body) => json(ctx.http().post(`/scim/v2${path}`), body),
      put: (path, body) => json(ctx.http().put(`/scim/v2${path}`), body),
      patch: (path, body) => json(ctx.http().patch(`/scim/v2${path}`), body),
      delete: (path) => auth(ctx.http().delete(`/scim/v2${path}`)),
    };
  }

  async function setUp(tokenName = 'Entra ID') {
    const team = await ctx.newTeam();
    const admin = await ctx.login(team.admin);
    const created = (await admin.post('/api/provisioning/tokens', { name: tokenName }).expect(201))
      .body as ScimTokenCreated;
    return { ...team, adminClient: admin, token: created, scim: scimClient(created.secret) };
  }

  const person = async (id: string) =>
    (
      await ctx.dataSource.query<PersonRow[]>(
        `SELECT name, email, active, external_id, scim_user_name, job_title, department_id, manager_id, role,
                password_hash IS NOT NULL AS has_password
           FROM app_user WHERE id = $1`,
        [id],
      )
    )[0];

  const events = (subjectId: string) =>
    ctx.dataSource.query<{ action: string; actor_id: string | null; details: Record<string, unknown> }[]>(
      `SELECT action, actor_id, details FROM audit_event WHERE subject_id = $1 ORDER BY id`,
      [subjectId],
    );

  const unique = () => randomUUID();

  /** Entra ID's "Create User" body. */
  const entraUser = (u: string) => ({
    schemas: [USER, ENTERPRISE],
    externalId: `0a21f0f2-${u}`,
    userName: `Test_User_${u}`,
    active: true,
    emails: [{ primary: true, type: 'work', value: `Test_User_${u}@testuser.com` }],
    meta: { resourceType: 'User' },
    name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
    roles: [],
  });

  /** Okta's "Create the User" body (the password is Okta's; Countersign never keeps it). */
  const oktaUser = (u: string) => ({
    schemas: [USER],
    userName: `test.user.${u}@okta.local`,
    name: { givenName: 'Test', familyName: 'User' },
    emails: [{ primary: true, value: `test.user.${u}@okta.local`, type: 'work' }],
    displayName: 'Test User',
    locale: 'en-US',
    externalId: `00ujl29u0le5T6Aj10h7-${u}`,
    groups: [],
    password: '1mz050nq',
    active: true,
  });

  const filter = (expression: string) => `?filter=${encodeURIComponent(expression)}`;

  describe('Entra ID', () => {
    it('creates, finds, patches and deactivates a user the way Entra ID does, and DELETE keeps the evidence', async () => {
      const s = await setUp();
      const u = unique();

      // Entra looks the user up by userName first; nobody yet.
      const none = await s.scim.get(`/Users${filter(`userName eq "Test_User_${u}"`)}`).expect(200);
      expect(none.headers['content-type']).toMatch(/^application\/scim\+json/);
      expect(none.body).toEqual({
        schemas: [LIST],
        totalResults: 0,
        startIndex: 1,
        itemsPerPage: 0,
        Resources: [],
      });

      const created = await s.scim.post('/Users', entraUser(u)).expect(201);
      expect(created.headers['content-type']).toMatch(/^application\/scim\+json/);
      const id = created.body.id as string;
      expect(created.body).toMatchObject({
        schemas: expect.arrayContaining([USER]),
        id,
        externalId: `0a21f0f2-${u}`,
        userName: `Test_User_${u}`,
        active: true,
        emails: [{ value: `test_user_${u}@testuser.com`, type: 'work', primary: true }],
        name: { givenName: 'givenName', familyName: 'familyName' },
        meta: { resourceType: 'User', location: `https://countersign.example.org/scim/v2/Users/${id}` },
      });
      expect(await person(id)).toMatchObject({
        name: 'givenName familyName',
        email: `test_user_${u}@testuser.com`,
        scim_user_name: `Test_User_${u}`,
        external_id: `0a21f0f2-${u}`,
        role: 'employee',
        active: true,
        has_password: false,
      });
      // No invitation email for a directory-provisioned person (they sign in through the provider).
      const [mail] = await ctx.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM outbound_email WHERE recipient_id = $1`,
        [id],
      );
      expect(mail!.n).toBe(0);
      const [createdEvent] = await events(id);
      expect(createdEvent).toMatchObject({
        action: 'person.created',
        actor_id: null,
        details: { via: { scimToken: { id: s.token.token.id, name: 'Entra ID' } } },
      });

      // Found by userName (case-insensitively, as RFC 7643 has it) and by externalId.
      for (const expression of [
        `userName eq "test_user_${u.toUpperCase()}"`,
        `externalId eq "0a21f0f2-${u}"`,
      ]) {
        const found = await s.scim.get(`/Users${filter(expression)}`).expect(200);
        expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id }] });
      }

      // "Update User [Multi-valued properties]"
      await s.scim
        .patch(`/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: [
            { op: 'Replace', path: 'emails[type eq "work"].value', value: `updatedEmail.${u}@microsoft.com` },
            { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
          ],
        })
        .expect(200);
      expect(await person(id)).toMatchObject({
        email: `updatedemail.${u}@microsoft.com`,
        name: 'givenName updatedFamilyName',
      });

      // "Update User [Single-valued properties]"
      const renamed = await s.scim
        .patch(`/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'Replace', path: 'userName', value: `5b50642d-${u}@testuser.com` }],
        })
        .expect(200);
      expect(renamed.body.userName).toBe(`5b50642d-${u}@testuser.com`);
      expect(await person(id)).toMatchObject({ scim_user_name: `5b50642d-${u}@testuser.com` });

      // "Requests to replace multiple attributes", without and with the aadOptscim062020 flag.
      await s.scim
        .patch(`/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: [
            { op: 'Replace', path: 'displayName', value: 'Pvlo' },
            {
              op: 'Replace',
              path: 'emails[type eq "work"].value',
              value: `TestBcwqnm.${u}@test.microsoft.com`,
            },
            { op: 'Replace', path: 'name.givenName', value: 'Gtfd' },
            { op: 'Replace', path: 'name.familyName', value: 'Pkqf' },
            { op: 'Replace', path: 'externalId', value: `Eqpj-${u}` },
            { op: 'Replace', path: `${ENTERPRISE}:employeeNumber`, value: 'Eqpj' },
          ],
        })
        .expect(200);
      expect(await person(id)).toMatchObject({
        name: 'Pvlo',
        email: `testbcwqnm.${u}@test.microsoft.com`,
        external_id: `Eqpj-${u}`,
      });
      await s.scim
        .patch(`/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: [
            {
              op: 'replace',
              path: 'emails[type eq "work"].value',
              value: `TestMhvaes.${u}@test.microsoft.com`,
            },
            {
              op: 'replace',
              value: {
                displayName: 'Bjfe',
                'name.givenName': 'Kkom',
                'name.familyName': 'Unua',
                [`${ENTERPRISE}:employeeNumber`]: 'Aklq',
              },
            },
          ],
        })
        .expect(200);
      expect(await person(id)).toMatchObject({ name: 'Bjfe', email: `testmhvaes.${u}@test.microsoft.com` });

      // The person signs in; Entra then disables them as it does without the flag: "Replace", "False".
      await ctx.dataSource.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [
        id,
        await hashPassword(TEST_PASSWORD),
      ]);
      const signedIn = await ctx.login({
        id,
        email: `testmhvaes.${u}@test.microsoft.com`,
        role: 'employee',
        organisationId: s.org.id,
        departmentId: null,
      });
      await signedIn.get('/api/me/assignments').expect(200);
      const disabled = await s.scim
        .patch(`/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
        })
        .expect(200);
      expect(disabled.body.active).toBe(false);
      expect(await person(id)).toMatchObject({ active: false });
      // Exactly as the admin UI's deactivation: every session ended, at once.
      expect((await signedIn.get('/api/me/assignments').expect(401)).body.code).toBe('unauthenticated');
      expect((await events(id)).at(-1)).toMatchObject({
        action: 'person.deactivated',
        actor_id: null,
        details: {
          before: { active: true },
          after: { active: false },
          sessionsEnded: 1,
          via: { scimToken: { name: 'Entra ID' } },
        },
      });
      // The admin UI shows them as it shows anyone deactivated there.
      expect((await s.adminClient.get(`/api/people/${id}`).expect(200)).body.status).toBe('deactivated');

      // The compliant form (with the flag) reactivates and deactivates the same way.
      await s.scim
        .patch(`/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', path: 'active', value: true }],
        })
        .expect(200);
      expect(await person(id)).toMatchObject({ active: true });
      expect((await events(id)).at(-1)).toMatchObject({ action: 'person.reactivated' });

      // DELETE deactivates; the person and their assignments stay as evidence.
      const [moduleId] = await ctx.moduleIds(s.org.id);
      const assignmentId = await ctx.assign(
        { id, email: '', role: 'employee', organisationId: s.org.id, departmentId: null },
        moduleId!,
      );
      await s.scim.delete(`/Users/${id}`).expect(204);
      expect(await person(id)).toMatchObject({ active: false, name: 'Bjfe' });
      const [kept] = await ctx.dataSource.query<{ id: string }[]>(`SELECT id FROM assignment WHERE id = $1`, [
        assignmentId,
      ]);
      expect(kept?.id).toBe(assignmentId);
      expect((await s.scim.get(`/Users/${id}`).expect(200)).body.active).toBe(false);
    });

    it('creates a group, finds it by displayName, renames it, adds and removes members and deletes it, as Entra ID does', async () => {
      const s = await setUp();
      const u = unique();
      const alice = (await s.scim.post('/Users', entraUser(`a-${u}`)).expect(201)).body.id as string;

      // "Create Group", with the Microsoft schema Entra lists beside the core one.
      const group = await s.scim
        .post('/Groups', {
          schemas: [GROUP, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
          externalId: `8aa1a0c0-${u}`,
          displayName: `displayName ${u}`,
          meta: { resourceType: 'Group' },
        })
        .expect(201);
      const id = group.body.id as string;
      expect(group.body).toMatchObject({
        id,
        externalId: `8aa1a0c0-${u}`,
        displayName: `displayName ${u}`,
        members: [],
      });
      const department = async () =>
        (
          await ctx.dataSource.query<{ name: string; external_id: string | null }[]>(
            `SELECT name, external_id FROM department WHERE id = $1`,
            [id],
          )
        )[0];
      expect(await department()).toEqual({ name: `displayName ${u}`, external_id: `8aa1a0c0-${u}` });
      expect((await events(id))[0]).toMatchObject({ action: 'department.created', actor_id: null });

      // "Get Group by displayName", members excluded.
      const found = await s.scim
        .get(
          `/Groups?excludedAttributes=members&filter=${encodeURIComponent(`displayName eq "displayName ${u}"`)}`,
        )
        .expect(200);
      expect(found.body).toMatchObject({
        totalResults: 1,
        Resources: [{ id, displayName: `displayName ${u}` }],
      });
      expect(found.body.Resources[0]).not.toHaveProperty('members');
      expect(
        (await s.scim.get(`/Groups/${id}?excludedAttributes=members`).expect(200)).body,
      ).not.toHaveProperty('members');

      // "Update Group [Non-member attributes]"
      await s.scim
        .patch(`/Groups/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'Replace', path: 'displayName', value: `${u}updatedDisplayName` }],
        })
        .expect(204);
      expect(await department()).toMatchObject({ name: `${u}updatedDisplayName` });

      // "Update Group [Add Members]": the member's department is now this one.
      await s.scim
        .patch(`/Groups/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: alice }] }],
        })
        .expect(204);
      expect(await person(alice)).toMatchObject({ department_id: id });
      expect((await s.scim.get(`/Groups/${id}`).expect(200)).body.members).toEqual([
        { value: alice, display: 'givenName familyName' },
      ]);
      expect((await s.scim.get(`/Users/${alice}`).expect(200)).body).toMatchObject({
        groups: [{ value: id, display: `${u}updatedDisplayName` }],
        [ENTERPRISE]: { department: `${u}updatedDisplayName` },
      });
      expect((await events(alice)).at(-1)).toMatchObject({
        action: 'person.updated',
        actor_id: null,
        details: { before: { departmentId: null }, after: { departmentId: id } },
      });

      // "Update Group [Remove Members]" as Entra sends it without the flag: op "Remove" with a value.
      await s.scim
        .patch(`/Groups/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: alice }] }],
        })
        .expect(204);
      expect(await person(alice)).toMatchObject({ department_id: null });

      // …and with it: a member filter.
      await s.scim
        .patch(`/Groups/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'add', path: 'members', value: [{ value: alice }] }],
        })
        .expect(204);
      await s.scim
        .patch(`/Groups/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'remove', path: `members[value eq "${alice}"]` }],
        })
        .expect(204);
      expect(await person(alice)).toMatchObject({ department_id: null });

      // "Delete Group": an empty department goes.
      await s.scim.delete(`/Groups/${id}`).expect(204);
      expect(await department()).toBeUndefined();
      await s.scim.get(`/Groups/${id}`).expect(404);
      expect((await events(id)).at(-1)).toMatchObject({ action: 'department.deleted', actor_id: null });
    });

    it('takes the enterprise department and manager Entra ID maps by default', async () => {
      const s = await setUp();
      const u = unique();
      const boss = (await s.scim.post('/Users', entraUser(`boss-${u}`)).expect(201)).body.id as string;
      const body = { ...entraUser(u), [ENTERPRISE]: { department: 'engineering', employeeNumber: '42' } };
      const id = (await s.scim.post('/Users', body).expect(201)).body.id as string;
      // An existing department of that name (case aside) is used, not a second one made.
      expect(await person(id)).toMatchObject({ department_id: s.department.id });

      // Entra sends the manager as the bare id of the manager's SCIM user.
      await s.scim
        .patch(`/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'Add', path: `${ENTERPRISE}:manager`, value: boss }],
        })
        .expect(200);
      expect(await person(id)).toMatchObject({ manager_id: boss });

      // Attributes Countersign does not keep, as Entra's default mappings patch them, are ignored
      // (not refused for having no work address to filter on).
      await s.scim
        .patch(`/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: [
            { op: 'Add', path: 'addresses[type eq "work"].formatted', value: '1 Main Street' },
            { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '+44 7700 900000' },
            { op: 'Add', path: 'nickName', value: 'Babs' },
            { op: 'Replace', path: 'title', value: 'Security analyst' },
          ],
        })
        .expect(200);
      expect(await person(id)).toMatchObject({ job_title: 'Security analyst' });
      await s.scim
        .patch(`/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'Add', path: 'addresses[type eq "work"].locality', value: 'Leeds' }],
        })
        .expect(200);

      // A department nobody has yet is made (through DepartmentsService, audited).
      await s.scim
        .patch(`/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'Replace', path: `${ENTERPRISE}:department`, value: `Research ${u}` }],
        })
        .expect(200);
      const [research] = await ctx.dataSource.query<{ id: string }[]>(
        `SELECT id FROM department WHERE organisation_id = $1 AND name = $2`,
        [s.org.id, `Research ${u}`],
      );
      expect(await person(id)).toMatchObject({ department_id: research!.id });
      expect((await events(research!.id))[0]).toMatchObject({ action: 'department.created', actor_id: null });
    });
  });

  describe('Okta', () => {
    it('finds, creates, reads, PUTs, deactivates and reactivates a user the way Okta does', async () => {
      const s = await setUp('Okta');
      const u = unique();
      const userName = `test.user.${u}@okta.local`;

      const lookup = `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`;
      expect((await s.scim.get(lookup).expect(200)).body).toMatchObject({ totalResults: 0, Resources: [] });

      const created = await s.scim.post('/Users', oktaUser(u)).expect(201);
      const id = created.body.id as string;
      expect(created.body).toMatchObject({ userName, displayName: 'Test User', active: true });
      expect(created.body).not.toHaveProperty('password');
      expect(await person(id)).toMatchObject({
        name: 'Test User',
        email: userName,
        scim_user_name: null, // the userName is the email address
        external_id: `00ujl29u0le5T6Aj10h7-${u}`,
        has_password: false, // Okta's password is never kept
      });
      expect(JSON.stringify(await events(id))).not.toContain('1mz050nq');

      // The same user again: 409, in SCIM's shape, so Okta stops.
      const again = await s.scim.post('/Users', oktaUser(u)).expect(409);
      expect(again.body).toEqual({
        schemas: [ERROR],
        status: '409',
        scimType: 'uniqueness',
        detail: expect.any(String),
      });

      expect((await s.scim.get(lookup).expect(200)).body).toMatchObject({
        totalResults: 1,
        Resources: [{ id }],
      });
      const read = await s.scim.get(`/Users/${id}`).expect(200);
      expect(read.body).toMatchObject({
        id,
        userName,
        emails: [{ value: userName, primary: true, type: 'work' }],
      });

      // "Update the User" (PUT): the body Okta sends, which leaves out displayName and externalId.
      await s.scim
        .put(`/Users/${id}`, {
          schemas: [USER],
          id,
          userName,
          name: { givenName: 'Another', middleName: 'Excited', familyName: 'User' },
          emails: [{ primary: true, value: userName, type: 'work', display: userName }],
          active: true,
          groups: [],
          meta: { resourceType: 'User' },
        })
        .expect(200);
      expect(await person(id)).toMatchObject({
        name: 'Another User',
        active: true,
        external_id: `00ujl29u0le5T6Aj10h7-${u}`, // what a PUT leaves out stays
      });

      // "Update a specific User (PATCH)": deactivation, a path-less replace.
      const off = await s.scim
        .patch(`/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', value: { active: false } }],
        })
        .expect(200);
      expect(off.body.active).toBe(false);
      expect(await person(id)).toMatchObject({ active: false });
      expect((await events(id)).at(-1)).toMatchObject({
        action: 'person.deactivated',
        details: { via: { scimToken: { name: 'Okta' } } },
      });

      // Custom (AIW) integrations deactivate with a PUT instead.
      await s.scim
        .patch(`/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', value: { active: true } }],
        })
        .expect(200);
      await s.scim
        .put(`/Users/${id}`, {
          schemas: [USER],
          userName,
          emails: [{ primary: true, value: userName }],
          active: false,
        })
        .expect(200);
      expect(await person(id)).toMatchObject({ active: false, name: 'Another User' });
    });

    it('pushes a group and its membership the way Okta does', async () => {
      const s = await setUp('Okta');
      const u = unique();
      const one = (await s.scim.post('/Users', oktaUser(`1-${u}`)).expect(201)).body.id as string;
      const two = (await s.scim.post('/Users', oktaUser(`2-${u}`)).expect(201)).body.id as string;

      const created = await s.scim
        .post('/Groups', { schemas: [GROUP], displayName: `Test SCIMv2 ${u}`, members: [] })
        .expect(201);
      const id = created.body.id as string;
      expect(created.body).toMatchObject({ displayName: `Test SCIMv2 ${u}`, members: [] });

      // "Update a specific Group name": a path-less replace carrying the id too.
      await s.scim
        .patch(`/Groups/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', value: { id, displayName: `Test SCIMv20 ${u}` } }],
        })
        .expect(204);
      const [renamed] = await ctx.dataSource.query<{ name: string }[]>(
        `SELECT name FROM department WHERE id = $1`,
        [id],
      );
      expect(renamed!.name).toBe(`Test SCIMv20 ${u}`);

      // "Update specific Group membership": remove by filter, add with a value list.
      await s.scim
        .patch(`/Groups/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'add', path: 'members', value: [{ value: two }] }],
        })
        .expect(204);
      await s.scim
        .patch(`/Groups/${id}`, {
          schemas: [PATCH_OP],
          Operations: [
            { op: 'remove', path: `members[value eq "${two}"]` },
            { op: 'add', path: 'members', value: [{ value: one, display: `test.user.1-${u}@okta.local` }] },
          ],
        })
        .expect(204);
      expect(await person(one)).toMatchObject({ department_id: id });
      expect(await person(two)).toMatchObject({ department_id: null });

      // The full push: replace all members.
      await s.scim
        .patch(`/Groups/${id}`, {
          schemas: [PATCH_OP],
          Operations: [
            {
              op: 'replace',
              path: 'members',
              value: [{ value: two, display: 'two' }],
            },
          ],
        })
        .expect(204);
      expect(await person(one)).toMatchObject({ department_id: null });
      expect(await person(two)).toMatchObject({ department_id: id });
      const read = await s.scim.get(`/Groups/${id}`).expect(200);
      expect(read.body.members).toEqual([{ value: two, display: 'Test User' }]);

      // Okta's import pages through groups and users with startIndex and count.
      const page = await s.scim.get('/Groups?startIndex=1&count=100').expect(200);
      expect(page.body.Resources.map((g: { id: string }) => g.id)).toContain(id);

      // A department with someone in it is kept (people keep their department as evidence).
      const refused = await s.scim.delete(`/Groups/${id}`).expect(409);
      expect(refused.body).toMatchObject({
        schemas: [ERROR],
        status: '409',
        detail: expect.stringContaining('1 person'),
      });
    });
  });

  it('moves a large group’s members in one request, each move on the person’s own trail', async () => {
    const s = await setUp('Okta');
    const people = await Promise.all(
      Array.from({ length: 300 }, () =>
        ctx.newUser({ organisationId: s.org.id, departmentId: s.department.id }),
      ),
    );
    const id = (
      await s.scim
        .post('/Groups', { schemas: [GROUP], displayName: `Everyone ${unique()}`, members: [] })
        .expect(201)
    ).body.id as string;
    const ids = people.map((p) => p.id);
    await s.scim
      .patch(`/Groups/${id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'members', value: ids.map((value) => ({ value })) }],
      })
      .expect(204);
    const [{ n }] = (await ctx.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM app_user WHERE department_id = $1`,
      [id],
    )) as [{ n: number }];
    expect(n).toBe(300);
    const [{ events: moves }] = (await ctx.dataSource.query<{ events: number }[]>(
      `SELECT count(*)::int AS events FROM audit_event
        WHERE action = 'person.updated' AND subject_id = ANY($1::uuid[]) AND details->'after'->>'departmentId' = $2`,
      [ids, id],
    )) as [{ events: number }];
    expect(moves).toBe(300);
    // Replacing with half of them moves the other half out (to no department).
    await s.scim
      .patch(`/Groups/${id}`, {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'replace', path: 'members', value: ids.slice(0, 150).map((value) => ({ value })) },
        ],
      })
      .expect(204);
    expect(await person(ids[0]!)).toMatchObject({ department_id: id });
    expect(await person(ids[299]!)).toMatchObject({ department_id: null });
  });

  it('assigns the rule’s training to a joiner the directory provisions into a matching department', async () => {
    const s = await setUp();
    const [moduleId] = await ctx.moduleIds(s.org.id);
    await s.adminClient
      .post('/api/programme/rules', {
        name: 'Engineering induction',
        moduleId,
        audience: { departmentIds: [s.department.id] },
        due: { kind: 'relative', days: 30 },
      })
      .expect(201);
    const u = unique();
    const id = (
      await s.scim
        .post('/Users', { ...entraUser(u), [ENTERPRISE]: { department: 'Engineering' } })
        .expect(201)
    ).body.id as string;
    await ctx.app.get(JobQueue).runDue(PROGRAMME_EVALUATE_JOB);
    const assignments = await ctx.dataSource.query<{ module_id: string; source: string }[]>(
      `SELECT module_id, source FROM assignment WHERE user_id = $1`,
      [id],
    );
    expect(assignments).toEqual([{ module_id: moduleId, source: 'rule' }]);

    // Added to the department as a group member works the same way.
    const group = (await s.scim.get(`/Groups${filter('displayName eq "Engineering"')}`).expect(200)).body
      .Resources[0].id as string;
    expect(group).toBe(s.department.id);
    const other = (await s.scim.post('/Users', entraUser(`g-${u}`)).expect(201)).body.id as string;
    await s.scim
      .patch(`/Groups/${group}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'Add', path: 'members', value: [{ value: other }] }],
      })
      .expect(204);
    await ctx.app.get(JobQueue).runDue(PROGRAMME_EVALUATE_JOB);
    const [assigned] = await ctx.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM assignment WHERE user_id = $1 AND source = 'rule'`,
      [other],
    );
    expect(assigned!.n).toBe(1);
  });

  it('never shows or changes another organisation’s people or departments', async () => {
    const mine = await setUp();
    const theirs = await setUp();
    const u = unique();
    const id = (await mine.scim.post('/Users', entraUser(u)).expect(201)).body.id as string;
    const group = (
      await mine.scim.post('/Groups', { schemas: [GROUP], displayName: `Mine ${u}` }).expect(201)
    ).body.id as string;

    await theirs.scim.get(`/Users/${id}`).expect(404);
    await theirs.scim.get(`/Groups/${group}`).expect(404);
    await theirs.scim.get(`/Groups/${mine.department.id}`).expect(404);
    const byName = await theirs.scim.get(`/Users${filter(`userName eq "Test_User_${u}"`)}`).expect(200);
    expect(byName.body).toMatchObject({ totalResults: 0, Resources: [] });
    const all = await theirs.scim.get('/Users?count=200').expect(200);
    const ids = all.body.Resources.map((r: { id: string }) => r.id);
    expect(ids).not.toContain(id);
    expect(ids).not.toContain(mine.employee.id);
    expect(ids).toEqual(expect.arrayContaining([theirs.employee.id, theirs.admin.id]));
    const groups = await theirs.scim.get('/Groups').expect(200);
    expect(groups.body.Resources.map((g: { id: string }) => g.id)).toEqual([theirs.department.id]);

    const patch = { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] };
    await theirs.scim.patch(`/Users/${id}`, patch).expect(404);
    await theirs.scim.put(`/Users/${id}`, entraUser(u)).expect(404);
    await theirs.scim.delete(`/Users/${id}`).expect(404);
    await theirs.scim.delete(`/Groups/${group}`).expect(404);
    // Their group cannot take my person in either.
    const add = await theirs.scim
      .patch(`/Groups/${theirs.department.id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'add', path: 'members', value: [{ value: id }] }],
      })
      .expect(400);
    expect(add.body).toMatchObject({ schemas: [ERROR], status: '400', scimType: 'invalidValue' });
    expect(await person(id)).toMatchObject({ active: true, department_id: null });
  });

  describe('tokens', () => {
    it('lists tokens without their secret, notes their use, and a revoked one answers 401', async () => {
      const s = await setUp('Entra ID production');
      expect(s.token.secret).toMatch(/^cs_scim_[A-Za-z0-9_-]{43}$/);
      await s.scim.get('/ServiceProviderConfig').expect(200);

      const list = (await s.adminClient.get('/api/provisioning/tokens').expect(200)).body as ScimTokenList;
      expect(list.baseUrl).toBe('https://countersign.example.org/scim/v2');
      expect(list.items).toEqual([
        {
          id: s.token.token.id,
          name: 'Entra ID production',
          prefix: s.token.secret.slice(0, 12),
          createdAt: expect.any(String),
          createdBy: { id: s.admin.id, name: expect.any(String) },
          lastUsedAt: expect.any(String),
          revokedAt: null,
        },
      ]);
      expect(JSON.stringify(list)).not.toContain(s.token.secret);
      const [stored] = await ctx.dataSource.query<{ token_hash: string }[]>(
        `SELECT token_hash FROM scim_token WHERE id = $1`,
        [s.token.token.id],
      );
      expect(stored!.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored!.token_hash).not.toContain(s.token.secret);

      await s.adminClient.post(`/api/provisioning/tokens/${s.token.token.id}/revoke`).expect(200);
      const refused = await s.scim.get('/Users').expect(401);
      expect(refused.headers['content-type']).toMatch(/^application\/scim\+json/);
      expect(refused.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(refused.body).toEqual({ schemas: [ERROR], status: '401', detail: expect.any(String) });
      await s.adminClient.post(`/api/provisioning/tokens/${s.token.token.id}/revoke`).expect(409);

      const audit = await events(s.token.token.id);
      expect(audit.map((e) => e.action)).toEqual(['scim-token.created', 'scim-token.revoked']);
      expect(audit.every((e) => e.actor_id === s.admin.id)).toBe(true);
      expect(JSON.stringify(audit)).not.toContain(s.token.secret);
      expect(JSON.stringify(audit)).not.toContain(stored!.token_hash);
    });

    it('answers 401 in SCIM shape without a token, with an unknown one, and to a session', async () => {
      const s = await setUp();
      for (const scim of [scimClient(null), scimClient('cs_scim_unknown'), scimClient('not-even-close')]) {
        const res = await scim.get('/Users').expect(401);
        expect(res.body).toEqual({ schemas: [ERROR], status: '401', detail: expect.any(String) });
      }
      // An administrator's session is not a SCIM credential.
      await s.adminClient.get('/scim/v2/Users').expect(401);
      // Only administrators manage tokens.
      const officer = await ctx.login(s.officer);
      await officer.get('/api/provisioning/tokens').expect(403);
      await officer.post('/api/provisioning/tokens', { name: 'Mine' }).expect(403);
    });

    it('rate-limits each token on its own: over the limit is 429 with Retry-After', async () => {
      const s = await setUp();
      const other = scimClient(
        (
          (await s.adminClient.post('/api/provisioning/tokens', { name: 'Okta' }).expect(201))
            .body as ScimTokenCreated
        ).secret,
      );
      for (let i = 0; i < RATE_LIMIT; i++) await s.scim.get('/ServiceProviderConfig').expect(200);
      const limited = await s.scim.get('/Users').expect(429);
      expect(limited.headers['retry-after']).toMatch(/^\d+$/);
      expect(limited.body).toEqual({ schemas: [ERROR], status: '429', detail: expect.any(String) });
      await other.get('/Users').expect(200);
    });
  });

  describe('protocol', () => {
    let s: Awaited<ReturnType<typeof setUp>>;
    beforeAll(async () => {
      s = await setUp();
    });

    it('pages with startIndex and count in a stable order, with totalResults', async () => {
      for (let i = 0; i < 4; i++) await s.scim.post('/Users', oktaUser(`page-${i}-${unique()}`)).expect(201);
      const all = (await s.scim.get('/Users').expect(200)).body;
      expect(all.totalResults).toBe(7); // the team's three and these four
      const page = (await s.scim.get('/Users?startIndex=2&count=2').expect(200)).body;
      expect(page).toMatchObject({ totalResults: 7, startIndex: 2, itemsPerPage: 2 });
      expect(page.Resources.map((r: { id: string }) => r.id)).toEqual(
        all.Resources.slice(1, 3).map((r: { id: string }) => r.id),
      );
      const past = (await s.scim.get('/Users?startIndex=50&count=10').expect(200)).body;
      expect(past).toMatchObject({ totalResults: 7, itemsPerPage: 0, Resources: [] });
      const onlyNames = (await s.scim.get('/Users?count=1&attributes=userName').expect(200)).body
        .Resources[0];
      expect(Object.keys(onlyNames).sort()).toEqual(['id', 'schemas', 'userName']);
    });

    it.each([
      ['an unsupported operator', 'userName co "x"'],
      ['an unsupported attribute', 'title eq "Engineer"'],
      ['two conditions', 'userName eq "a" or userName eq "b"'],
      ['a filter that does not parse', 'userName eq'],
    ])('answers %s in a filter with 400 invalidFilter', async (_what, expression) => {
      const res = await s.scim.get(`/Users${filter(expression)}`).expect(400);
      expect(res.body).toEqual({
        schemas: [ERROR],
        status: '400',
        scimType: 'invalidFilter',
        detail: expect.any(String),
      });
    });

    it('answers bad resources and requests in SCIM’s error shape, never a 500', async () => {
      const missing = await s.scim.post('/Users', { schemas: [USER], displayName: 'No Name' }).expect(400);
      expect(missing.body).toMatchObject({ schemas: [ERROR], status: '400', scimType: 'invalidValue' });
      const noEmail = await s.scim.post('/Users', { schemas: [USER], userName: 'just-a-name' }).expect(400);
      expect(noEmail.body.detail).toMatch(/email/);
      const badType = await s.scim.post('/Users', { ...oktaUser(unique()), active: 'maybe' }).expect(400);
      expect(badType.body).toMatchObject({ status: '400', scimType: 'invalidValue' });
      const nul = await s.scim.post('/Users', { ...oktaUser(unique()), displayName: 'a\u0000b' }).expect(400);
      expect(nul.body).toMatchObject({ status: '400', scimType: 'invalidValue' });

      const syntax = await ctx
        .http()
        .post('/scim/v2/Users')
        .set('Authorization', `Bearer ${s.token.secret}`)
        .set('Content-Type', 'application/scim+json')
        .send('{"userName": ')
        .expect(400);
      expect(syntax.body).toMatchObject({ schemas: [ERROR], status: '400', scimType: 'invalidSyntax' });

      const badOp = await s.scim
        .patch(`/Users/${s.employee.id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'move', path: 'active' }],
        })
        .expect(400);
      expect(badOp.body).toMatchObject({ schemas: [ERROR], status: '400', scimType: 'invalidSyntax' });
      const badPath = await s.scim
        .patch(`/Users/${s.employee.id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', path: 'favouriteColour', value: 'blue' }],
        })
        .expect(400);
      expect(badPath.body).toMatchObject({ status: '400', scimType: 'invalidPath' });

      for (const path of [
        '/Users/not-a-uuid',
        `/Users/${randomUUID()}`,
        `/Groups/${randomUUID()}`,
        '/Nothing',
      ]) {
        const res = await s.scim.get(path).expect(404);
        expect(res.body).toEqual({ schemas: [ERROR], status: '404', detail: expect.any(String) });
      }
      // The last administrator cannot be deactivated from the directory either.
      const last = await s.scim
        .patch(`/Users/${s.admin.id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', path: 'active', value: false }],
        })
        .expect(409);
      expect(last.body).toMatchObject({
        schemas: [ERROR],
        status: '409',
        detail: expect.stringContaining('last active'),
      });
    });

    it('describes itself: ServiceProviderConfig, ResourceTypes, Schemas', async () => {
      const config = (await s.scim.get('/ServiceProviderConfig').expect(200)).body;
      expect(config).toMatchObject({
        patch: { supported: true },
        filter: { supported: true, maxResults: 200 },
        bulk: { supported: false },
        sort: { supported: false },
        etag: { supported: false },
        changePassword: { supported: false },
        authenticationSchemes: [expect.objectContaining({ type: 'oauthbearertoken' })],
      });
      const types = (await s.scim.get('/ResourceTypes').expect(200)).body;
      expect(types.Resources.map((t: { name: string }) => t.name).sort()).toEqual(['Group', 'User']);
      const schemas = (await s.scim.get('/Schemas').expect(200)).body;
      expect(schemas.Resources.map((r: { id: string }) => r.id).sort()).toEqual(
        [GROUP, USER, ENTERPRISE].sort(),
      );
      await s.scim.get(`/Schemas/${USER}`).expect(200);
      await s.scim.get('/ResourceTypes/User').expect(200);
    });
  });
});
