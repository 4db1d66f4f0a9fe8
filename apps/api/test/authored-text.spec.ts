import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuthoringModuleDetail, ModuleExportDocument } from '@countersign/contracts/authoring';
import type { AttemptState, ChoiceResult } from '@countersign/contracts/learning';
import type { ModuleContent } from '@countersign/scenario-engine';
import type request from 'supertest';
import { TestContext } from './test-app.js';

/**
 * Authored text is data, never markup. The API stores what the author typed and returns it
 * unchanged as JSON strings (never HTML), and every HTML page the app serves carries a
 * Content-Security-Policy that refuses inline script; the web renders the text inert (its own
 * tests and the browser journeys check that side).
 */

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '<a href="javascript:alert(1)">click me</a>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  '</script><script>alert(document.cookie)</script>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '![x](x" onerror="alert(1))',
  "{{constructor.constructor('alert(1)')()}}",
  '&lt;b&gt;entities stay as typed&lt;/b&gt; &amp; \u2028\u2029 <!-- -->',
];
const ALL = PAYLOADS.join('\n');

/** A valid module whose every piece of learner-facing text is hostile. */
function hostileContent(): ModuleContent {
  const ending = (id: string, outcome: 'safe' | 'compromised', n: number) => ({
    id,
    title: PAYLOADS[n]!,
    narrative: ALL,
    artefacts: [],
    choices: [],
    ending: { outcome, debrief: ALL },
  });
  return {
    scenario: {
      start: 'start',
      steps: [
        {
          id: 'start',
          title: PAYLOADS[0]!,
          narrative: ALL,
          artefacts: [
            {
              kind: 'profile',
              name: PAYLOADS[1]!,
              headline: PAYLOADS[2]!,
              company: PAYLOADS[3]!,
              location: PAYLOADS[5]!,
              connections: 3,
              about: ALL,
              history: [{ role: PAYLOADS[0]!, organisation: PAYLOADS[1]!, period: PAYLOADS[4]! }],
              activity: PAYLOADS.slice(0, 5),
            },
            {
              kind: 'thread',
              platform: PAYLOADS[1]!,
              participants: [PAYLOADS[0]!, PAYLOADS[5]!],
              messages: [{ from: PAYLOADS[0]!, at: PAYLOADS[4]!, body: ALL }],
            },
            {
              kind: 'email',
              from: PAYLOADS[3]!,
              to: PAYLOADS[6]!,
              subject: PAYLOADS[7]!,
              sentAt: PAYLOADS[4]!,
              body: ALL,
            },
            {
              kind: 'invitation',
              event: PAYLOADS[1]!,
              host: PAYLOADS[3]!,
              location: PAYLOADS[0]!,
              dates: PAYLOADS[4]!,
              body: ALL,
              benefits: PAYLOADS.slice(5),
            },
          ],
          choices: [
            { id: 'safe', label: PAYLOADS[0]!, next: 'safe-end', feedback: ALL, redFlags: [], points: 10 },
            { id: 'unsafe', label: PAYLOADS[2]!, next: 'bad-end', feedback: ALL, redFlags: [], points: 0 },
          ],
        },
        ending('safe-end', 'safe', 8),
        ending('bad-end', 'compromised', 9),
      ],
    },
    quiz: {
      passMark: 50,
      shuffle: false,
      questions: [
        {
          id: 'q1',
          kind: 'single',
          prompt: ALL,
          options: [
            { id: 'a', label: PAYLOADS[1]!, correct: true },
            { id: 'b', label: PAYLOADS[2]!, correct: false },
          ],
          explanation: ALL,
          redFlags: [],
        },
      ],
    },
  };
}

/**
 * Every string in a JSON value by its path, sorted by path (PostgreSQL's jsonb does not keep key
 * order): what the API must hand back unchanged.
 */
