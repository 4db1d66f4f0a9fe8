import { DEFAULT_RULES } from '@countersign/approach-checker';
import type { MyReportView } from '@countersign/contracts/approaches';
import type { AuthoringModuleDetail } from '@countersign/contracts/authoring';
import type { AttemptState } from '@countersign/contracts/learning';
import type { ModuleContent } from '@countersign/scenario-engine';
import type request from 'supertest';
import { playToEnding } from './play.js';
import { TEST_PASSWORD, TestContext, type Client, type TestUser } from './test-app.js';

/**
 * Hostile input, walked over the whole API from its OpenAPI document: every path and query
 * parameter and every field of every JSON body gets values that have crashed such APIs before
 * (NUL, lone surrogates, integers past PostgreSQL's `integer`, negative numbers, huge strings,
 * wrong types), one at a time in an otherwise valid request, sent by an administrator (who holds
 * every permission) so that the value reaches as far into the route as it can. Nothing may answer
 * 5xx; text the database cannot store must be refused (400/422), never accepted.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: Json[];
  const?: Json;
  minimum?: number;
  minItems?: number;
  minLength?: number;
  default?: Json;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A valid request of one operation, to change one part of at a time. */
interface ValidRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Json;
}

interface Fixture {
  admin: TestUser;
  moduleId: string;
  moduleContent: ModuleContent;
  draftModuleId: string;
  publishModuleId: string;
  assignmentId: string;
  attemptId: string;
  firstChoiceId: string;
  quizAttemptId: string;
  quizAnswers: Record<string, string[]>;
  reportId: string;
  attachmentId: string;
  notificationId: string;
  mediaId: string;
  userId: string;
  /** A SCIM token of the admin's organisation, sent on /scim/v2 instead of relying on the session. */
  scimToken: string;
  /** A person and a department made over SCIM, for the SCIM operations on one resource. */
  scimUserId: string;
  scimGroupId: string;
}

const SCIM_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const SCIM_PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** Text PostgreSQL cannot store: each must be refused, naming the field. */
const UNSTORABLE: Record<string, string> = {
  NUL: 'a\u0000b',
  'lone high surrogate': 'a\ud800b',
  'lone low surrogate': '\udc00z',
};
const HUGE = 'x'.repeat(100_000);
const INT32_OVERFLOW = 2_147_483_648;

/** Values for a JSON string field, besides the unstorable ones. */
const STRING_FIELD_VALUES: Record<string, Json> = {
  huge: HUGE,
  empty: '',
  number: 12345,
  boolean: true,
  null: null,
  object: { a: 'b' },
  array: ['a'],
};
/** Values for a JSON number field. */
const NUMBER_FIELD_VALUES: Record<string, Json> = {
  'int32 + 1': INT32_OVERFLOW,
  '-1': -1,
  '1e308': 1e308,
  'unsafe integer': Number.MAX_SAFE_INTEGER + 2,
  fraction: 1.5,
  'numeric string': '1',
  null: null,
  array: [1],
};
/** Values for a path or query parameter, already URL-encoded as they go on the wire. */
const URL_VALUES: Record<string, string> = {
  NUL: '%00',
  'NUL inside': 'a%00b',
  'lone surrogate (CESU-8 bytes)': '%ED%A0%80',
  'invalid UTF-8': '%FF%FE',
  'int32 + 1': String(INT32_OVERFLOW),
  '-1': '-1',
  zero: '0',
  '1e999': '1e999',
  fraction: '1.5',
  huge: 'x'.repeat(4000),
  'path traversal': '..%2F..%2Fetc%2Fpasswd',
  quote: "'%22%3B--",
};
/** Whole bodies of the wrong type. */
const WRONG_BODIES: Record<string, string> = {
  array: '[]',
  string: '"x"',
  number: '1',
  null: 'null',
  'object with a NUL key': '{"\\u0000":1}',
};

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let idempotency = 0;

