import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SENSITIVITY_TIERS, type SensitivityTier } from '@countersign/contracts/directory';
import { ROLE_LABELS, ROLES, type Role } from '@countersign/contracts/permissions';
import {
  IMPORT_COLUMNS,
  IMPORT_MAX_ROWS,
  IMPORT_PROBLEMS_SHOWN,
  REQUIRED_IMPORT_COLUMNS,
  type ImportApplied,
  type ImportColumn,
  type ImportProblem,
  type ImportSummary,
} from '@countersign/contracts/people-import';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { DomainError, notFound, unprocessable } from '../../common/domain-error.js';
import { copyRows } from '../../database/copy-rows.js';
import { AuthService } from '../auth/auth.service.js';
import { CredentialsService } from '../auth/credentials.service.js';
import { ProgrammeRunner } from '../programme/programme-runner.service.js';
import { lockPeopleOf } from './people-lock.js';

/** One line of the file, as read (cells trimmed; a column absent from the file is undefined). */
type Cells = Partial<Record<ImportColumn, string>>;

interface Existing {
  id: string;
  email: string;
  name: string;
  role: Role;
  department_id: string | null;
  manager_id: string | null;
  sensitivity_tier: SensitivityTier;
  job_title: string | null;
  start_date: string | null;
  active: boolean;
}

/** What the file says a person should be; `undefined` fields keep what is there. */
interface Wanted {
  line: number;
  email: string;
  name: string;
  department?: string | null;
  role?: Role;
  managerEmail?: string | null;
  tier?: SensitivityTier;
  jobTitle?: string | null;
  startDate?: string | null;
}

type Outcome = 'created' | 'updated' | 'unchanged' | 'deactivated' | 'problem';

interface Plan {
  summary: ImportSummary;
  wanted: Wanted[];
  existing: Map<string, Existing>;
  departments: Map<string, string>;
  newDepartments: string[];
  outcomes: Map<string, Outcome>;
  toDeactivate: Existing[];
}

const emailSchema = z.email().max(254);
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const ROLE_WORDS = new Map<string, Role>(
  ROLES.flatMap((r) => [
    [r, r],
    [ROLE_LABELS[r].toLowerCase(), r],
  ]),
);

/** "Manager_Email", "manager-email" and " MANAGER EMAIL " are the one column `manager email`. */
function columnOf(header: string): ImportColumn | null {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  if (key === 'manager') return 'manager email';
  if (key === 'tier') return 'sensitivity tier';
  return (IMPORT_COLUMNS as readonly string[]).includes(key) ? (key as ImportColumn) : null;
}

/** Refused before anything is read: the file cannot be read as the CSV we asked for. */
const badFile = (message: string) =>
  unprocessable('import_unreadable', message, [{ field: 'file', message }]);

/**
 * The CSV import of people. The file is parsed as a stream with csv-parse (RFC 4180 quoting,
 * a byte-order mark, CRLF or LF), every line checked, and the whole organisation's final manager
 * chart checked for circles, before anything is written. Apply does the same inside one
 * transaction under the organisation's people lock, then writes in set-based statements (so
 * 100,000 lines are a few dozen statements): any fault leaves nothing behind.
 */
