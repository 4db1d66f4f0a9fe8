import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AttemptState, MyAssignment } from '@countersign/contracts/learning';
import {
  formatCertificateCode,
  type CertificateVerification,
  type CertificateView,
} from '@countersign/contracts/certificates';
import type { ProgressPage } from '@countersign/contracts/progress';
import type { ModuleContent } from '@countersign/scenario-engine';
import { PDFParse } from 'pdf-parse';
import type request from 'supertest';
import { playToPass } from './play.js';
import { type Client, TestContext, type TestUser } from './test-app.js';

/** Collects a binary response body (PDF, zip) as a Buffer. */
function binary(req: request.Test): request.Test {
  return req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** The names and contents of a zip's entries, read with Info-ZIP's unzip. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'certificates-zip-'));
  try {
    const file = path.join(dir, 'certificates.zip');
    writeFileSync(file, zip);
    execFileSync('unzip', ['-tq', file]); // throws unless every entry's CRC checks
    const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
    return new Map(names.map((n) => [n, execFileSync('unzip', ['-p', file, n], { maxBuffer: 1 << 26 })]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let addresses = 0;
/** Each verify call comes from its own address unless told otherwise, so limits do not interfere. */
const nextAddress = () => `198.51.100.${++addresses}`;

describe('certificates', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create({ VERIFY_RATE_LIMIT_PER_MINUTE: '5', TRUST_PROXY_HOPS: '1' });
  });
  afterAll(() => ctx.close());

  const verify = (code: string, address = nextAddress()) =>
    ctx
      .http()
      .get(`/api/verify/${encodeURIComponent(code)}`)
      .set('X-Forwarded-For', address);

  async function contentOf(attemptId: string): Promise<ModuleContent> {
    const [row] = await ctx.dataSource.query<{ content: ModuleContent }[]>(
      `SELECT v.content FROM attempt t JOIN module_version v ON v.id = t.module_version_id WHERE t.id = $1`,
      [attemptId],
    );
    return row!.content;
  }

  /** Plays an assignment to a pass through the learner's API. */
  async function complete(client: Client, assignmentId: string): Promise<AttemptState> {
    const started = (await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200))
      .body as AttemptState;
    const passed = await playToPass(client, started, await contentOf(started.attemptId));
    expect(passed.phase).toBe('passed');
    return passed;
  }

  async function certificateOf(assignmentId: string) {
    const rows = await ctx.dataSource.query<
      { id: string; code: string; completed_at: Date; score: number; version: number }[]
    >(
      `SELECT ce.id, ce.code, c.completed_at, c.score, v.version
         FROM certificate ce JOIN completion c ON c.id = ce.completion_id
         JOIN module_version v ON v.id = c.module_version_id
        WHERE c.assignment_id = $1`,
      [assignmentId],
    );
    return rows;
  }

  async function completedTeam(orgName?: string, personName?: string) {
    const team = await ctx.newTeam(orgName);
    const learner = await ctx.newUser({
      organisationId: team.org.id,
      departmentId: team.department.id,
      name: personName,
    });
    const [moduleId] = await ctx.moduleIds(team.org.id);
    const assignmentId = await ctx.assign(learner, moduleId!);
    const client = await ctx.login(learner);
    await complete(client, assignmentId);
    const [certificate] = await certificateOf(assignmentId);
    return { ...team, learner, client, moduleId: moduleId!, assignmentId, certificate: certificate! };
  }

  it('issues exactly one certificate per completion, with a 160-bit code, in the completing transaction', async () => {
    const { client, assignmentId, certificate } = await completedTeam();
    const rows = await certificateOf(assignmentId);
    expect(rows).toHaveLength(1);
    expect(certificate.code).toMatch(/^[A-Z2-7]{32}$/);
    // Submitting the passing round again (a retried request) issues nothing more.
    const [attempt] = await ctx.dataSource.query<{ id: string }[]>(
      `SELECT id FROM attempt WHERE assignment_id = $1`,
      [assignmentId],
    );
    const state = (await client.get(`/api/me/attempts/${attempt!.id}`).expect(200)).body as AttemptState;
    expect(state.phase).toBe('passed');
    expect(await certificateOf(assignmentId)).toHaveLength(1);
    // Every completion in the database has its certificate.
    const [orphans] = await ctx.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM completion c WHERE NOT EXISTS (SELECT 1 FROM certificate ce WHERE ce.completion_id = c.id)`,
    );
    expect(orphans!.n).toBe(0);
  });

  it('prints exactly the completion’s facts on the PDF, and the verify endpoint answers the same', async () => {
    const { client, assignmentId, certificate, org, learner } = await completedTeam(
      'Ministère de la Défense',
      'Zoë Łukasiewicz-Ødegård Юлия',
    );
    // A known completion time, to check the printed date (the demo backdates the same way).
    await ctx.dataSource.query(
      `UPDATE completion SET completed_at = '2026-01-02T23:30:00Z', score = 93 WHERE assignment_id = $1`,
      [assignmentId],
    );
    const [module] = await ctx.dataSource.query<{ title: string }[]>(
      `SELECT m.title FROM assignment a JOIN training_module m ON m.id = a.module_id WHERE a.id = $1`,
      [assignmentId],
    );

    const res = await binary(client.get(`/api/me/assignments/${assignmentId}/certificate`)).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=/);
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain(org.name);
    expect(text).toContain('Zoë Łukasiewicz-Ødegård Юлия');
    expect(text).toContain(module!.title);
    expect(text).toContain(`Version ${certificate.version}`);
    expect(text).toContain('Completed on 2 January 2026');
    expect(text).toContain('Score 93%');
    expect(text).toContain(formatCertificateCode(certificate.code));
    expect(text).toContain(`http://localhost:${ctx.config.PORT}/verify/${certificate.code}`);
    expect(text).not.toContain('REVOKED');

    const answer = (await verify(certificate.code).expect(200)).body as CertificateVerification;
    expect(answer).toEqual({
      code: certificate.code,
      status: 'valid',
      revokedAt: null,
      organisation: org.name,
      person: 'Zoë Łukasiewicz-Ødegård Юлия',
      module: module!.title,
      version: certificate.version,
      completedAt: '2026-01-02T23:30:00.000Z',
      scorePercent: 93,
    });
    // Nothing else about the person: no email, id, department or role.
    expect(JSON.stringify(answer)).not.toContain(learner.email);
    expect(JSON.stringify(answer)).not.toContain(learner.id);
    // People may type the code as printed: grouped, lower case.
    const typed = (await verify(formatCertificateCode(certificate.code).toLowerCase()).expect(200))
      .body as CertificateVerification;
    expect(typed.code).toBe(certificate.code);
  });

  it('answers an unknown code with 404 certificate_unknown and a malformed one with 400 naming the code', async () => {
    const unknown = await verify('A'.repeat(32)).expect(404);
    expect(unknown.body).toMatchObject({ code: 'certificate_unknown', message: expect.any(String) });
    for (const bad of ['short', '1'.repeat(32), 'A'.repeat(33), 'ABCD!EFGH']) {
      const res = await verify(bad).expect(400);
      expect(res.body).toMatchObject({ code: 'validation_failed', details: [{ field: 'code' }] });
    }
  });

  it('revokes and reinstates with a reason, audited with before and after, and the verify page follows', async () => {
    const { officer, certificate, assignmentId, client } = await completedTeam();
    const officerClient = await ctx.login(officer);

    const noReason = await officerClient.post(`/api/certificates/${certificate.id}/revoke`, {}).expect(400);
    expect(noReason.body).toMatchObject({ details: [{ field: 'reason' }] });
    const tooShort = await officerClient
      .post(`/api/certificates/${certificate.id}/revoke`, { reason: ' x ' })
      .expect(400);
    expect(tooShort.body).toMatchObject({ details: [{ field: 'reason' }] });

    const revoked = (
      await officerClient
        .post(`/api/certificates/${certificate.id}/revoke`, { reason: 'Completed on a colleague’s account.' })
        .expect(200)
    ).body as CertificateView;
    expect(revoked.revocation).toMatchObject({
      by: { id: officer.id },
      reason: 'Completed on a colleague’s account.',
    });
    await officerClient
      .post(`/api/certificates/${certificate.id}/revoke`, { reason: 'Again' })
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('certificate_already_revoked'));

    const answer = (await verify(certificate.code).expect(200)).body as CertificateVerification;
    expect(answer).toMatchObject({ status: 'revoked', revokedAt: revoked.revocation!.at });
    // The PDF says so too.
    const pdf = (await binary(client.get(`/api/me/assignments/${assignmentId}/certificate`)).expect(200))
      .body as Buffer;
    expect(await pdfText(pdf)).toMatch(/REVOKED on/);

    const reinstated = (
      await officerClient
        .post(`/api/certificates/${certificate.id}/reinstate`, { reason: 'Investigated: it was theirs.' })
        .expect(200)
    ).body as CertificateView;
    expect(reinstated.revocation).toBeNull();
    expect(((await verify(certificate.code).expect(200)).body as CertificateVerification).status).toBe(
      'valid',
    );
    await officerClient
      .post(`/api/certificates/${certificate.id}/reinstate`, { reason: 'Again' })
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('certificate_not_revoked'));

    const events = await ctx.dataSource.query<
      { action: string; actor_id: string; subject_type: string; details: Record<string, unknown> }[]
    >(`SELECT action, actor_id, subject_type, details FROM audit_event WHERE subject_id = $1 ORDER BY id`, [
      certificate.id,
    ]);
    expect(events).toEqual([
      {
        action: 'certificate.revoked',
        actor_id: officer.id,
        subject_type: 'certificate',
        details: expect.objectContaining({
          code: certificate.code,
          reason: 'Completed on a colleague’s account.',
          before: { revokedAt: null, revokedBy: null, revokeReason: null },
          after: {
            revokedAt: revoked.revocation!.at,
            revokedBy: officer.id,
            revokeReason: 'Completed on a colleague’s account.',
          },
        }),
      },
      {
        action: 'certificate.reinstated',
        actor_id: officer.id,
        subject_type: 'certificate',
        details: expect.objectContaining({
          reason: 'Investigated: it was theirs.',
          before: {
            revokedAt: revoked.revocation!.at,
            revokedBy: officer.id,
            revokeReason: 'Completed on a colleague’s account.',
          },
          after: { revokedAt: null, revokedBy: null, revokeReason: null },
        }),
      },
    ]);
  });

  it('keeps certificates: no delete, no change of code', async () => {
    const { certificate } = await completedTeam();
    await expect(
      ctx.dataSource.query(`DELETE FROM certificate WHERE id = $1`, [certificate.id]),
    ).rejects.toThrow(/cannot be deleted/);
    await expect(
      ctx.dataSource.query(`UPDATE certificate SET code = $2 WHERE id = $1`, [
        certificate.id,
        'B'.repeat(32),
      ]),
    ).rejects.toThrow(/cannot be changed/);
  });

  it('rate-limits verification per address: 429 with Retry-After past the limit, other addresses unaffected', async () => {
    const { certificate } = await completedTeam();
    const address = '203.0.113.9';
    for (let i = 0; i < 5; i++) await verify(certificate.code, address).expect(200);
    const refused = await verify(certificate.code, address).expect(429);
    expect(refused.body).toMatchObject({ code: 'too_many_verifications' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Unknown and malformed codes count too: guessing is what the limit is for.
    await verify('A'.repeat(32), address).expect(429);
    await verify(certificate.code, '203.0.113.10').expect(200);
  });

  it('answers 404 for another organisation’s certificate, and for a colleague’s', async () => {
    const a = await completedTeam();
    const b = await ctx.newTeam();
    const outsider = await ctx.login(b.officer);
    const outsiderAdmin = await ctx.login(b.admin);
    await outsider.get(`/api/certificates/${a.certificate.id}/pdf`).expect(404);
    await outsider.post(`/api/certificates/${a.certificate.id}/revoke`, { reason: 'Not mine' }).expect(404);
    await outsiderAdmin
      .post(`/api/certificates/${a.certificate.id}/reinstate`, { reason: 'Not mine' })
      .expect(404);
    await outsider.get(`/api/certificates?userId=${a.learner.id}`).expect(404);
    // A learner of the same organisation cannot download a colleague's, nor another organisation's.
    const colleague = await ctx.login(a.employee);
    await colleague.get(`/api/me/assignments/${a.assignmentId}/certificate`).expect(404);
    await (await ctx.login(b.employee)).get(`/api/me/assignments/${a.assignmentId}/certificate`).expect(404);
    // An assignment not yet completed has no certificate.
    const open = await ctx.assign(a.learner, (await ctx.moduleIds(a.org.id))[1]!);
    await a.client.get(`/api/me/assignments/${open}/certificate`).expect(404);
    // Nothing was revoked by the attempts.
    expect(((await verify(a.certificate.code).expect(200)).body as CertificateVerification).status).toBe(
      'valid',
    );
    // Their own officer sees and downloads it.
    const own = await ctx.login(a.officer);
    const list = (await own.get(`/api/certificates?userId=${a.learner.id}`).expect(200))
      .body as CertificateView[];
    expect(list.map((c) => c.id)).toEqual([a.certificate.id]);
    const pdf = (await binary(own.get(`/api/certificates/${a.certificate.id}/pdf`)).expect(200))
      .body as Buffer;
    expect(await pdfText(pdf)).toContain(formatCertificateCode(a.certificate.code));
  });

  it('zips one PDF per completed row of the people list’s filter, as a stream, audited', async () => {
    const team = await ctx.newTeam();
    const other = await ctx.newDepartment(team.org.id, 'Finance');
    const [m1, m2] = await ctx.moduleIds(team.org.id);
    const people: TestUser[] = [];
    for (const [i, dept] of [team.department.id, team.department.id, team.department.id, other.id].entries())
      people.push(
        await ctx.newUser({ organisationId: team.org.id, departmentId: dept, name: `Zip Person ${i + 1}` }),
      );
    // Engineering: persons 1 and 2 complete module 1, person 1 module 2 as well; person 3 does not.
    // Finance: person 4 completes module 1 (outside the filter).
    const completions: [TestUser, string][] = [
      [people[0]!, m1!],
      [people[0]!, m2!],
      [people[1]!, m1!],
      [people[3]!, m1!],
    ];
    for (const [person, moduleId] of completions) {
      const assignmentId = await ctx.assign(person, moduleId);
      await complete(await ctx.login(person), assignmentId);
    }
    await ctx.assign(people[2]!, m1!);
    const officer = await ctx.login(team.officer);

    const filter = `departmentId=${team.department.id}`;
    const onScreen = (await officer.get(`/api/progress?${filter}&pageSize=100`).expect(200))
      .body as ProgressPage;
    const completedRows = onScreen.items.filter((r) => r.status === 'completed');
    expect(completedRows).toHaveLength(3);

    const res = await binary(officer.get(`/api/certificates/zip?${filter}&page=1&sort=name`)).expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-length']).toBeUndefined(); // streamed, not buffered first
    const entries = unzip(res.body as Buffer);
    expect(entries.size).toBe(completedRows.length);
    const codes = await ctx.dataSource.query<{ code: string; name: string; title: string }[]>(
      `SELECT ce.code, u.name, m.title FROM certificate ce JOIN completion c ON c.id = ce.completion_id
         JOIN app_user u ON u.id = c.user_id JOIN training_module m ON m.id = c.module_id
        WHERE c.assignment_id = ANY($1::uuid[])`,
      [completedRows.map((r) => r.assignmentId)],
    );
    const texts = await Promise.all([...entries.values()].map(pdfText));
    expect(
      texts.map((t) => codes.find((c) => t.includes(formatCertificateCode(c.code)))?.code).sort(),
    ).toEqual(codes.map((c) => c.code).sort());
    for (const name of entries.keys()) expect(name).toMatch(/^Zip Person [12] - .+ - [A-Z2-7]{8}\.pdf$/);

    // With a module filter too, and a search: the same rows the list shows.
    const narrower = `${filter}&moduleId=${m2}&q=${encodeURIComponent('person 1')}`;
    expect(
      unzip((await binary(officer.get(`/api/certificates/zip?${narrower}`)).expect(200)).body as Buffer).size,
    ).toBe(1);

    const events = await ctx.dataSource.query<{ details: Record<string, unknown>; actor_id: string }[]>(
      `SELECT details, actor_id FROM audit_event WHERE organisation_id = $1 AND action = 'certificates.exported' ORDER BY id`,
      [team.org.id],
    );
    expect(events).toEqual([
      {
        actor_id: team.officer.id,
        details: { filters: { departmentId: team.department.id, leavers: 'hide' }, count: 3 },
      },
      {
        actor_id: team.officer.id,
        details: {
          filters: { departmentId: team.department.id, moduleId: m2, q: 'person 1', leavers: 'hide' },
          count: 1,
        },
      },
    ]);

    // Nothing completed matches: a clear 422, not an empty zip. Bad filters name the field.
    const none = await officer.get(`/api/certificates/zip?${filter}&status=not-started`).expect(422);
    expect(none.body).toMatchObject({ code: 'no_certificates' });
    const bad = await officer.get(`/api/certificates/zip?departmentId=nope`).expect(400);
    expect(bad.body).toMatchObject({ details: [{ field: 'departmentId' }] });
    // Another organisation's officer gets only their own (none).
    const outsider = await ctx.login((await ctx.newTeam()).officer);
    await outsider.get(`/api/certificates/zip?${filter}`).expect(422);
  });

  it('shows in My training which items have a certificate to download', async () => {
    const { client, assignmentId } = await completedTeam();
    const mine = (await client.get('/api/me/assignments').expect(200)).body as MyAssignment[];
    expect(mine.find((a) => a.assignmentId === assignmentId)?.status).toBe('completed');
    const pdf = (await binary(client.get(`/api/me/assignments/${assignmentId}/certificate`)).expect(200))
      .body as Buffer;
    // A4 landscape.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
  });
  it('lists the learner’s own certificates of every cycle, newest first, and nobody else’s', async () => {
    const { client, learner, moduleId, assignmentId, certificate, officer, org } = await completedTeam();
    // The annual refresh: the completed cycle is kept, a second one opens and is completed too.
    await ctx.dataSource.query(`UPDATE assignment SET superseded_at = now() WHERE id = $1`, [assignmentId]);
    const [next] = await ctx.dataSource.query<{ id: string }[]>(
      `INSERT INTO assignment (organisation_id, user_id, module_id, due_date, cycle, source)
       VALUES ($1, $2, $3, current_date + 30, 2, 'manual') RETURNING id`,
      [org.id, learner.id, moduleId],
    );
    await complete(client, next!.id);
    const [second] = await certificateOf(next!.id);

    const mine = (await client.get('/api/me/certificates').expect(200)).body as CertificateView[];
    expect(mine.map((c) => [c.code, c.cycle, c.assignmentId])).toEqual([
      [second!.code, 2, next!.id],
      [certificate.code, 1, assignmentId],
    ]);
    // My training shows the current cycle only; last year's certificate still downloads.
    const current = (await client.get('/api/me/assignments').expect(200)).body as MyAssignment[];
    expect(current.map((a) => a.assignmentId)).not.toContain(assignmentId);
    await binary(client.get(`/api/me/assignments/${assignmentId}/certificate`)).expect(200);

    // A revocation tells the learner when and why, not which officer.
    const officerClient = await ctx.login(officer);
    await officerClient
      .post(`/api/certificates/${certificate.id}/revoke`, { reason: 'Completed on a colleague’s account.' })
      .expect(200);
    const after = (await client.get('/api/me/certificates').expect(200)).body as CertificateView[];
    expect(after[1]!.revocation).toMatchObject({ by: null, reason: 'Completed on a colleague’s account.' });

    // A colleague in the same organisation sees only their own (none).
    const colleague = await ctx.newUser({ organisationId: org.id });
    const theirs = await ctx.login(colleague);
    expect((await theirs.get('/api/me/certificates').expect(200)).body).toEqual([]);
  });
});