/** Valid requests by operation; operations not listed get one made from their schema. */
const VALID: Record<string, (fx: Fixture) => ValidRequest> = {
  'POST /api/auth/login': (fx) => ({ body: { email: fx.admin.email, password: TEST_PASSWORD } }),
  'POST /api/assignments': (fx) => ({
    body: { moduleId: fx.moduleId, dueDate: '2099-12-31', userIds: [fx.userId] },
  }),
  'POST /api/me/attempts/{attemptId}/choices': (fx) => ({ body: { seq: 0, choiceId: fx.firstChoiceId } }),
  'POST /api/me/attempts/{attemptId}/quiz': (fx) => ({
    params: { attemptId: fx.quizAttemptId },
    body: { round: 1, answers: fx.quizAnswers },
  }),
  'POST /api/approaches/check': () => ({
    body: { answers: { offer: ['travel'] }, messageText: 'we would cover your flights and hotel' },
  }),
  'POST /api/approaches/reports': () => ({
    body: {
      platform: 'LinkedIn',
      profileUrl: 'https://www.linkedin.com/in/someone',
      nameUsed: 'Alex Recruiter',
      offered: 'A paid trip',
      messageText: 'We would cover your flights and hotel.',
      occurredOn: '2026-01-02',
      replied: false,
      checkAnswers: { offer: ['travel'] },
      idempotencyKey: `fuzz-report-${++idempotency}-${Date.now()}`,
    },
  }),
  'POST /api/approaches/reports/{reportId}/assign': (fx) => ({ body: { assigneeId: fx.admin.id } }),
  'POST /api/approaches/reports/{reportId}/status': () => ({ body: { status: 'in-review' } }),
  'POST /api/approaches/reports/{reportId}/notes': () => ({ body: { body: 'Checked the profile.' } }),
  'GET /api/audit': (fx) => ({ query: { subjectId: fx.reportId } }),
  'PUT /api/approaches/rules': () => ({ body: { ...DEFAULT_RULES, version: 2 } as unknown as Json }),
  'POST /api/authoring/modules': () => ({
    body: { title: 'Fuzzed module', summary: 'Made by the fuzz walk', estimatedMinutes: 10 },
  }),
  'POST /api/authoring/modules/import': (fx) => ({
    body: {
      format: 'countersign.module',
      formatVersion: 1,
      module: { title: 'Imported by the fuzz walk', summary: '', estimatedMinutes: 10 },
      content: fx.moduleContent as unknown as Json,
    },
  }),
  'PUT /api/authoring/modules/{moduleId}/draft': (fx) => ({
    params: { moduleId: fx.draftModuleId },
    body: { content: fx.moduleContent as unknown as Json, baseRevision: 0 },
  }),
  'POST /api/authoring/modules/{moduleId}/publish': (fx) => ({
    params: { moduleId: fx.publishModuleId },
    body: { note: 'First version' },
  }),
  'POST /api/authoring/modules/{moduleId}/archive': (fx) => ({ params: { moduleId: fx.draftModuleId } }),
  'POST /api/authoring/modules/{moduleId}/unarchive': (fx) => ({ params: { moduleId: fx.draftModuleId } }),
  'GET /api/authoring/modules/{moduleId}/diff': () => ({ query: { from: '1', to: '1' } }),
  'GET /api/authoring/modules/{moduleId}/versions/{version}/export': () => ({ params: { version: '1' } }),
  'GET /scim/v2/Users': () => ({
    query: { filter: 'userName eq "nobody@example.test"', startIndex: '1', count: '10' },
  }),
  'POST /scim/v2/Users': () => ({
    body: {
      schemas: [SCIM_USER],
      userName: `fuzz.${++idempotency}.${Date.now()}@example.test`,
      name: { givenName: 'Fuzz', familyName: 'Walk' },
      emails: [{ primary: true, type: 'work', value: `fuzz.${idempotency}.${Date.now()}@example.test` }],
      externalId: `fuzz-${idempotency}-${Date.now()}`,
      title: 'Analyst',
      active: true,
    },
  }),
  'GET /scim/v2/Users/{id}': (fx) => ({
    params: { id: fx.scimUserId },
    query: { excludedAttributes: 'groups' },
  }),
  'PUT /scim/v2/Users/{id}': (fx) => ({
    params: { id: fx.scimUserId },
    body: {
      schemas: [SCIM_USER],
      userName: 'fuzz.scim@example.test',
      displayName: 'Fuzz Scim',
      emails: [{ primary: true, type: 'work', value: 'fuzz.scim@example.test' }],
      active: true,
    },
  }),
  'PATCH /scim/v2/Users/{id}': (fx) => ({
    params: { id: fx.scimUserId },
    body: { schemas: [SCIM_PATCH], Operations: [{ op: 'Replace', path: 'title', value: 'Engineer' }] },
  }),
  'GET /scim/v2/Groups': () => ({
    query: { filter: 'displayName eq "Nobody"', excludedAttributes: 'members' },
  }),
  'POST /scim/v2/Groups': () => ({
    body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: `Fuzz ${++idempotency}` },
  }),
  'GET /scim/v2/Groups/{id}': (fx) => ({ params: { id: fx.scimGroupId } }),
  'PUT /scim/v2/Groups/{id}': (fx) => ({
    params: { id: fx.scimGroupId },
    body: {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Fuzz group',
      members: [],
    },
  }),
  'PATCH /scim/v2/Groups/{id}': (fx) => ({
    params: { id: fx.scimGroupId },
    body: {
      schemas: [SCIM_PATCH],
      Operations: [{ op: 'replace', path: 'displayName', value: 'Fuzz group' }],
    },
  }),
  'GET /scim/v2/ResourceTypes/{id}': () => ({ params: { id: 'User' } }),
  'GET /scim/v2/Schemas/{id}': () => ({ params: { id: SCIM_USER } }),
};