@Injectable()
export class PeopleImportService {
  private readonly logger = new Logger(PeopleImportService.name);
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly credentials: CredentialsService,
    private readonly auth: AuthService,
    private readonly programme: ProgrammeRunner,
  ) {}

  async preview(auth: AuthContext, file: Buffer, deactivateMissing: boolean): Promise<ImportSummary> {
    const rows = await readRows(file);
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const plan = await this.plan(tx, auth, rows, deactivateMissing);
      return plan.summary;
    });
  }

  async apply(
    auth: AuthContext,
    file: Buffer,
    fileName: string,
    deactivateMissing: boolean,
  ): Promise<ImportApplied> {
    const steps = stepTimer();
    const rows = await readRows(file);
    steps.mark('parse');
    const result = await this.dataSource.transaction(async (tx) => {
      await lockPeopleOf(tx, auth.organisationId);
      const plan = await this.plan(tx, auth, rows, deactivateMissing);
      steps.mark('check');
      if (plan.summary.problemCount > 0) {
        throw new DomainError(
          422,
          'import_has_problems',
          `The file has ${plan.summary.problemCount} problem(s): nothing was imported. Fix them and try again.`,
          plan.summary,
        );
      }
      return this.write(tx, auth, plan, fileName, steps.mark);
    });
    steps.mark('commit');
    for (const person of result.forget) this.auth.forgetUser(person);
    this.logger.log(`People import of ${rows.length} rows applied: ${steps.describe()}`);
    return result.applied;
  }

  /** The result of an import, line by line, as CSV. */
  async resultCsv(organisationId: string, importId: string): Promise<{ csv: string; fileName: string }> {
    const [row] = await this.dataSource.query<{ result_csv: string; file_name: string }[]>(
      `SELECT result_csv, file_name FROM people_import WHERE organisation_id = $1 AND id = $2`,
      [organisationId, importId],
    );
    if (!row) throw notFound('The import');
    return { csv: row.result_csv, fileName: row.file_name.replace(/\.csv$/i, '') + '-result.csv' };
  }

  private async plan(
    tx: EntityManager,
    auth: AuthContext,
    rows: { line: number; cells: Cells }[],
    deactivateMissing: boolean,
  ): Promise<Plan> {
    const problems: ImportProblem[] = [];
    const problem = (line: number | null, column: ImportColumn | null, message: string) =>
      problems.push({ line, column, message });

    const existingRows = await tx.query<Existing[]>(
      `SELECT id, email, name, role, department_id, manager_id, sensitivity_tier, job_title,
              to_char(start_date, 'YYYY-MM-DD') AS start_date, active
         FROM app_user WHERE organisation_id = $1`,
      [auth.organisationId],
    );
    const existing = new Map(existingRows.map((p) => [p.email, p]));
    const byId = new Map(existingRows.map((p) => [p.id, p]));
    const departmentRows = await tx.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM department WHERE organisation_id = $1`,
      [auth.organisationId],
    );
    const departments = new Map(departmentRows.map((d) => [d.name.toLowerCase(), d.id]));

    // Each line on its own.
    const wanted: Wanted[] = [];
    const seen = new Map<string, number>();
    for (const { line, cells } of rows) {
      const before = problems.length;
      const email = (cells.email ?? '').toLowerCase();
      if (!emailSchema.safeParse(email).success)
        problem(line, 'email', `"${cells.email ?? ''}" is not an email address`);
      else if (seen.has(email)) problem(line, 'email', `${email} is already on line ${seen.get(email)}`);
      const name = cells.name ?? '';
      if (!name) problem(line, 'name', 'is required');
      else if (name.length > 200) problem(line, 'name', 'is longer than 200 characters');
      const w: Wanted = { line, email, name };
      if (cells.role !== undefined && cells.role !== '') {
        const role = ROLE_WORDS.get(cells.role.toLowerCase());
        if (!role) problem(line, 'role', `"${cells.role}" is not a role: use employee, officer or admin`);
        else w.role = role;
      }
      if (cells['sensitivity tier'] !== undefined && cells['sensitivity tier'] !== '') {
        const tier = cells['sensitivity tier'].toLowerCase() as SensitivityTier;
        if (!SENSITIVITY_TIERS.includes(tier))
          problem(
            line,
            'sensitivity tier',
            `"${cells['sensitivity tier']}" is not a tier: use standard, elevated or high`,
          );
        else w.tier = tier;
      }
      if (cells.department !== undefined) {
        if (cells.department.length > 200) problem(line, 'department', 'is longer than 200 characters');
        w.department = cells.department || null;
      }
      if (cells['job title'] !== undefined) {
        if (cells['job title'].length > 200) problem(line, 'job title', 'is longer than 200 characters');
        w.jobTitle = cells['job title'] || null;
      }
      if (cells['start date'] !== undefined) {
        const d = cells['start date'];
        if (
          d &&
          (!isoDate.test(d) ||
            Number.isNaN(Date.parse(`${d}T00:00:00Z`)) ||
            new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d)
        )
          problem(line, 'start date', `"${d}" is not a date: write it as YYYY-MM-DD`);
        w.startDate = d || null;
      }
      if (cells['manager email'] !== undefined) w.managerEmail = cells['manager email'].toLowerCase() || null;
      if (problems.length === before && email) seen.set(email, line);
      wanted.push(w);
    }

    // Addresses of people in other organisations: unique across the installation.
    const fileEmails = wanted.filter((w) => w.email && !existing.has(w.email)).map((w) => w.email);
    if (fileEmails.length) {
      const taken = await tx.query<{ email: string }[]>(
        `SELECT email FROM app_user WHERE organisation_id <> $1 AND email = ANY($2::text[])`,
        [auth.organisationId, fileEmails],
      );
      const takenSet = new Set(taken.map((t) => t.email));
      for (const w of wanted)
        if (takenSet.has(w.email)) problem(w.line, 'email', `${w.email} is already in use`);
    }

    // Managers: in the file or in the organisation, never oneself, and no circles in the final chart.
    const inFile = new Map(wanted.filter((w) => seen.get(w.email) === w.line).map((w) => [w.email, w]));
    const finalManager = new Map<string, string | null>(); // email → manager email
    for (const p of existingRows)
      finalManager.set(p.email, p.manager_id ? (byId.get(p.manager_id)?.email ?? null) : null);
    for (const w of inFile.values()) {
      if (w.managerEmail === undefined) {
        if (!existing.has(w.email)) finalManager.set(w.email, null);
        continue;
      }
      if (w.managerEmail === null) {
        finalManager.set(w.email, null);
        continue;
      }
      if (w.managerEmail === w.email) {
        problem(w.line, 'manager email', 'no one can be their own manager');
        finalManager.set(w.email, null);
      } else if (!inFile.has(w.managerEmail) && !existing.has(w.managerEmail)) {
        problem(w.line, 'manager email', `${w.managerEmail} is neither in the file nor in the organisation`);
        finalManager.set(w.email, null);
      } else finalManager.set(w.email, w.managerEmail);
    }
    const inCycle = new Set<string>();
    const settled = new Set<string>();
    for (const start of finalManager.keys()) {
      const path: string[] = [];
      const onPath = new Set<string>();
      let at: string | null | undefined = start;
      while (at && !settled.has(at) && !onPath.has(at)) {
        path.push(at);
        onPath.add(at);
        at = finalManager.get(at);
      }
      if (at && onPath.has(at)) for (let i = path.indexOf(at); i < path.length; i++) inCycle.add(path[i]!);
      for (const p of path) settled.add(p);
    }
    for (const email of inCycle) {
      const w = inFile.get(email);
      if (w)
        problem(
          w.line,
          'manager email',
          `${w.managerEmail} reports to ${w.email} (directly or through others): that would make a circle`,
        );
    }

    // What changes, person by person.
    const outcomes = new Map<string, Outcome>();
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const newDepartments = new Set<string>();
    for (const w of inFile.values()) {
      if (w.department && !departments.has(w.department.toLowerCase())) newDepartments.add(w.department);
      const before = existing.get(w.email);
      if (!before) {
        created++;
        outcomes.set(w.email, 'created');
        continue;
      }
      const changed = changedFields(before, w, departments, finalManager.get(w.email) ?? null, byId);
      if (changed.length) {
        updated++;
        outcomes.set(w.email, 'updated');
      } else {
        unchanged++;
        outcomes.set(w.email, 'unchanged');
      }
    }
    const toDeactivate = deactivateMissing
      ? existingRows.filter((p) => p.active && !inFile.has(p.email))
      : [];
    if (toDeactivate.some((p) => p.id === auth.userId)) {
      problem(
        null,
        null,
        'You are not in the file: the import would deactivate you. Add yourself, or untick "deactivate people missing from the file".',
      );
    }
    for (const p of toDeactivate) outcomes.set(p.email, 'deactivated');

    // At least one active administrator stays.
    const leaving = new Set(toDeactivate);
    const activeAdmins =
      existingRows
        .filter((p) => p.active && !leaving.has(p))
        .filter((p) => {
          const w = inFile.get(p.email);
          return (w?.role ?? p.role) === 'admin';
        }).length + [...inFile.values()].filter((w) => !existing.has(w.email) && w.role === 'admin').length;
    if (activeAdmins === 0) problem(null, 'role', 'The import would leave no active administrator.');

    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return {
      summary: {
        rows: rows.length,
        created,
        updated,
        unchanged,
        deactivated: toDeactivate.length,
        departmentsCreated: dedupeCaseless([...newDepartments]).length,
        invitations: this.credentials.emailEnabled ? created : 0,
        problemCount: problems.length,
        problems: problems.slice(0, IMPORT_PROBLEMS_SHOWN),
      },
      wanted,
      existing,
      departments,
      newDepartments: dedupeCaseless([...newDepartments]),
      outcomes,
      toDeactivate,
    };
  }

  private async write(
    tx: EntityManager,
    auth: AuthContext,
    plan: Plan,
    fileName: string,
    mark: (step: string) => void,
  ): Promise<{ applied: ImportApplied; forget: string[] }> {
    const org = auth.organisationId;
    const departmentsCreated = plan.newDepartments.length;
    if (departmentsCreated) {
      const made = await tx.query<{ id: string; name: string }[]>(
        `INSERT INTO department (organisation_id, name) SELECT $1, unnest($2::text[]) RETURNING id, name`,
        [org, plan.newDepartments],
      );
      for (const d of made) plan.departments.set(d.name.toLowerCase(), d.id);
    }
    const deptId = (name: string | null | undefined) =>
      name ? plan.departments.get(name.toLowerCase())! : null;
    const final = plan.wanted.filter(
      (w) => plan.outcomes.has(w.email) && plan.outcomes.get(w.email) !== 'deactivated',
    );
    const unique = [...new Map(final.map((w) => [w.email, w])).values()];

    // 1. New people, with their managers: ids are chosen here, so a manager created by the same
    // file is known before anyone is written, and people are inserted managers first (the
    // foreign key sees every manager). One INSERT per slice, no second pass over the rows.
    const fresh = unique.filter((w) => plan.outcomes.get(w.email) === 'created');
    const ids = new Map<string, string>([...plan.existing.values()].map((p) => [p.email, p.id]));
    for (const w of fresh) ids.set(w.email, randomUUID());
    const managerOf = (w: Wanted): string | null => (w.managerEmail ? ids.get(w.managerEmail)! : null);
    await copyRows(
      tx,
      'app_user',
      [
        'id',
        'organisation_id',
        'email',
        'name',
        'role',
        'department_id',
        'manager_id',
        'sensitivity_tier',
        'job_title',
        'start_date',
      ],
      managersFirst(fresh).map((w) => [
        ids.get(w.email)!,
        org,
        w.email,
        w.name,
        w.role ?? 'employee',
        deptId(w.department),
        managerOf(w),
        w.tier ?? 'standard',
        w.jobTitle ?? null,
        w.startDate ?? null,
      ]),
    );

    mark('new people');

    // 2. Every person of the file gets their final record, managers included (ids known now).
    const audit: { action: string; subject: string; details: unknown }[] = [];
    const forget: string[] = [];
    const updates: {
      id: string;
      name: string;
      role: Role;
      dept: string | null;
      manager: string | null;
      tier: SensitivityTier;
      job: string | null;
      start: string | null;
    }[] = [];
    for (const w of unique) {
      const before = plan.existing.get(w.email);
      const id = ids.get(w.email)!;
      const manager =
        w.managerEmail === undefined
          ? before
            ? before.manager_id
            : null
          : w.managerEmail
            ? ids.get(w.managerEmail)!
            : null;
      const after = {
        name: w.name,
        role: w.role ?? before?.role ?? 'employee',
        departmentId: w.department === undefined ? (before?.department_id ?? null) : deptId(w.department),
        managerId: manager,
        sensitivityTier: w.tier ?? before?.sensitivity_tier ?? 'standard',
        jobTitle: w.jobTitle === undefined ? (before?.job_title ?? null) : w.jobTitle,
        startDate: w.startDate === undefined ? (before?.start_date ?? null) : w.startDate,
      };
      if (!before) {
        audit.push({
          action: 'person.created',
          subject: id,
          details: {
            before: null,
            after: { ...after, email: w.email, active: true },
            importedFrom: fileName,
          },
        });
        continue;
      }
      const was = {
        name: before.name,
        role: before.role,
        departmentId: before.department_id,
        managerId: before.manager_id,
        sensitivityTier: before.sensitivity_tier,
        jobTitle: before.job_title,
        startDate: before.start_date,
      };
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== was[k]);
      if (!changed.length) continue;
      updates.push({
        id,
        name: after.name,
        role: after.role,
        dept: after.departmentId,
        manager: after.managerId,
        tier: after.sensitivityTier,
        job: after.jobTitle,
        start: after.startDate,
      });
      if (changed.includes('role')) forget.push(id);
      audit.push({
        action: 'person.updated',
        subject: id,
        details: {
          before: Object.fromEntries(changed.map((k) => [k, was[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
          importedFrom: fileName,
        },
      });
    }
    for (const slice of chunks(updates, 5000)) {
      await tx.query(
        `UPDATE app_user u SET name = t.name, role = t.role::user_role, department_id = t.dept, manager_id = t.manager,
                sensitivity_tier = t.tier::sensitivity_tier, job_title = t.job, start_date = t.start
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::date[])
             AS t (id, name, role, dept, manager, tier, job, start)
          WHERE u.organisation_id = $1 AND u.id = t.id`,
        [
          org,
          slice.map((u) => u.id),
          slice.map((u) => u.name),
          slice.map((u) => u.role),
          slice.map((u) => u.dept),
          slice.map((u) => u.manager),
          slice.map((u) => u.tier),
          slice.map((u) => u.job),
          slice.map((u) => u.start),
        ],
      );
    }

    mark('updates');

    // 3. Leavers missing from the file.
    const leaving = plan.toDeactivate.map((p) => p.id);
    if (leaving.length) {
      await tx.query(
        `UPDATE app_user SET active = false WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
        [org, leaving],
      );
      await tx.query(`DELETE FROM user_session WHERE organisation_id = $1 AND user_id = ANY($2::uuid[])`, [
        org,
        leaving,
      ]);
      for (const id of leaving) {
        audit.push({
          action: 'person.deactivated',
          subject: id,
          details: { before: { active: true }, after: { active: false }, importedFrom: fileName },
        });
        forget.push(id);
      }
    }

    const createdIds = fresh.map((w) => ids.get(w.email)!);
    const invitations = await this.credentials.queueInvitations(tx, org, createdIds, auth.userId);
    await this.programme.peopleChanged(tx, org); // assignment rules for joiners, movers and leavers
    mark('leavers and invitations');

    // 4. The record of the import, with its per-line result, and every change audited.
    const resultRows: string[][] = plan.wanted.map((w) => [
      String(w.line),
      w.email,
      plan.outcomes.get(w.email) ?? 'unchanged',
    ]);
    for (const p of plan.toDeactivate) resultRows.push(['', p.email, 'deactivated']);
    const resultCsv = stringify([['line', 'email', 'outcome'], ...resultRows]);
    const summary: ImportSummary = { ...plan.summary, invitations, departmentsCreated };
    const [record] = await tx.query<{ id: string }[]>(
      `INSERT INTO people_import (organisation_id, actor_id, file_name, row_count, created, updated, unchanged, deactivated, invitations, result_csv)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        org,
        auth.userId,
        fileName,
        summary.rows,
        summary.created,
        summary.updated,
        summary.unchanged,
        summary.deactivated,
        invitations,
        resultCsv,
      ],
    );
    audit.push({
      action: 'people.imported',
      subject: record!.id,
      details: {
        fileName,
        rows: summary.rows,
        created: summary.created,
        updated: summary.updated,
        deactivated: summary.deactivated,
        departmentsCreated,
        invitations,
      },
    });
    await copyRows(
      tx,
      'audit_event',
      ['organisation_id', 'actor_id', 'action', 'subject_type', 'subject_id', 'details'],
      audit.map((a) => [
        org,
        auth.userId,
        a.action,
        a.action === 'people.imported' ? 'people_import' : 'person',
        a.subject,
        a.details as object,
      ]),
    );
    mark('record and audit');
    return { applied: { ...summary, importId: record!.id }, forget };
  }
}

function changedFields(
  before: Existing,
  w: Wanted,
  departments: Map<string, string>,
  managerEmail: string | null,
  byId: Map<string, Existing>,
): string[] {
  const changed: string[] = [];
  if (w.name !== before.name) changed.push('name');
  if (w.role && w.role !== before.role) changed.push('role');
  if (w.tier && w.tier !== before.sensitivity_tier) changed.push('sensitivityTier');
  if (w.department !== undefined) {
    const id = w.department ? (departments.get(w.department.toLowerCase()) ?? 'new') : null;
    if (id !== before.department_id) changed.push('departmentId');
  }
  if (w.jobTitle !== undefined && w.jobTitle !== before.job_title) changed.push('jobTitle');
  if (w.startDate !== undefined && w.startDate !== before.start_date) changed.push('startDate');
  const was = before.manager_id ? (byId.get(before.manager_id)?.email ?? null) : null;
  if (w.managerEmail !== undefined && managerEmail !== was) changed.push('managerId');
  return changed;
}

function dedupeCaseless(names: string[]): string[] {
  return [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
}

/**
 * New people ordered so that everyone's manager comes before them (or is not new): from each
 * person up their chain of new managers, then written top-down. The plan has refused cycles.
 */
function managersFirst(fresh: readonly Wanted[]): Wanted[] {
  const byEmail = new Map(fresh.map((w) => [w.email, w]));
  const placed = new Set<string>();
  const ordered: Wanted[] = [];
  for (const start of fresh) {
    const chain: Wanted[] = [];
    for (let w: Wanted | undefined = start; w && !placed.has(w.email);) {
      placed.add(w.email);
      chain.push(w);
      w = w.managerEmail ? byEmail.get(w.managerEmail) : undefined;
    }
    for (let i = chain.length - 1; i >= 0; i--) ordered.push(chain[i]!);
  }
  return ordered;
}

/** Milliseconds per named step, for the log line of a long operation. */
function stepTimer() {
  const spent: [string, number][] = [];
  let last = performance.now();
  return {
    mark(step: string): void {
      const now = performance.now();
      spent.push([step, Math.round(now - last)]);
      last = now;
    },
    describe(): string {
      const total = spent.reduce((n, [, ms]) => n + ms, 0);
      return `${total} ms (${spent.map(([step, ms]) => `${step} ${ms}`).join(', ')})`;
    },
  };
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Parses the file as a stream; refuses a file without the required columns or with too many rows. */
async function readRows(file: Buffer): Promise<{ line: number; cells: Cells }[]> {
  const rows: { line: number; cells: Cells }[] = [];
  let columns: (ImportColumn | null)[] | null = null;
  const parser = Readable.from([file]).pipe(
    parse({
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      max_record_size: 64 * 1024,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!columns) {
        columns = record.map(columnOf);
        const unknown = record.filter((_h, i) => columns![i] === null);
        if (unknown.length) {
          throw badFile(
            `unknown column(s) ${unknown.map((h) => `"${h}"`).join(', ')}: the columns are ${IMPORT_COLUMNS.join(', ')}`,
          );
        }
        const missing = REQUIRED_IMPORT_COLUMNS.filter((c) => !columns!.includes(c));
        if (missing.length) throw badFile(`the header has no ${missing.join(' or ')} column`);
        continue;
      }
      if (rows.length >= IMPORT_MAX_ROWS)
        throw badFile(`more than ${IMPORT_MAX_ROWS.toLocaleString('en')} people: split the file`);
      const cells: Cells = {};
      columns.forEach((c, i) => {
        if (c) cells[c] = record[i] ?? '';
      });
      rows.push({ line: info.lines, cells });
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw badFile(`the file is not valid CSV: ${(error as Error).message}`);
  }
  if (!columns) throw badFile('the file is empty: it needs a header line and one line per person');
  return rows;
}
