import { randomBytes } from 'node:crypto';
import type { SessionResponse } from '@countersign/contracts/auth';
import type { Role } from '@countersign/contracts/permissions';
import type { SensitivityTier } from '@countersign/contracts/directory';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type CountersignApp, createApp, initApp } from '../src/app.factory.js';
import { loadConfig, type AppConfig } from '../src/config/config.js';
import { hashPassword } from '../src/modules/auth/auth.service.js';
import { OrganisationsService } from '../src/modules/organisations/organisations.service.js';
import { cloneTemplate, dropDatabase } from '../src/test-support/test-database.js';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export interface TestOrganisation {
  id: string;
  name: string;
}
export interface TestUser {
  id: string;
  email: string;
  role: Role;
  organisationId: string;
  departmentId: string | null;
}

/** A signed-in HTTP client: cookie jar plus the CSRF header on every request. */
export interface Client {
  user: TestUser;
  session: SessionResponse;
  get(url: string): request.Test;
  post(url: string, body?: object): request.Test;
  put(url: string, body?: object): request.Test;
  patch(url: string, body?: object): request.Test;
  delete(url: string): request.Test;
}

/**
 * One per test file: a database cloned from the migrated template, the real application on
 * top of it, and factories for data.
 */
export class TestContext {
  private counter = 0;

  private constructor(
    public app: CountersignApp,
    public dataSource: DataSource,
    readonly config: AppConfig,
    private readonly serverUrl: string,
    private readonly dbName: string,
    private readonly url: string,
  ) {}

  static async create(overrides: Record<string, string> = {}): Promise<TestContext> {
    const serverUrl = process.env.TEST_PG_SERVER;
    const template = process.env.TEST_TEMPLATE_DB;
    if (!serverUrl || !template)
      throw new Error('TEST_PG_SERVER is not set: run through Jest so global-setup prepares the database.');
    const dbName = `countersign_test_${randomBytes(6).toString('hex')}`;
    const url = await cloneTemplate(serverUrl, template, dbName);
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DEMO_SEED: 'false',
      WEB_DIST: '',
      ...overrides,
    });
    const app = await createApp(config, url);
    await initApp(app);
    return new TestContext(app, app.get(DataSource), config, serverUrl, dbName, url);
  }

  /**
   * Replaces the application with a fresh one on the same database, as a restarted API: every
   * in-process cache is empty. Signed-in clients keep working (sessions live in the database).
   */
  async restart(): Promise<void> {
    await this.app.close();
    this.app = await createApp(this.config, this.url);
    await initApp(this.app);
    this.dataSource = this.app.get(DataSource);
  }

  async close(): Promise<void> {
    await this.app.close();
    await dropDatabase(this.serverUrl, this.dbName);
  }

  http() {
    return request(this.app.getHttpServer());
  }

  private next(): number {
    return ++this.counter;
  }

  async newOrganisation(name = `Org ${this.next()}`): Promise<TestOrganisation> {
    const slug = `${name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}-${randomBytes(3).toString('hex')}`;
    const org = await this.app.get(OrganisationsService).create(name, slug);
    return { id: org.id, name: org.name };
  }

  async newDepartment(
    organisationId: string,
    name = `Department ${this.next()}`,
  ): Promise<{ id: string; name: string }> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO department (organisation_id, name) VALUES ($1, $2) RETURNING id`,
      [organisationId, name],
    );
    return { id: row!.id, name };
  }

  async newUser(options: {
    organisationId: string;
    role?: Role;
    departmentId?: string | null;
    name?: string;
    tier?: SensitivityTier;
    active?: boolean;
  }): Promise<TestUser> {
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const n = this.next();
    const email = `user${n}.${randomBytes(3).toString('hex')}@example.test`;
    const role = options.role ?? 'employee';
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO app_user (organisation_id, email, name, role, department_id, sensitivity_tier, password_hash, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        options.organisationId,
        email,
        options.name ?? `Person ${n}`,
        role,
        options.departmentId ?? null,
        options.tier ?? 'standard',
        await passwordHash,
        options.active ?? true,
      ],
    );
    return {
      id: row!.id,
      email,
      role,
      organisationId: options.organisationId,
      departmentId: options.departmentId ?? null,
    };
  }

  /** An organisation with one user per role and a department. */
  async newTeam(name?: string) {
    const org = await this.newOrganisation(name);
    const department = await this.newDepartment(org.id, 'Engineering');
    const [employee, officer, admin] = await Promise.all(
      (['employee', 'officer', 'admin'] as const).map((role) =>
        this.newUser({ organisationId: org.id, role, departmentId: department.id }),
      ),
    );
    return { org, department, employee: employee!, officer: officer!, admin: admin! };
  }

  async moduleIds(organisationId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM training_module WHERE organisation_id = $1 ORDER BY sort_order, created_at, slug`,
      [organisationId],
    );
    return rows.map((r) => r.id);
  }

  /** Assigns a module directly in the database (the API path is tested on its own). */
  async assign(user: TestUser, moduleId: string, dueDate = '2099-01-01'): Promise<string> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO assignment (organisation_id, user_id, module_id, due_date) VALUES ($1, $2, $3, $4) RETURNING id`,
      [user.organisationId, user.id, moduleId, dueDate],
    );
    return row!.id;
  }

  async login(user: TestUser): Promise<Client> {
    const res = await this.http()
      .post('/api/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(200);
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    const session = res.body as SessionResponse;
    return {
      user,
      session,
      get: (url) => this.http().get(url).set('Cookie', cookie),
      post: (url, body) => {
        const req = this.http().post(url).set('Cookie', cookie).set('X-CSRF-Token', session.csrfToken);
        return body === undefined ? req : req.send(body);
      },
      put: (url, body) => {
        const req = this.http().put(url).set('Cookie', cookie).set('X-CSRF-Token', session.csrfToken);
        return body === undefined ? req : req.send(body);
      },
      patch: (url, body) => {
        const req = this.http().patch(url).set('Cookie', cookie).set('X-CSRF-Token', session.csrfToken);
        return body === undefined ? req : req.send(body);
      },
      delete: (url) => this.http().delete(url).set('Cookie', cookie).set('X-CSRF-Token', session.csrfToken),
    };
  }
}