/** Operations whose inputs are not fuzzed: they end the session the walk signs in with. */
const SKIPPED = new Set(['POST /api/auth/logout']);

interface Case {
  operation: string;
  what: string;
  /** The value is text the database cannot store: it must be refused. */
  unstorable: boolean;
  send: () => request.Test;
}

describe('hostile input over the OpenAPI document', () => {
  let ctx: TestContext;
  let fx: Fixture;
  let client: Client;
  let doc: OpenApiDoc;

  beforeAll(async () => {
    // The walk sends more SCIM requests a minute than an identity provider would.
    ctx = await TestContext.create({ SCIM_RATE_LIMIT_PER_MINUTE: '100000' });
    const team = await ctx.newTeam();
    client = await ctx.login(team.admin);
    const moduleIds = await ctx.moduleIds(team.org.id);

    const assignmentId = await ctx.assign(team.admin, moduleIds[0]!);
    const started = (await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200))
      .body as AttemptState;
    const quizAssignmentId = await ctx.assign(team.admin, moduleIds[1]!);
    let quiz = (await client.post(`/api/me/assignments/${quizAssignmentId}/attempts`).expect(200))
      .body as AttemptState;
    const [quizVersion] = await ctx.dataSource.query<{ content: ModuleContent }[]>(
      `SELECT v.content FROM attempt a JOIN module_version v ON v.id = a.module_version_id WHERE a.id = $1`,
      [quiz.attemptId],
    );
    quiz = await playToEnding(client, quiz, quizVersion!.content);

    const report = (
      await client
        .post('/api/approaches/reports', {
          platform: 'Email',
          replied: false,
          messageText: 'We would cover your flights and hotel.',
          idempotencyKey: 'fuzz-fixture-report',
        })
        .expect(201)
    ).body as MyReportView;
    const attachment = await client
      .post(`/api/approaches/reports/${report.id}/attachments`)
      .attach('file', PNG, { filename: 'fixture.png', contentType: 'image/png' })
      .expect(201);
    const [notification] = await ctx.dataSource.query<{ id: string }[]>(
      `INSERT INTO notification (organisation_id, user_id, kind, title, link)
       VALUES ($1, $2, 'report-status-changed', 'Fixture', '/') RETURNING id`,
      [team.org.id, team.admin.id],
    );
    const authored = async (title: string) =>
      ((await client.post('/api/authoring/modules', { title }).expect(201)).body as AuthoringModuleDetail)
        .module.id;
    const media = await client
      .post('/api/authoring/media')
      .attach('file', PNG, { filename: 'fixture.png', contentType: 'image/png' })
      .expect(201);
    const [v1] = await ctx.dataSource.query<{ content: ModuleContent }[]>(
      `SELECT content FROM module_version WHERE module_id = $1 AND version = 1`,
      [moduleIds[0]],
    );

    fx = {
      admin: team.admin,
      moduleId: moduleIds[0]!,
      moduleContent: v1!.content,
      draftModuleId: await authored('Fuzz draft'),
      publishModuleId: await authored('Fuzz publish'),
      assignmentId,
      attemptId: started.attemptId,
      firstChoiceId: started.step.choices[0]!.id,
      quizAttemptId: quiz.attemptId,
      quizAnswers: Object.fromEntries(quiz.quiz!.questions.map((q) => [q.id, [q.options[0]!.id]])),
      reportId: report.id,
      attachmentId: (attachment.body as { id: string }).id,
      notificationId: notification!.id,
      mediaId: (media.body as { id: string }).id,
      userId: team.employee.id,
      scimToken: '',
      scimUserId: '',
      scimGroupId: '',
    };
    fx.scimToken = (
      (await client.post('/api/provisioning/tokens', { name: 'Fuzz walk' }).expect(201)).body as {
        secret: string;
      }
    ).secret;
    const scim = (path: string, body: object) =>
      ctx
        .http()
        .post(`/scim/v2/${path}`)
        .set('Authorization', `Bearer ${fx.scimToken}`)
        .send(body)
        .expect(201)
        .then((res) => (res.body as { id: string }).id);
    fx.scimUserId = await scim('Users', {
      schemas: [SCIM_USER],
      userName: 'fuzz.scim@example.test',
      emails: [{ primary: true, type: 'work', value: 'fuzz.scim@example.test' }],
    });
    fx.scimGroupId = await scim('Groups', { displayName: 'Fuzz group' });
    doc = (await ctx.http().get('/api/docs-json').expect(200)).body as OpenApiDoc;
  });
  afterAll(() => ctx.close());

  /** Path parameters by name, from the fixture; an unknown name gets a well-formed UUID. */
  function pathParam(name: string): string {
    const byName: Record<string, string> = {
      moduleId: fx.moduleId,
      assignmentId: fx.assignmentId,
      attemptId: fx.attemptId,
      reportId: fx.reportId,
      attachmentId: fx.attachmentId,
      notificationId: fx.notificationId,
      mediaId: fx.mediaId,
      userId: fx.userId,
      version: '1',
    };
    return byName[name] ?? '00000000-0000-4000-8000-000000000000';
  }

  function operations() {
    return Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        const key = `${method.toUpperCase()} ${path}`;
        const parameters = op.parameters ?? [];
        const jsonSchema = op.requestBody?.content?.['application/json']?.schema;
        const made = VALID[key]?.(fx) ?? {};
        const params = Object.fromEntries(
          parameters
            .filter((p) => p.in === 'path')
            .map((p) => [p.name, made.params?.[p.name] ?? pathParam(p.name)]),
        );
        const query = made.query ?? {};
        const body = made.body ?? (jsonSchema ? exampleOf(jsonSchema, jsonSchema, fx) : undefined);
        return {
          key,
          method: method.toUpperCase() as Method,
          path,
          parameters,
          jsonSchema,
          multipart: Boolean(op.requestBody?.content?.['multipart/form-data']),
          valid: { params, query, body } as Required<ValidRequest>,
          tabled: key in VALID,
        };
      }),
    );
  }

  function send(method: Method, url: string, body?: Json | { raw: string }): request.Test {
    const req = {
      GET: client.get,
      POST: client.post,
      PUT: client.put,
      PATCH: client.patch,
      DELETE: client.delete,
    }[method](url);
    // SCIM answers to its bearer token, not to the session.
    if (url.startsWith('/scim/')) req.set('Authorization', `Bearer ${fx.scimToken}`);
    if (body === undefined) return req;
    const raw = body !== null && typeof body === 'object' && 'raw' in body ? String(body.raw) : null;
    return req.set('Content-Type', 'application/json').send(raw ?? JSON.stringify(body));
  }

  function urlOf(
    path: string,
    params: Record<string, string>,
    query: Record<string, string> | string,
  ): string {
    const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => params[name] ?? pathParam(name));
    const search =
      typeof query === 'string'
        ? query
        : Object.entries(query)
            .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
            .join('&');
    return search ? `${filled}?${search}` : filled;
  }

  it('answers no hostile value with a 5xx, and refuses every unstorable text', async () => {
    const ops = operations().filter((op) => !SKIPPED.has(op.key));
    expect(ops.length).toBeGreaterThan(40);

    // The valid requests first: each must work, or the walk below would test the wrong thing.
    const baseline: string[] = [];
    for (const op of ops) {
      const { params, query, body } = op.valid;
      const url = urlOf(op.path, params, query);
      const res = op.multipart
        ? await send(op.method, url).attach('file', PNG, { filename: 'ok.png', contentType: 'image/png' })
        : await send(op.method, url, body);
      if (res.status >= 500 || (op.tabled && res.status >= 400))
        baseline.push(`${op.key} → ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(baseline).toEqual([]);

    const cases: Case[] = [];
    const perOperation = new Map<string, number>();
    const add = (c: Case) => {
      cases.push(c);
      perOperation.set(c.operation, (perOperation.get(c.operation) ?? 0) + 1);
    };

    for (const op of ops) {
      const { params, query, body } = op.valid;
      const withBody = op.multipart ? undefined : body;

      for (const p of op.parameters.filter((x) => x.in === 'path')) {
        for (const [label, value] of Object.entries(URL_VALUES)) {
          add({
            operation: op.key,
            what: `path ${p.name} = ${label}`,
            unstorable: false,
            send: () => send(op.method, urlOf(op.path, { ...params, [p.name]: value }, query), withBody),
          });
        }
      }

      for (const p of op.parameters.filter((x) => x.in === 'query')) {
        const others = Object.entries(query)
          .filter(([k]) => k !== p.name)
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
        const values: Record<string, string> = {
          ...URL_VALUES,
          'repeated (an array)': `a&${encodeURIComponent(p.name)}=b`,
          empty: '',
        };
        for (const [label, value] of Object.entries(values)) {
          const unstorable = label.startsWith('NUL') && isText(p.schema);
          add({
            operation: op.key,
            what: `query ${p.name} = ${label}`,
            unstorable,
            send: () =>
              send(
                op.method,
                urlOf(op.path, params, [...others, `${encodeURIComponent(p.name)}=${value}`].join('&')),
                withBody,
              ),
          });
        }
      }

      if (op.multipart) {
        add({
          operation: op.key,
          what: 'file name with a NUL',
          unstorable: false,
          send: () =>
            send(op.method, urlOf(op.path, params, query)).attach('file', PNG, {
              filename: 'a\u0000b.png',
              contentType: 'image/png',
            }),
        });
        continue;
      }
      if (body === undefined && !op.jsonSchema) continue;

      for (const [label, raw] of Object.entries(WRONG_BODIES)) {
        add({
          operation: op.key,
          what: `body = ${label}`,
          unstorable: false,
          send: () => send(op.method, urlOf(op.path, params, query), { raw }),
        });
      }
      for (const slot of slotsOf(body ?? {}, op.jsonSchema ?? {})) {
        // Inside lists (authored content, rules) the same schemas repeat: the unstorable text and
        // one wrong type there, the whole set on the fields of the request itself.
        const stringValues = slot.inList ? { number: 12345 } : STRING_FIELD_VALUES;
        const values: [string, Json, boolean][] =
          slot.kind === 'number'
            ? Object.entries(NUMBER_FIELD_VALUES).map(([l, v]) => [l, v, false])
            : [
                ...Object.entries(UNSTORABLE).map(([l, v]): [string, Json, boolean] => [l, v, true]),
                ...(slot.kind === 'string'
                  ? Object.entries(stringValues).map(([l, v]): [string, Json, boolean] => [l, v, false])
                  : []),
              ];
        for (const [label, value, unstorable] of values) {
          add({
            operation: op.key,
            what: `${slot.kind === 'key' ? 'a key of ' : ''}${slot.label || 'body'} = ${label}`,
            // A key nobody reads (of a plain object) is dropped, so only a record's key must be refused.
            unstorable: unstorable && (slot.kind === 'string' || slot.record),
            send: () => send(op.method, urlOf(op.path, params, query), slot.set(clone(body ?? {}), value)),
          });
        }
      }
    }

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    // A few requests in flight at once, as browsers send them: the walk stays well under a minute.
    const queue = [...cases];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const res = await c.send();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const body = res.body as { code?: string; details?: unknown };
        if (res.status >= 500)
          failures.push(`${c.operation}: ${c.what} → ${res.status} ${JSON.stringify(body)}`);
        else if (c.unstorable && ![400, 422].includes(res.status))
          failures.push(`${c.operation}: ${c.what} → ${res.status} (accepted text that cannot be stored)`);
        else if (res.status === 422 && body.code === 'invalid_text' && !Array.isArray(body.details))
          failures.push(`${c.operation}: ${c.what} → 422 without the field named`);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));

    const summary = [
      `${perOperation.size} operations, ${cases.length} hostile requests`,
      `statuses: ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
    ].join('; ');
    process.stdout.write(`fuzz-openapi: ${summary}\n`);
    expect(failures).toEqual([]);
    expect(cases.length).toBeGreaterThan(1000);
    // Every documented query parameter took part.
    const queryParameters = ops.flatMap((op) => op.parameters.filter((p) => p.in === 'query'));
    expect(queryParameters.length).toBeGreaterThan(10);
    // About 15 s on an idle machine; room for a CI machine busy with other test files.
  }, 120_000);

  it('refuses a NUL in a text field with 422 naming the field, and a version past int32 with 400', async () => {
    const search = await client.get('/api/users?q=a%00b').expect(422);
    expect(search.body).toEqual({
      statusCode: 422,
      code: 'invalid_text',
      message: expect.stringContaining('q:'),
      details: [{ field: 'q', message: expect.stringMatching(/not allowed/) }],
    });

    const note = await client
      .post(`/api/approaches/reports/${fx.reportId}/notes`)
      .set('Content-Type', 'application/json')
      .send('{"body":"\\ud800"}')
      .expect(422);
    expect(note.body.details).toEqual([{ field: 'body', message: expect.any(String) }]);

    const draft = fx.moduleContent as unknown as { scenario: { steps: { narrative: string }[] } };
    const hostile = clone(draft as unknown as Json) as unknown as typeof draft;
    hostile.scenario.steps[1]!.narrative = 'Hello\u0000';
    const saved = await client
      .put(`/api/authoring/modules/${fx.draftModuleId}/draft`, { content: hostile, baseRevision: null })
      .expect(422);
    expect(saved.body.details).toEqual([
      { field: 'content.scenario.steps.1.narrative', message: expect.any(String) },
    ]);

    const answers = await client
      .post(`/api/me/attempts/${fx.quizAttemptId}/quiz`, { round: 1, answers: { '\ud800': ['a'] } })
      .expect(422);
    expect(answers.body.details).toEqual([
      { field: 'answers', message: expect.stringMatching(/^has a key/) },
    ]);

    const diff = await client
      .get(`/api/authoring/modules/${fx.moduleId}/diff?from=2147483648&to=1`)
      .expect(400);
    expect(diff.body).toMatchObject({ code: 'validation_failed', details: [{ field: 'from' }] });
  });
});

