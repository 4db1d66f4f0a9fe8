import { TestContext } from './test-app.js';

describe('error handling', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  it('answers an unknown API route with the JSON error shape', async () => {
    const res = await ctx.http().get('/api/nope').expect(404);
    expect(res.body).toEqual({ statusCode: 404, code: 'not_found', message: expect.any(String) });
  });

  it('rejects malformed JSON with a 400 that says so', async () => {
    const res = await ctx
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":')
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'invalid_json' });
  });

  it('rejects a non-JSON body with 415 or a validation error, never a 500', async () => {
    const res = await ctx.http().post('/api/auth/login').type('form').send('email=a@b.c&password=x');
    expect([400, 415]).toContain(res.status);
    expect(res.body.code).toBeDefined();
  });

  it('rejects a body larger than the limit with 413', async () => {
    const res = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: 'a@b.co', password: 'x'.repeat(300_000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('names the invalid path parameter', async () => {
    const { employee } = await ctx.newTeam();
    const client = await ctx.login(employee);
    const res = await client.get('/api/me/attempts/not-a-uuid').expect(400);
    expect(res.body).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'attemptId', message: 'must be a UUID' }],
    });
  });

  it('serves the OpenAPI document and UI', async () => {
    const doc = await ctx.http().get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toContain('/api/auth/login');
    await ctx.http().get('/api/docs').expect(200);
  });

  it('documents the query parameters of each list, from the schema the route parses them with', async () => {
    const doc = (await ctx.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string; required?: boolean }[] }>
      >;
    };
    const query = (path: string) =>
      (doc.paths[path]!.get!.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => `${p.name}${p.required ? '' : '?'}`)
        .sort();
    expect(query('/api/users')).toEqual(['departmentId?', 'page?', 'pageSize?', 'q?']);
    expect(query('/api/authoring/modules/{moduleId}/diff')).toEqual(['from', 'to']);
    expect(query('/api/audit')).toEqual(['page?', 'pageSize?', 'subjectId']);
    expect(query('/api/approaches/reports')).toEqual(
      expect.arrayContaining(['status?', 'open?', 'rating?', 'assignee?', 'olderThanDays?']),
    );
    expect(query('/api/progress')).toEqual(expect.arrayContaining(['q?', 'sort?', 'after?']));
    const pageSize = doc.paths['/api/users']!.get!.parameters!.find((p) => p.name === 'pageSize') as unknown;
    expect(pageSize).toMatchObject({ schema: { type: 'integer', minimum: 1, maximum: 200, default: 25 } });
  });

  it('reports health including the database, and liveness apart from readiness', async () => {
    for (const path of ['/api/health', '/api/health/ready']) {
      const res = await ctx.http().get(path).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toMatchObject({
        status: 'ok',
        checks: { database: { status: 'up' }, pool: { status: 'ok', max: 10 } },
      });
    }
    await ctx.http().get('/api/health/live').expect(200, { status: 'ok' });
  });
});