function strings(value: unknown): [string, string][] {
  const found: [string, string][] = [];
  const walk = (v: unknown, at: string) => {
    if (typeof v === 'string') found.push([at, v]);
    else if (Array.isArray(v)) v.forEach((item, i) => walk(item, `${at}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, item] of Object.entries(v)) walk(item, `${at}.${k}`);
  };
  walk(value, '$');
  return found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function expectJson(res: request.Response) {
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
}

/** The directives of a Content-Security-Policy header. */
function csp(header: string | undefined): Map<string, string[]> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('authored text is stored and returned inert', () => {
  let ctx: TestContext;
  let webDist: string;
  beforeAll(async () => {
    // A stand-in for the built web app, so the SPA's HTML responses are served as in production.
    webDist = await mkdtemp(path.join(tmpdir(), 'countersign-web-'));
    await writeFile(
      path.join(webDist, 'index.html'),
      '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
    );
    ctx = await TestContext.create({ WEB_DIST: webDist });
  });
  afterAll(async () => {
    await ctx.close();
    await rm(webDist, { recursive: true, force: true });
  });

  it('round-trips hostile text byte for byte through the draft, publish and export APIs, as JSON', async () => {
    const team = await ctx.newTeam();
    const admin = await ctx.login(team.admin);
    const created = (await admin.post('/api/authoring/modules', { title: PAYLOADS[1] }).expect(201))
      .body as AuthoringModuleDetail;
    expect(created.module.title).toBe(PAYLOADS[1]);
    const content = hostileContent();

    const saved = await admin
      .put(`/api/authoring/modules/${created.module.id}/draft`, { content, baseRevision: 0 })
      .expect(200);
    expectJson(saved);
    expect(saved.body.issues).toEqual([]);
    expect(strings(saved.body.draft.content)).toEqual(strings(content));

    const detail = await admin.get(`/api/authoring/modules/${created.module.id}`).expect(200);
    expectJson(detail);
    expect(strings((detail.body as AuthoringModuleDetail).draft!.content)).toEqual(strings(content));
    // The raw body is JSON text whose strings decode to exactly what was typed.
    expect(detail.text).toContain(JSON.stringify(ALL));

    const published = await admin.post(`/api/authoring/modules/${created.module.id}/publish`).expect(200);
    expect(strings((published.body as AuthoringModuleDetail).published!.content)).toEqual(strings(content));

    const exported = await admin
      .get(`/api/authoring/modules/${created.module.id}/versions/1/export`)
      .expect(200);
    expectJson(exported);
    expect(exported.headers['content-disposition']).toMatch(/^attachment;/);
    expect(strings((exported.body as ModuleExportDocument).content)).toEqual(strings(content));

    const [row] = await ctx.dataSource.query<{ content: ModuleContent }[]>(
      `SELECT content FROM module_version WHERE module_id = $1 AND version = 1`,
      [created.module.id],
    );
    expect(strings(row!.content)).toEqual(strings(content));
  });

  it('hands the same text unchanged to the learner through the player API', async () => {
    const team = await ctx.newTeam();
    const admin = await ctx.login(team.admin);
    const { module } = (await admin.post('/api/authoring/modules', { title: 'Hostile' }).expect(201))
      .body as AuthoringModuleDetail;
    const content = hostileContent();
    await admin.put(`/api/authoring/modules/${module.id}/draft`, { content, baseRevision: 0 }).expect(200);
    await admin.post(`/api/authoring/modules/${module.id}/publish`).expect(200);
    const assignmentId = await ctx.assign(team.employee, module.id);
    const learner = await ctx.login(team.employee);

    const startRes = await learner.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200);
    expectJson(startRes);
    const start = startRes.body as AttemptState;
    const first = content.scenario.steps[0]!;
    expect(start.step.title).toBe(first.title);
    expect(start.step.narrative).toBe(ALL);
    expect(strings(start.step.artefacts)).toEqual(strings(first.artefacts));
    expect(start.step.choices.map((c) => c.label)).toEqual(first.choices.map((c) => c.label));

    const afterChoice = await learner
      .post(`/api/me/attempts/${start.attemptId}/choices`, { seq: 0, choiceId: 'safe' })
      .expect(200);
    expectJson(afterChoice);
    const ended = afterChoice.body as ChoiceResult;
    expect(ended.feedback).toMatchObject({
      choiceLabel: PAYLOADS[0],
      feedback: ALL,
      stepTitle: first.title,
    });
    expect(ended.step.title).toBe(PAYLOADS[8]);
    expect(ended.ending!.debrief).toBe(ALL);
    expect(ended.phase).toBe('quiz');
    const question = ended.quiz!.questions[0]!;
    expect(question.prompt).toBe(ALL);
    expect(question.options.map((o) => o.label)).toEqual([PAYLOADS[1], PAYLOADS[2]]);

    const resumed = await learner.get(`/api/me/attempts/${start.attemptId}`).expect(200);
    expectJson(resumed);
    expect((resumed.body as AttemptState).quiz!.questions[0]!.prompt).toBe(ALL);
  });

  it('serves the web app’s HTML with a Content-Security-Policy that allows no inline script', async () => {
    for (const url of ['/', '/learn/some/deep/link']) {
      const res = await ctx.http().get(url).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const policy = csp(res.headers['content-security-policy']);
      const scripts = policy.get('script-src') ?? policy.get('default-src')!;
      expect(scripts).toEqual(["'self'"]);
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(policy.get('script-src-attr')).toEqual(["'none'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('img-src')).not.toContain('https:');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    // JSON responses carry the same policy.
    const api = await ctx.http().get('/api/health').expect(200);
    expect(csp(api.headers['content-security-policy']).get('script-src')).toEqual(["'self'"]);
  });
});