interface Slot {
  label: string;
  kind: 'string' | 'number' | 'key';
  /** A key slot of a record (`z.record`), whose keys are kept; other objects drop unknown keys. */
  record: boolean;
  /** Inside an array. */
  inList: boolean;
  set: (body: Json, value: Json) => Json;
}

type Segment = string | number;

/**
 * Where a hostile value can go in a body: every string and number it holds (one per field, array
 * items counted once), an added key in every object, and the documented fields it leaves out.
 */
function slotsOf(body: Json, schema: JsonSchema): Slot[] {
  const slots = new Map<string, Slot>();
  const add = (kind: Slot['kind'], path: Segment[], record = false) => {
    const label = path
      .map((s) => (typeof s === 'number' ? '[]' : `.${s}`))
      .join('')
      .replace(/^\./, '');
    const key = `${kind} ${label}`;
    const inList = path.some((segment) => typeof segment === 'number');
    // An added key in a plain object is dropped by its schema: tried at the top of the body only.
    if (slots.has(key) || (kind === 'key' && inList && !record)) return;
    slots.set(key, {
      label,
      kind,
      record,
      inList,
      set:
        kind === 'key'
          ? (b, v) => setAt(b, path, (o) => ({ ...(o as Record<string, Json>), [String(v)]: 'x' }))
          : (b, v) => setAt(b, path, () => v),
    });
  };

  const walk = (value: Json, s: JsonSchema | undefined, path: Segment[]) => {
    const node = s ? resolve(s, schema, value) : undefined;
    if (typeof value === 'string') return add('string', path);
    if (typeof value === 'number') return add('number', path);
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, node?.items, [...path, i]));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = Boolean(node?.propertyNames || typeof node?.additionalProperties === 'object');
    add('key', path, record);
    for (const [k, v] of Object.entries(value)) {
      const child =
        node?.properties?.[k] ??
        (typeof node?.additionalProperties === 'object' ? node.additionalProperties : undefined);
      walk(v, child, [...path, k]);
    }
    // Documented fields the valid body leaves out.
    for (const [k, child] of Object.entries(node?.properties ?? {})) {
      if (k in value) continue;
      const c = resolve(child, schema);
      if (isText(c)) add('string', [...path, k]);
      else if (typesOf(c).some((t) => t === 'number' || t === 'integer')) add('number', [...path, k]);
      else if (c.items && isText(resolve(c.items, schema))) add('string', [...path, k, 0]);
    }
  };
  walk(body, schema, []);
  return [...slots.values()];
}

