import type { DepartmentView } from '@countersign/contracts/directory';
import type { DepartmentMergeResult, PersonPage, PersonView } from '@countersign/contracts/people';
import type { ProgressOverview } from '@countersign/contracts/progress';
import { TestContext, type Client } from './test-app.js';

type Team = Awaited<ReturnType<TestContext['newTeam']>>;

describe('people and departments', () => {
  let ctx: TestContext;
  let team: Team;
  let other: Team;
  let admin: Client;
  let officer: Client;

  beforeAll(async () => {
    ctx = await TestContext.create();
    [team, other] = await Promise.all([ctx.newTeam('Acme'), ctx.newTeam('Elsewhere')]);
    [admin, officer] = await Promise.all([ctx.login(team.admin), ctx.login(team.officer)]);
  });
  afterAll(() => ctx.close());

  let emails = 0;
  const email = () => `person${++emails}.${Date.now()}@example.test`;

  async function create(body: object): Promise<PersonView> {
    return (await admin.post('/api/people', body).expect(201)).body as PersonView;
  }

  async function events(subjectId: string) {
    return ctx.dataSource.query<
      { action: string; actor_id: string; subject_type: string; at: Date; details: Record<string, unknown> }[]
    >(
      `SELECT action, actor_id, subject_type, at, details FROM audit_event WHERE subject_id = $1 ORDER BY id`,
      [subjectId],
    );
  }

  describe('people', () => {
    it('creates a person as invited, with department, manager, tier and job title, and audits it', async () => {
      const person = await create({
        name: 'Ada Lovelace',
        email: 'Ada.Lovelace@Example.test',
        role: 'officer',
        departmentId: team.department.id,
        managerId: team.admin.id,
        sensitivityTier: 'high',
        jobTitle: 'Analyst',
        startDate: '2026-01-05',
      });
      expect(person).toMatchObject({
        name: 'Ada Lovelace',
        email: 'ada.lovelace@example.test',
        role: 'officer',
        department: { id: team.department.id, name: 'Engineering' },
        manager: { id: team.admin.id },
        sensitivityTier: 'high',
        jobTitle: 'Analyst',
        startDate: '2026-01-05',
        status: 'invited',
        lastSignInAt: null,
      });
      const [event] = await events(person.id);
      expect(event).toMatchObject({
        action: 'person.created',
        actor_id: team.admin.id,
        subject_type: 'person',
        details: { before: null, after: { name: 'Ada Lovelace', role: 'officer', active: true } },
      });
      expect(event!.at).toBeInstanceOf(Date);
    });

    it('refuses an email address someone already has (409) and names bad fields (400/422)', async () => {
      const taken = await admin.post('/api/people', { name: 'Dup', email: team.employee.email }).expect(409);
      expect(taken.body).toMatchObject({ code: 'email_taken' });
      const bad = await admin.post('/api/people', { name: '', email: 'not-an-email' });
      expect([400, 422]).toContain(bad.status);
      expect(JSON.stringify(bad.body)).toContain('email');
    });

    it('edits a person and records only the changed fields, before and after', async () => {
      const person = await create({ name: 'Grace Hopper', email: email() });
      const edited = (
        await admin
          .put(`/api/people/${person.id}`, { role: 'officer', sensitivityTier: 'elevated', jobTitle: null })
          .expect(200)
      ).body as PersonView;
      expect(edited).toMatchObject({ role: 'officer', sensitivityTier: 'elevated', name: 'Grace Hopper' });
      const trail = await events(person.id);
      expect(trail.map((e) => e.action)).toEqual(['person.created', 'person.updated']);
      expect(trail[1]!.details).toEqual({
        before: { role: 'employee', sensitivityTier: 'standard' },
        after: { role: 'officer', sensitivityTier: 'elevated' },
      });
      // Saving the same values again records nothing.
      await admin.put(`/api/people/${person.id}`, { role: 'officer' }).expect(200);
      expect(await events(person.id)).toHaveLength(2);
    });

    it('lists with search, filters, status and keyset pages; officers read it, employees may not', async () => {
      const org = await ctx.newTeam('Listing');
      const lister = await ctx.login(org.admin);
      for (const name of ['Zed One', 'Zed Two', 'Zed Three']) {
        await lister.post('/api/people', { name, email: email(), sensitivityTier: 'high' }).expect(201);
      }
      const first = (await lister.get('/api/people?q=zed&pageSize=2').expect(200)).body as PersonPage;
      expect(first.total).toBe(3);
      expect(first.items.map((p) => p.name)).toEqual(['Zed One', 'Zed Three']);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = (
        await lister.get(`/api/people?q=zed&pageSize=2&page=2&after=${first.nextCursor}`).expect(200)
      ).body as PersonPage;
      expect(second.items.map((p) => p.name)).toEqual(['Zed Two']);
      expect(second.nextCursor).toBeNull();

      const tiers = (await lister.get('/api/people?tier=high').expect(200)).body as PersonPage;
      expect(tiers.items.every((p) => p.sensitivityTier === 'high')).toBe(true);
      expect(tiers.total).toBe(3);
      const invited = (await lister.get('/api/people?status=invited').expect(200)).body as PersonPage;
      expect(invited.total).toBe(3);
      const admins = (await lister.get('/api/people?role=admin&status=active').expect(200))
        .body as PersonPage;
      expect(admins.items.map((p) => p.id)).toEqual([org.admin.id]);
      // The admin signed in: the list says when.
      expect(admins.items[0]!.lastSignInAt).toEqual(expect.any(String));
      const byDepartment = (await lister.get(`/api/people?departmentId=${org.department.id}`).expect(200))
        .body as PersonPage;
      expect(byDepartment.total).toBe(3);

      await lister.get('/api/people?after=not-a-cursor').expect(400);
      await officer.get('/api/people').expect(200);
      const employee = await ctx.login(org.employee);
      await employee.get('/api/people').expect(403);
      await officer.post('/api/people', { name: 'No', email: email() }).expect(403);
    });

    it("answers 404 for another organisation's person, and refuses their people as manager or department", async () => {
      const theirs = other.employee.id;
      await admin.get(`/api/people/${theirs}`).expect(404);
      await admin.put(`/api/people/${theirs}`, { name: 'Taken over' }).expect(404);
      await admin.post(`/api/people/${theirs}/deactivate`).expect(404);
      await admin.post(`/api/people/${theirs}/reactivate`).expect(404);
      const manager = await admin
        .put(`/api/people/${team.employee.id}`, { managerId: other.admin.id })
        .expect(422);
      expect(manager.body).toMatchObject({ code: 'unknown_manager' });
      const department = await admin
        .post('/api/people', { name: 'X', email: email(), departmentId: other.department.id })
        .expect(422);
      expect(department.body).toMatchObject({ code: 'unknown_department' });
      const list = (await admin.get('/api/people?pageSize=200').expect(200)).body as PersonPage;
      expect(list.items.map((p) => p.id)).not.toContain(theirs);
    });

    it('refuses a manager cycle, directly or through others', async () => {
      const a = await create({ name: 'Chain A', email: email() });
      const b = await create({ name: 'Chain B', email: email(), managerId: a.id });
      const c = await create({ name: 'Chain C', email: email(), managerId: b.id });
      const self = await admin.put(`/api/people/${a.id}`, { managerId: a.id }).expect(422);
      expect(self.body).toMatchObject({ code: 'manager_cycle' });
      const loop = await admin.put(`/api/people/${a.id}`, { managerId: c.id }).expect(422);
      expect(loop.body).toMatchObject({ code: 'manager_cycle', details: [{ field: 'managerId' }] });
      // Sideways is fine.
      await admin.put(`/api/people/${c.id}`, { managerId: a.id }).expect(200);
    });

    it('refuses to demote or deactivate the last active administrator (409)', async () => {
      const org = await ctx.newTeam('Solo');
      const solo = await ctx.login(org.admin);
      const demote = await solo.put(`/api/people/${org.admin.id}`, { role: 'officer' }).expect(409);
      expect(demote.body).toMatchObject({ code: 'last_admin' });
      const leave = await solo.post(`/api/people/${org.admin.id}/deactivate`).expect(409);
      expect(leave.body).toMatchObject({ code: 'last_admin' });
      // With a second administrator, the first may step down.
      const second = (
        await solo.post('/api/people', { name: 'Deputy', email: email(), role: 'admin' }).expect(201)
      ).body as PersonView;
      await solo.put(`/api/people/${org.admin.id}`, { role: 'officer' }).expect(200);
      expect(await events(second.id)).toHaveLength(1);
    });

    it('deactivation signs the person out at once, keeps their records, leaves them out of rates; reactivation lets them back', async () => {
      const org = await ctx.newTeam('Leavers');
      const orgAdmin = await ctx.login(org.admin);
      const orgOfficer = await ctx.login(org.officer);
      const [moduleId] = await ctx.moduleIds(org.org.id);
      const leaver = await ctx.login(org.employee);
      const assignmentId = await ctx.assign(org.employee, moduleId!);
      await ctx.dataSource.query(
        `UPDATE assignment SET status = 'completed', completed_at = now() WHERE id = $1`,
        [assignmentId],
      );
      await ctx.assign(org.officer, moduleId!);
      // The leaver's session is in use (and remembered by the API) right before.
      await leaver.get('/api/me/assignments').expect(200);
      const before = (await orgOfficer.get('/api/progress/overview').expect(200)).body as ProgressOverview;
      expect(before.totals).toMatchObject({ assigned: 2, completed: 1 });

      const view = (await orgAdmin.post(`/api/people/${org.employee.id}/deactivate`).expect(200))
        .body as PersonView;
      expect(view.status).toBe('deactivated');
      const gone = await leaver.get('/api/me/assignments').expect(401);
      expect(gone.body).toMatchObject({ code: 'unauthenticated' });
      await ctx
        .http()
        .post('/api/auth/login')
        .send({ email: org.employee.email, password: 'correct horse battery staple' })
        .expect(401);
      const [{ n }] = (await ctx.dataSource.query(
        `SELECT count(*)::int AS n FROM user_session WHERE user_id = $1`,
        [org.employee.id],
      )) as [{ n: number }];
      expect(n).toBe(0);

      // Records kept, shown as deactivated; out of completion rates and new assignments.
      const [{ kept }] = (await ctx.dataSource.query(
        `SELECT count(*)::int AS kept FROM assignment WHERE id = $1`,
        [assignmentId],
      )) as [{ kept: number }];
      expect(kept).toBe(1);
      const person = (await orgOfficer.get(`/api/progress/people/${org.employee.id}`).expect(200)).body as {
        user: { status: string };
        assignments: { assignmentId: string; status: string }[];
      };
      expect(person.user.status).toBe('deactivated');
      expect(person.assignments).toEqual([expect.objectContaining({ assignmentId, status: 'completed' })]);
      const listed = (await orgOfficer.get('/api/people?status=deactivated').expect(200)).body as PersonPage;
      expect(listed.items.map((p) => p.id)).toEqual([org.employee.id]);
      const after = (await orgOfficer.get('/api/progress/overview').expect(200)).body as ProgressOverview;
      expect(after.totals).toMatchObject({ assigned: 1, completed: 0 });
      const [, second] = await ctx.moduleIds(org.org.id);
      const assigned = await orgAdmin
        .post('/api/assignments', {
          moduleId: second,
          dueDate: '2099-01-01',
          departmentIds: [org.department.id],
        })
        .expect(201);
      // The officer and the admin: not the leaver.
      expect(assigned.body).toMatchObject({ created: 2 });

      const trail = await events(org.employee.id);
      expect(trail.at(-1)).toMatchObject({
        action: 'person.deactivated',
        actor_id: org.admin.id,
        details: { before: { active: true }, after: { active: false }, sessionsEnded: 1 },
      });

      await orgAdmin.post(`/api/people/${org.employee.id}/reactivate`).expect(200);
      await ctx.login(org.employee);
      expect((await events(org.employee.id)).at(-1)).toMatchObject({ action: 'person.reactivated' });
    });
  });

  describe('departments', () => {
    it('creates and renames, refusing a duplicate name, and audits both', async () => {
      const made = (await admin.post('/api/departments', { name: 'Research' }).expect(201))
        .body as DepartmentView;
      expect(made).toMatchObject({ name: 'Research', memberCount: 0 });
      const dup = await admin.post('/api/departments', { name: 'Research' }).expect(409);
      expect(dup.body).toMatchObject({ code: 'department_name_taken' });
      const renamed = (await admin.put(`/api/departments/${made.id}`, { name: 'R&D' }).expect(200))
        .body as DepartmentView;
      expect(renamed.name).toBe('R&D');
      await admin.put(`/api/departments/${made.id}`, { name: 'Engineering' }).expect(409);
      expect((await events(made.id)).map((e) => [e.action, e.details])).toEqual([
        ['department.created', { before: null, after: { name: 'Research' } }],
        ['department.renamed', { before: { name: 'Research' }, after: { name: 'R&D' } }],
      ]);
    });

    it('deletes only an empty department, saying why otherwise', async () => {
      const full = await ctx.newDepartment(team.org.id, 'Full');
      await ctx.newUser({ organisationId: team.org.id, departmentId: full.id });
      await ctx.newUser({ organisationId: team.org.id, departmentId: full.id, active: false });
      const refused = await admin.delete(`/api/departments/${full.id}`).expect(409);
      expect(refused.body).toMatchObject({
        code: 'department_not_empty',
        message: expect.stringContaining('Full still has 2 people (1 deactivated)'),
      });
      const empty = await ctx.newDepartment(team.org.id, 'Empty');
      await admin.delete(`/api/departments/${empty.id}`).expect(204);
      await admin.delete(`/api/departments/${empty.id}`).expect(404);
      expect((await events(empty.id)).map((e) => e.action)).toEqual(['department.deleted']);
    });

    it("merges: people move (each on their own trail), the source goes; another organisation's answers 404", async () => {
      const source = await ctx.newDepartment(team.org.id, 'Old team');
      const into = await ctx.newDepartment(team.org.id, 'New team');
      const a = await ctx.newUser({ organisationId: team.org.id, departmentId: source.id });
      const b = await ctx.newUser({ organisationId: team.org.id, departmentId: source.id, active: false });
      const result = (
        await admin.post(`/api/departments/${source.id}/merge`, { intoDepartmentId: into.id }).expect(200)
      ).body as DepartmentMergeResult;
      expect(result).toEqual({ into: { id: into.id, name: 'New team', memberCount: 1 }, moved: 2 });
      const rows = await ctx.dataSource.query<{ department_id: string }[]>(
        `SELECT department_id FROM app_user WHERE id = ANY($1::uuid[])`,
        [[a.id, b.id]],
      );
      expect(rows.map((r) => r.department_id)).toEqual([into.id, into.id]);
      await admin.delete(`/api/departments/${source.id}`).expect(404);
      expect(await events(a.id)).toEqual([
        expect.objectContaining({
          action: 'person.updated',
          details: {
            before: { departmentId: source.id },
            after: { departmentId: into.id },
            mergedFrom: 'Old team',
          },
        }),
      ]);
      expect((await events(source.id)).at(-1)).toMatchObject({
        action: 'department.merged',
        details: { before: { name: 'Old team' }, into: { id: into.id, name: 'New team' }, moved: 2 },
      });

      await admin.post(`/api/departments/${into.id}/merge`, { intoDepartmentId: into.id }).expect(422);
      await admin
        .post(`/api/departments/${into.id}/merge`, { intoDepartmentId: other.department.id })
        .expect(422);
      await admin
        .post(`/api/departments/${other.department.id}/merge`, { intoDepartmentId: into.id })
        .expect(404);
      await admin.put(`/api/departments/${other.department.id}`, { name: 'Mine now' }).expect(404);
      await admin.delete(`/api/departments/${other.department.id}`).expect(404);
      await officer.post('/api/departments', { name: 'Nope' }).expect(403);
    });
  });
});
