import { randomUUID } from 'node:crypto';
import type { CreateAssignmentsResponse } from '@countersign/contracts/assignments';
import type { MyAssignment } from '@countersign/contracts/learning';
import { TestContext, type Client, type TestUser } from './test-app.js';

const FUTURE = '2099-06-30';

/** Today and yesterday as the server's validation sees them (UTC calendar date). */
function utcDate(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe('POST /api/assignments', () => {
  let ctx: TestContext;
  let team: Awaited<ReturnType<TestContext['newTeam']>>;
  let admin: Client;
  let moduleId: string;
  let otherModuleId: string;
  let other: Awaited<ReturnType<TestContext['newTeam']>>;
  let otherOrgModuleId: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    [team, other] = await Promise.all([ctx.newTeam('Acme'), ctx.newTeam('Elsewhere')]);
    admin = await ctx.login(team.admin);
    [moduleId, otherModuleId] = await ctx.moduleIds(team.org.id);
    [otherOrgModuleId] = await ctx.moduleIds(other.org.id);
  });
  afterAll(() => ctx.close());

  const orgId = () => team.org.id;

  async function assignmentCount(): Promise<number> {
    const [row] = await ctx.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM assignment`);
    return row!.n;
  }

  async function assignmentsOf(users: TestUser[], module = moduleId) {
    return ctx.dataSource.query<
      { user_id: string; due_date: string; source: string; assigned_by: string | null }[]
    >(
      `SELECT user_id, to_char(due_date, 'YYYY-MM-DD') AS due_date, source, assigned_by
         FROM assignment WHERE module_id = $1 AND user_id = ANY($2::uuid[]) ORDER BY user_id`,
      [module, users.map((u) => u.id)],
    );
  }

  /** A fresh department with `active` active members and `inactive` inactive ones. */
  async function department(active: number, inactive = 0) {
    const dept = await ctx.newDepartment(orgId());
    const members = await Promise.all(
      Array.from({ length: active }, () => ctx.newUser({ organisationId: orgId(), departmentId: dept.id })),
    );
    const gone = await Promise.all(
      Array.from({ length: inactive }, () =>
        ctx.newUser({ organisationId: orgId(), departmentId: dept.id, active: false }),
      ),
    );
    return { ...dept, members, gone };
  }

  it('assigns a module to everyone active in a department', async () => {
    const dept = await department(3, 1);
    const res = await admin
      .post('/api/assignments', { moduleId, dueDate: FUTURE, departmentIds: [dept.id] })
      .expect(201);
    expect(res.body).toEqual<CreateAssignmentsResponse>({ created: 3, alreadyAssigned: 0 });

    const rows = await assignmentsOf([...dept.members, ...dept.gone]);
    expect(rows.map((r) => r.user_id).sort()).toEqual(dept.members.map((m) => m.id).sort());
    for (const row of rows)
      expect(row).toMatchObject({ due_date: FUTURE, source: 'manual', assigned_by: team.admin.id });
  });

  it('assigns a module to chosen people, skipping inactive ones', async () => {
    const dept = await department(0);
    const [a, b, inactive] = await Promise.all([
      ctx.newUser({ organisationId: orgId(), departmentId: dept.id }),
      ctx.newUser({ organisationId: orgId() }), // no department
      ctx.newUser({ organisationId: orgId(), active: false }),
    ]);
    const before = await assignmentCount();
    const res = await admin
      .post('/api/assignments', { moduleId, dueDate: FUTURE, userIds: [a!.id, b!.id, inactive!.id] })
      .expect(201);
    expect(res.body).toEqual({ created: 2, alreadyAssigned: 0 });
    expect(await assignmentCount()).toBe(before + 2);
    expect((await assignmentsOf([a!, b!, inactive!])).map((r) => r.user_id).sort()).toEqual(
      [a!.id, b!.id].sort(),
    );
  });

  it('counts a person chosen both directly and through their department once', async () => {
    const dept = await department(2);
    const outsider = await ctx.newUser({ organisationId: orgId() });
    const res = await admin
      .post('/api/assignments', {
        moduleId,
        dueDate: FUTURE,
        departmentIds: [dept.id, dept.id],
        userIds: [dept.members[0]!.id, outsider.id],
      })
      .expect(201);
    expect(res.body).toEqual({ created: 3, alreadyAssigned: 0 });
    expect(await assignmentsOf([...dept.members, outsider])).toHaveLength(3);
  });

  it('treats a retry as already assigned: created 0, no new rows, due dates left alone', async () => {
    const dept = await department(3);
    const body = { moduleId, dueDate: '2099-01-01', departmentIds: [dept.id] };
    expect((await admin.post('/api/assignments', body).expect(201)).body).toEqual({
      created: 3,
      alreadyAssigned: 0,
    });
    const count = await assignmentCount();

    expect((await admin.post('/api/assignments', body).expect(201)).body).toEqual({
      created: 0,
      alreadyAssigned: 3,
    });
    expect(await assignmentCount()).toBe(count);

    // A later request with another due date keeps the existing assignments as they were.
    const later = await admin.post('/api/assignments', { ...body, dueDate: FUTURE }).expect(201);
    expect(later.body).toEqual({ created: 0, alreadyAssigned: 3 });
    expect(await assignmentCount()).toBe(count);
    expect((await assignmentsOf(dept.members)).map((r) => r.due_date)).toEqual([
      '2099-01-01',
      '2099-01-01',
      '2099-01-01',
    ]);

    // Someone who joins the department later is picked up by the next request, alone.
    const newcomer = await ctx.newUser({ organisationId: orgId(), departmentId: dept.id });
    expect((await admin.post('/api/assignments', body).expect(201)).body).toEqual({
      created: 1,
      alreadyAssigned: 3,
    });
    expect(await assignmentsOf([newcomer])).toHaveLength(1);
    expect(await assignmentCount()).toBe(count + 1);
  });

  it('never double-counts when the same request arrives several times at once', async () => {
    const dept = await department(4);
    const before = await assignmentCount();
    const body = { moduleId: otherModuleId, dueDate: FUTURE, departmentIds: [dept.id] };
    const results = await Promise.all([1, 2, 3].map(() => admin.post('/api/assignments', body).expect(201)));
    const answers = results.map((r) => r.body as CreateAssignmentsResponse);
    expect(answers.reduce((sum, a) => sum + a.created, 0)).toBe(4);
    for (const a of answers) expect(a.created + a.alreadyAssigned).toBe(4);
    expect(await assignmentCount()).toBe(before + 4);
    expect(await assignmentsOf(dept.members, otherModuleId)).toHaveLength(4);
  });

  it('accepts today as the due date', async () => {
    const person = await ctx.newUser({ organisationId: orgId() });
    const res = await admin
      .post('/api/assignments', { moduleId, dueDate: utcDate(), userIds: [person.id] })
      .expect(201);
    expect(res.body).toEqual({ created: 1, alreadyAssigned: 0 });
  });

  it('shows the new assignment in the employee’s own training list, not started', async () => {
    const employee = await ctx.newUser({ organisationId: orgId(), departmentId: team.department.id });
    await admin.post('/api/assignments', { moduleId, dueDate: FUTURE, userIds: [employee.id] }).expect(201);
    const client = await ctx.login(employee);
    const mine = (await client.get('/api/me/assignments').expect(200)).body as MyAssignment[];
    const [assignment] = await ctx.dataSource.query<{ id: string }[]>(
      `SELECT id FROM assignment WHERE user_id = $1`,
      [employee.id],
    );
    expect(mine).toEqual([
      {
        assignmentId: assignment!.id,
        module: {
          id: moduleId,
          title: 'The approach',
          summary: expect.any(String),
          estimatedMinutes: expect.any(Number),
        },
        dueDate: FUTURE,
        status: 'not-started',
        overdue: false,
        progressPercent: 0,
        activeAttemptId: null,
        completion: null,
      },
    ]);
  });

  describe('validation', () => {
    const deptId = randomUUID();
    const cases: [string, string, () => object][] = [
      ['a missing moduleId', 'moduleId', () => ({ dueDate: FUTURE, departmentIds: [deptId] })],
      [
        'a moduleId that is not a UUID',
        'moduleId',
        () => ({ moduleId: 'the-approach', dueDate: FUTURE, departmentIds: [deptId] }),
      ],
      ['a missing due date', 'dueDate', () => ({ moduleId, departmentIds: [deptId] })],
      [
        'a due date in day/month/year form',
        'dueDate',
        () => ({ moduleId, dueDate: '30/06/2099', departmentIds: [deptId] }),
      ],
      [
        'a due date with a time',
        'dueDate',
        () => ({ moduleId, dueDate: '2099-06-30T00:00:00Z', departmentIds: [deptId] }),
      ],
      [
        'a due date that does not exist',
        'dueDate',
        () => ({ moduleId, dueDate: '2099-02-30', departmentIds: [deptId] }),
      ],
      [
        'a due date with month 13',
        'dueDate',
        () => ({ moduleId, dueDate: '2099-13-01', departmentIds: [deptId] }),
      ],
      ['no departments and no people', 'departmentIds', () => ({ moduleId, dueDate: FUTURE })],
      [
        'empty departments and people',
        'departmentIds',
        () => ({ moduleId, dueDate: FUTURE, departmentIds: [], userIds: [] }),
      ],
      [
        'a department id that is not a UUID',
        'departmentIds.0',
        () => ({ moduleId, dueDate: FUTURE, departmentIds: ['engineering'] }),
      ],
      [
        'a user id that is not a UUID',
        'userIds.1',
        () => ({ moduleId, dueDate: FUTURE, userIds: [team.employee.id, 'bob'] }),
      ],
      [
        'departmentIds that is not a list',
        'departmentIds',
        () => ({ moduleId, dueDate: FUTURE, departmentIds: deptId }),
      ],
    ];

    it.each(cases)('rejects %s with 400 naming %s', async (_what, field, body) => {
      const before = await assignmentCount();
      const res = await admin.post('/api/assignments', body()).expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        code: 'validation_failed',
        message: expect.any(String),
      });
      const fields = (res.body.details as { field: string; message: string }[]).map((d) => d.field);
      expect(fields).toEqual([field]);
      expect(await assignmentCount()).toBe(before);
    });

    it('rejects a body that is not an object', async () => {
      const res = await admin.post('/api/assignments', [moduleId]).expect(400);
      expect(res.body.code).toBe('validation_failed');
    });
  });

  describe('refusals', () => {
    it.each([
      ['yesterday', () => utcDate(-1)],
      ['long ago', () => '2001-01-01'],
    ])('refuses a due date in the past (%s) with 422', async (_when, dueDate) => {
      const person = await ctx.newUser({ organisationId: orgId() });
      const before = await assignmentCount();
      const res = await admin
        .post('/api/assignments', { moduleId, dueDate: dueDate(), userIds: [person.id] })
        .expect(422);
      expect(res.body).toMatchObject({
        statusCode: 422,
        code: 'due_date_in_past',
        details: [{ field: 'dueDate', message: expect.any(String) }],
      });
      expect(await assignmentCount()).toBe(before);
    });

    it('refuses another organisation’s department with 422 unknown_ids and writes nothing', async () => {
      const own = await department(2);
      const before = await assignmentCount();
      const res = await admin
        .post('/api/assignments', { moduleId, dueDate: FUTURE, departmentIds: [own.id, other.department.id] })
        .expect(422);
      expect(res.body).toMatchObject({
        statusCode: 422,
        code: 'unknown_ids',
        details: [{ field: 'departmentIds' }],
      });
      expect(res.body.details[0].message).toContain(other.department.id);
      expect(res.body.details[0].message).not.toContain(own.id);
      expect(await assignmentCount()).toBe(before);
      expect(await assignmentsOf([...own.members, other.employee])).toEqual([]);
    });

    it('refuses another organisation’s person with 422 unknown_ids and writes nothing, even with a valid department', async () => {
      const own = await department(2);
      const person = await ctx.newUser({ organisationId: orgId() });
      const before = await assignmentCount();
      const res = await admin
        .post('/api/assignments', {
          moduleId,
          dueDate: FUTURE,
          departmentIds: [own.id],
          userIds: [person.id, other.employee.id],
        })
        .expect(422);
      expect(res.body).toMatchObject({ code: 'unknown_ids', details: [{ field: 'userIds' }] });
      expect(res.body.details[0].message).toContain(other.employee.id);
      expect(await assignmentCount()).toBe(before);
      expect(await assignmentsOf([...own.members, person, other.employee])).toEqual([]);
    });

    it('reports ids that do not exist exactly like another organisation’s', async () => {
      const missing = randomUUID();
      const res = await admin
        .post('/api/assignments', { moduleId, dueDate: FUTURE, userIds: [missing] })
        .expect(422);
      expect(res.body).toMatchObject({
        code: 'unknown_ids',
        details: [{ field: 'userIds', message: `unknown: ${missing}` }],
      });
    });

    it('refuses another organisation’s module, or an unknown one, with 404', async () => {
      const person = await ctx.newUser({ organisationId: orgId() });
      const before = await assignmentCount();
      for (const id of [otherOrgModuleId, randomUUID()]) {
        const res = await admin
          .post('/api/assignments', { moduleId: id, dueDate: FUTURE, userIds: [person.id] })
          .expect(404);
        expect(res.body).toEqual({ statusCode: 404, code: 'not_found', message: expect.any(String) });
      }
      expect(await assignmentCount()).toBe(before);
    });

    it('refuses a module that has no published version with 409', async () => {
      const [draftOnly] = await ctx.dataSource.query<{ id: string }[]>(
        `INSERT INTO training_module (organisation_id, slug, title) VALUES ($1, 'unpublished', 'Unpublished') RETURNING id`,
        [orgId()],
      );
      const person = await ctx.newUser({ organisationId: orgId() });
      const res = await admin
        .post('/api/assignments', { moduleId: draftOnly!.id, dueDate: FUTURE, userIds: [person.id] })
        .expect(409);
      expect(res.body.code).toBe('module_not_published');
      expect(await assignmentsOf([person], draftOnly!.id)).toEqual([]);
    });

    it.each(['employee', 'officer'] as const)(
      'refuses the %s role with 403 forbidden and writes nothing',
      async (role) => {
        const client = await ctx.login(team[role]);
        const dept = await department(1);
        const before = await assignmentCount();
        const res = await client
          .post('/api/assignments', { moduleId, dueDate: FUTURE, departmentIds: [dept.id] })
          .expect(403);
        expect(res.body).toEqual({ statusCode: 403, code: 'forbidden', message: expect.any(String) });
        expect(await assignmentCount()).toBe(before);
      },
    );
  });

  // The schema accepts upper-case UUIDs (z.uuid() allows A-F) and path ids are lower-cased by
  // UuidParamPipe, but AssignmentsService.assertAllFound compares the ids as sent with the
  // lower-case ids PostgreSQL returns, so an existing person or department is reported as unknown.
  it('accepts existing ids written in upper case', async () => {
    const dept = await department(1);
    const person = await ctx.newUser({ organisationId: orgId() });
    const res = await admin.post('/api/assignments', {
      moduleId: moduleId.toUpperCase(),
      dueDate: FUTURE,
      departmentIds: [dept.id.toUpperCase()],
      userIds: [person.id.toUpperCase()],
    });
    expect({ status: res.status, body: res.body as unknown }).toEqual({
      status: 201,
      body: { created: 2, alreadyAssigned: 0 },
    });
  });
});