/** Sets the value at `path`, creating objects and one-item arrays on the way. */
function setAt(body: Json, path: Segment[], update: (old: Json | undefined) => Json): Json {
  if (path.length === 0) return update(body);
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(body) ? [...body] : [];
    list[head] = setAt(list[head] ?? (typeof rest[0] === 'number' ? [] : {}), rest, update);
    return list;
  }
  const object = body !== null && typeof body === 'object' && !Array.isArray(body) ? { ...body } : {};
  object[head!] = setAt(object[head!] ?? (typeof rest[0] === 'number' ? [] : {}), rest, update);
  return object;
}

function clone(value: Json): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** The schema itself: `$ref` followed, and of a union the variant `value` matches (by its constants). */
function resolve(s: JsonSchema, root: JsonSchema, value?: Json): JsonSchema {
  if (s.$ref?.startsWith('#/$defs/'))
    return resolve(root.$defs?.[s.$ref.slice('#/$defs/'.length)] ?? {}, root, value);
  const variants = s.anyOf ?? s.oneOf ?? s.allOf;
  if (variants && !s.type) {
    const usable = variants.map((v) => resolve(v, root, value)).filter((v) => !typesOf(v).includes('null'));
    const matches = (v: JsonSchema) =>
      Object.entries(v.properties ?? {}).every(
        ([k, p]) =>
          p.const === undefined ||
          (value !== null && typeof value === 'object' && !Array.isArray(value) && value[k] === p.const),
      );
    return usable.find(matches) ?? usable[0] ?? s;
  }
  return s;
}

function typesOf(s: JsonSchema): string[] {
  return Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
}

function isText(s: JsonSchema | undefined): boolean {
  return Boolean(s && typesOf(s).includes('string') && !s.enum && s.const === undefined && !s.format);
}

/** A value the schema accepts, for operations without a valid request in the table. */
function exampleOf(s: JsonSchema, root: JsonSchema, fx: Fixture): Json {
  const node = resolve(s, root);
  if (node.default !== undefined) return node.default;
  if (node.const !== undefined) return node.const;
  if (node.enum) return node.enum[0]!;
  const type = typesOf(node)[0];
  switch (type) {
    case 'object':
      return Object.fromEntries(
        (node.required ?? []).map((k) => [k, exampleOf(node.properties?.[k] ?? {}, root, fx)]),
      );
    case 'array':
      return Array.from({ length: node.minItems ?? 0 }, () => exampleOf(node.items ?? {}, root, fx));
    case 'integer':
    case 'number':
      return node.minimum ?? 1;
    case 'boolean':
      return false;
    case 'string':
      if (node.format === 'uuid') return fx.userId;
      if (node.format === 'date') return '2099-01-01';
      if (node.format === 'date-time') return '2099-01-01T00:00:00Z';
      if (node.format === 'email') return 'someone@example.test';
      return 'x'.repeat(Math.max(1, node.minLength ?? 1));
    default:
      return null;
  }
}
