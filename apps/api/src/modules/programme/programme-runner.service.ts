import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, publicBaseUrl, type AppConfig } from '../../config/config.js';
import { copyRows } from '../../database/copy-rows.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { OutboxSender } from '../notifications/outbox-sender.service.js';
import {
  DEFAULT_TEMPLATES,
  describeWhen,
  type DigestItem,
  type ProgrammeTemplate,
  type ProgrammeTemplateKind,
  renderTemplate,
} from './programme-emails.js';
import { backgroundTimeout } from '../../database/background-timeout.js';
import {
  evaluateRules,
  lockProgramme,
  type ProgrammePart,
  RULE_MATCHES,
  type EvaluationResult,
} from './rule-engine.js';

/** Re-evaluate one organisation's rules: queued whenever its people change (one waiting per organisation). */
export const PROGRAMME_EVALUATE_JOB = 'programme.evaluate';
/** The hourly tick that queues each organisation's run. */
export const PROGRAMME_TICK_JOB = 'programme.tick';
/** One organisation's daily work: rules, recurrence, reminders, escalation. Idempotent per day. */
export const PROGRAMME_RUN_JOB = 'programme.run';

/** A reminder point is sent if it fell within the last few days (a worker down for a day catches up). */
const REMINDER_GRACE_DAYS = 3;
/** The hour (UTC) whose run also re-evaluates the rules. */
const SAFETY_NET_HOUR = 3;
/** A digest lists at most this many items, then says how many more. */
const DIGEST_ITEMS_SHOWN = 20;
/** The next cycle of a recurring fixed-date rule is due this many days after it opens. */
export const RECURRENCE_DEFAULT_DUE_DAYS = 30;

export interface RunResult extends EvaluationResult {
  cyclesOpened: number;
  reminders: number;
  escalations: number;
}

/**
 * The programme that keeps itself current. Everything here is a pg-boss job, so with any number
 * of API replicas and workers each organisation's work is done once, and a restart loses nothing:
 * - `programme.evaluate` {organisationId}: queued in the transaction of every change to people
 *   (created, imported, edited, deactivated, reactivated, departments merged): joiners are assigned
 *   within seconds, leavers' and movers' not-started rule assignments withdrawn.
 * - `programme.tick`, every hour (cron): queues `programme.run` for each enabled organisation.
 * - `programme.run` {organisationId}: rules again (a safety net), the next cycle of recurring
 *   rules, reminders and escalations for today. Each reminder point and escalation is recorded
 *   once per assignment and each person gets at most one digest a day, so running it every hour
 *   (or twice at once) sends nothing twice.
 */
@Injectable()
export class ProgrammeRunner {
  private readonly logger = new Logger(ProgrammeRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    private readonly outbox: OutboxSender,
  ) {
    jobs.define<{ organisationId: string }>({
      name: PROGRAMME_EVALUATE_JOB,
      policy: 'short',
      run: async ({ organisationId }) => {
        await this.dataSource.transaction((tx) => evaluateRules(tx, organisationId, this.today()));
      },
    });
    jobs.define({
      name: PROGRAMME_TICK_JOB,
      policy: 'short',
      cron: '7 * * * *',
      runOnStart: true,
      run: () => this.tick(),
    });
    jobs.define<{ organisationId: string; evaluate?: boolean }>({
      name: PROGRAMME_RUN_JOB,
      policy: 'short',
      expireInSeconds: 30 * 60,
      run: async ({ organisationId, evaluate = true }) => {
        const result = await this.runOrganisation(organisationId, { evaluate });
        if (result.assigned + result.withdrawn + result.cyclesOpened + result.reminders + result.escalations)
          this.logger.log(`Programme run for ${organisationId}: ${JSON.stringify(result)}`);
      },
    });
  }

  /** Today (UTC) by the injectable clock, as YYYY-MM-DD. */
  today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  /** Queues a re-evaluation of the organisation's rules in the caller's transaction. */
  async peopleChanged(tx: EntityManager, organisationId: string): Promise<void> {
    await this.jobs.send(PROGRAMME_EVALUATE_JOB, { organisationId }, { tx, singletonKey: organisationId });
  }

  async tick(): Promise<void> {
    const organisations = await this.dataSource.query<{ id: string }[]>(
      `SELECT o.id FROM organisation o
        WHERE o.disabled_at IS NULL AND EXISTS (SELECT 1 FROM assignment_rule r WHERE r.organisation_id = o.id)`,
    );
    // Rules are evaluated whenever people or rules change (programme.evaluate); the hourly runs
    // re-check them once a day only, as a safety net, since matching does not depend on the date.
    const evaluate = this.clock.now().getUTCHours() === SAFETY_NET_HOUR;
    for (const o of organisations)
      await this.jobs.send(PROGRAMME_RUN_JOB, { organisationId: o.id, evaluate }, { singletonKey: o.id });
  }

  /** One organisation's work for today, each step in a transaction of its own. */
  async runOrganisation(organisationId: string, options: { evaluate?: boolean } = {}): Promise<RunResult> {
    const today = this.today();
    const evaluation =
      options.evaluate === false
        ? { assigned: 0, withdrawn: 0, rescheduled: 0 }
        : await this.dataSource.transaction((tx) => evaluateRules(tx, organisationId, today));
    const step = <T>(part: ProgrammePart, work: (tx: EntityManager) => Promise<T>) =>
      this.dataSource.transaction(async (tx) => {
        await backgroundTimeout(tx);
        // One of each part of an organisation's run at a time (two workers may hold two of its jobs).
        await lockProgramme(tx, organisationId, part);
        return work(tx);
      });
    const cyclesOpened = await step('rules', (tx) => this.openNextCycles(tx, organisationId, today));
    // Reminders and escalations touch different notices and digests: side by side, on two
    // connections, so a heavy day takes the longer of the two rather than their sum.
    const [reminders, escalations] = await Promise.all([
      step('reminders', (tx) => this.sendReminders(tx, organisationId, today)),
      step('escalation', (tx) => this.escalate(tx, organisationId, today)),
    ]);
    return { ...evaluation, cyclesOpened, reminders, escalations };
  }

  /**
   * Recurrence: a completed current assignment of a recurring rule, N months after its completion
   * (and the person still matching the rule), is superseded by the next cycle, due after the
   * rule's N days (fixed-date rules: 30 days). The completed cycle keeps everything.
   */
  async openNextCycles(tx: EntityManager, organisationId: string, today: string): Promise<number> {
    await lockProgramme(tx, organisationId, 'rules');
    const [superseded] = await tx.query<
      [
        { user_id: string; module_id: string; cycle: number; rule_id: string; due_days: number | null }[],
        number,
      ]
    >(
      `UPDATE assignment a SET superseded_at = now()
         FROM assignment_rule r, app_user u
        WHERE a.organisation_id = $1 AND a.superseded_at IS NULL AND a.status = 'completed'
          AND r.id = a.rule_id AND r.enabled AND r.recurrence_months IS NOT NULL
          AND (a.completed_at AT TIME ZONE 'UTC')::date + make_interval(months => r.recurrence_months) <= $2::date
          AND u.id = a.user_id AND ${RULE_MATCHES}
      RETURNING a.user_id, a.module_id, a.cycle, a.rule_id, r.due_days`,
      [organisationId, today],
    );
    if (!superseded.length) return 0;
    await tx.query(
      `INSERT INTO assignment (organisation_id, user_id, module_id, cycle, due_date, source, rule_id)
       SELECT $1, n.user_id, n.module_id, n.cycle + 1, $2::date + n.due_days, 'rule', n.rule_id
         FROM unnest($3::uuid[], $4::uuid[], $5::int[], $6::uuid[], $7::int[])
           AS n (user_id, module_id, cycle, rule_id, due_days)`,
      [
        organisationId,
        today,
        superseded.map((s) => s.user_id),
        superseded.map((s) => s.module_id),
        superseded.map((s) => s.cycle),
        superseded.map((s) => s.rule_id),
        superseded.map((s) => s.due_days ?? RECURRENCE_DEFAULT_DUE_DAYS),
      ],
    );
    return superseded.length;
  }

  /**
   * Reminders: for each open current assignment of an active person made by a rule, the rule's
   * reminder points (N days before, the due date, every N days after) that fell due in the last
   * three days and after it was assigned, each sent once; one digest per person per day.
   */
  async sendReminders(tx: EntityManager, organisationId: string, today: string): Promise<number> {
    return this.sendDigests(
      tx,
      organisationId,
      today,
      'reminder',
      // Each point carries what the digest needs, so nothing joins back to the CTEs (which have
      // no indexes); the people and modules are then found by primary key.
      `WITH open AS MATERIALIZED (
         SELECT a.id, a.user_id, a.module_id, a.due_date, (a.created_at AT TIME ZONE 'UTC')::date AS assigned_on,
                r.remind_before_days, r.remind_on_due, r.remind_every_days_after
           FROM assignment a
           JOIN assignment_rule r ON r.id = a.rule_id
           JOIN app_user u ON u.id = a.user_id AND u.active
          WHERE a.organisation_id = $1 AND a.superseded_at IS NULL AND a.status <> 'completed'
       ), points AS (
         SELECT o.id, o.user_id, o.module_id, o.due_date, o.assigned_on, 'before:' || d AS notice, o.due_date - d AS on_day
           FROM open o, unnest(o.remind_before_days) d
         UNION ALL
         SELECT o.id, o.user_id, o.module_id, o.due_date, o.assigned_on, 'due', o.due_date FROM open o WHERE o.remind_on_due
         UNION ALL
         SELECT o.id, o.user_id, o.module_id, o.due_date, o.assigned_on,
                'after:' || (k.n * o.remind_every_days_after), o.due_date + k.n * o.remind_every_days_after
           FROM open o, LATERAL (SELECT ($2::date - o.due_date) / o.remind_every_days_after AS n) k
          WHERE o.remind_every_days_after IS NOT NULL AND k.n >= 1
       ), due AS MATERIALIZED (
         SELECT p.* FROM points p
          WHERE p.on_day <= $2::date AND p.on_day > $2::date - $3::int AND p.on_day >= p.assigned_on
       )
       SELECT p.id AS assignment_id, p.notice, u.id AS recipient_id, u.name AS recipient_name,
              u.email AS recipient_email, u.name AS person_name, m.title AS module_title,
              to_char(p.due_date, 'YYYY-MM-DD') AS due_date, (p.due_date - $2::date) AS days_to_due
         FROM due p
         JOIN app_user u ON u.id = p.user_id
         JOIN training_module m ON m.id = p.module_id
        WHERE NOT EXISTS (SELECT 1 FROM assignment_notice n WHERE n.assignment_id = p.id AND n.notice = p.notice)
        ORDER BY u.id, p.due_date, m.title`,
      [organisationId, today, REMINDER_GRACE_DAYS],
    );
  }

  /**
   * Escalation: once an open assignment is N days overdue, the person's (active) manager is told,
   * in one digest per manager per day listing their people; after M days, every active security
   * officer gets one summary a day (how many, and the longest overdue). Each once per assignment.
   */
  async escalate(tx: EntityManager, organisationId: string, today: string): Promise<number> {
    const managers = await this.sendDigests(
      tx,
      organisationId,
      today,
      'escalation',
      `SELECT a.id AS assignment_id, 'manager' AS notice, mgr.id AS recipient_id, mgr.name AS recipient_name,
              mgr.email AS recipient_email, u.name AS person_name, m.title AS module_title,
              to_char(a.due_date, 'YYYY-MM-DD') AS due_date, (a.due_date - $2::date) AS days_to_due
         FROM assignment a
         JOIN assignment_rule r ON r.id = a.rule_id
         JOIN app_user u ON u.id = a.user_id AND u.active
         JOIN app_user mgr ON mgr.id = u.manager_id AND mgr.active
         JOIN training_module m ON m.id = a.module_id
        WHERE a.organisation_id = $1 AND a.superseded_at IS NULL AND a.status <> 'completed'
          AND r.escalate_manager_after_days IS NOT NULL AND $2::date >= a.due_date + r.escalate_manager_after_days
          AND NOT EXISTS (SELECT 1 FROM assignment_notice n WHERE n.assignment_id = a.id AND n.notice = 'manager')
        ORDER BY mgr.id, a.due_date, u.name, m.title`,
      [organisationId, today],
    );
    return managers + (await this.escalateToOfficers(tx, organisationId, today));
  }

  private async escalateToOfficers(
    tx: EntityManager,
    organisationId: string,
    today: string,
  ): Promise<number> {
    await tx.query(`DROP TABLE IF EXISTS pg_temp.officer_due`);
    await tx.query(
      `CREATE TEMP TABLE officer_due ON COMMIT DROP AS
       SELECT a.id, a.due_date, u.name AS person_name, a.module_id
         FROM assignment a
         JOIN assignment_rule r ON r.id = a.rule_id
         JOIN app_user u ON u.id = a.user_id AND u.active
        WHERE a.organisation_id = $1 AND a.superseded_at IS NULL AND a.status <> 'completed'
          AND r.escalate_officers_after_days IS NOT NULL AND $2::date >= a.due_date + r.escalate_officers_after_days
         AND NOT EXISTS (SELECT 1 FROM assignment_notice n WHERE n.assignment_id = a.id AND n.notice = 'officers')`,
      [organisationId, today],
    );
    const [{ n: count } = { n: 0 }] = await tx.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM officer_due`,
    );
    if (!count) return 0;
    const officers = await tx.query<{ id: string; name: string; email: string }[]>(
      `SELECT id, name, email FROM app_user WHERE organisation_id = $1 AND role = 'officer' AND active ORDER BY id`,
      [organisationId],
    );
    const granted = await this.grantDigests(
      tx,
      organisationId,
      today,
      'escalation',
      officers.map((o) => o.id),
    );
    if (!granted.size) return 0;
    await tx.query(
      `INSERT INTO assignment_notice (organisation_id, assignment_id, notice, sent_on)
       SELECT $1, id, 'officers', $2::date FROM officer_due ORDER BY id ON CONFLICT DO NOTHING`,
      [organisationId, today],
    );
    const longest = await tx.query<{ person_name: string; title: string; due: string; days: number }[]>(
      `SELECT d.person_name, m.title, to_char(d.due_date, 'YYYY-MM-DD') AS due, (d.due_date - $1::date) AS days
         FROM officer_due d JOIN training_module m ON m.id = d.module_id
        ORDER BY d.due_date, d.person_name, m.title LIMIT ${DIGEST_ITEMS_SHOWN}`,
      [today],
    );
    const items = longest.map((l) => ({
      module: l.title,
      dueDate: l.due,
      when: describeWhen(l.days),
      person: l.person_name,
    }));
    await this.deliver(
      tx,
      organisationId,
      'escalation',
      officers.filter((o) => granted.has(o.id)).map((o) => ({ recipient: o, items, count })),
    );
    return granted.size;
  }

  /** The recipients who may have this kind of digest today (and now have it). */
  private async grantDigests(
    tx: EntityManager,
    organisationId: string,
    today: string,
    kind: ProgrammeTemplateKind,
    recipients: string[],
  ): Promise<Set<string>> {
    if (!recipients.length) return new Set();
    const granted = await tx.query<{ user_id: string }[]>(
      `INSERT INTO programme_digest (organisation_id, user_id, kind, day)
       SELECT $1, unnest($2::uuid[]), $3, $4::date
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [organisationId, recipients, kind, today],
    );
    return new Set(granted.map((g) => g.user_id));
  }

  /**
   * One email (and in-app notification) per recipient with all their items, only to recipients
   * who have not had this kind of digest today; the items sent are recorded as notices. `dueSql`
   * selects the due items (assignment_id, notice, recipient_id, recipient_name, recipient_email,
   * person_name, module_title, due_date, days_to_due). All set-based, in SQL: a reminder day at
   * 100,000 people is 600,000 items, and only the 100,000 digests (20 items each at most) come to
   * the API to be rendered. Returns the number of digests sent.
   */
  private async sendDigests(
    tx: EntityManager,
    organisationId: string,
    today: string,
    kind: ProgrammeTemplateKind,
    dueSql: string,
    params: unknown[],
  ): Promise<number> {
    const t0 = performance.now();
    const spent: string[] = [];
    const mark = (step: string) => spent.push(`${step} ${Math.round(performance.now() - t0)}`);
    await tx.query(`DROP TABLE IF EXISTS pg_temp.digest_due, pg_temp.digest_granted`);
    await tx.query(`CREATE TEMP TABLE digest_due ON COMMIT DROP AS ${dueSql}`, params);
    mark('due');
    await tx.query(`CREATE TEMP TABLE digest_granted (user_id uuid PRIMARY KEY) ON COMMIT DROP`);
    await tx.query(
      `WITH granted AS (
         INSERT INTO programme_digest (organisation_id, user_id, kind, day)
         SELECT DISTINCT $1::uuid, recipient_id, $2, $3::date FROM digest_due
         ON CONFLICT DO NOTHING RETURNING user_id
       ) INSERT INTO digest_granted SELECT user_id FROM granted`,
      [organisationId, kind, today],
    );
    mark('granted');
    await tx.query(
      `INSERT INTO assignment_notice (organisation_id, assignment_id, notice, sent_on)
       SELECT $1::uuid, d.assignment_id, d.notice, $2::date
         FROM digest_due d JOIN digest_granted g ON g.user_id = d.recipient_id
        GROUP BY d.assignment_id, d.notice -- once each (officers' items come once per officer), in index order
        ORDER BY d.assignment_id, d.notice
       ON CONFLICT DO NOTHING`,
      [organisationId, today],
    );
    mark('notices');
    const digests = await tx.query<
      {
        recipient_id: string;
        recipient_name: string;
        recipient_email: string;
        count: number;
        items: { person: string; module: string; due: string; days: number }[];
      }[]
    >(
      `SELECT recipient_id, recipient_name, recipient_email, count(*)::int AS count,
              json_agg(json_build_object('person', person_name, 'module', module_title, 'due', due_date,
                                         'days', days_to_due) ORDER BY n)
                FILTER (WHERE n <= ${DIGEST_ITEMS_SHOWN}) AS items
         FROM (SELECT u.*, row_number() OVER (PARTITION BY recipient_id
                                               ORDER BY due_date, person_name, module_title) AS n
                 FROM (SELECT DISTINCT ON (d.recipient_id, d.person_name, d.module_title)
                              d.recipient_id, d.recipient_name, d.recipient_email, d.person_name,
                              d.module_title, d.due_date, d.days_to_due
                         FROM digest_due d JOIN digest_granted g ON g.user_id = d.recipient_id
                        ORDER BY d.recipient_id, d.person_name, d.module_title, d.due_date) u) x
        GROUP BY recipient_id, recipient_name, recipient_email`,
    );
    mark('digests');
    await this.deliver(
      tx,
      organisationId,
      kind,
      digests.map((d) => ({
        recipient: { id: d.recipient_id, name: d.recipient_name, email: d.recipient_email },
        items: d.items.map((i) => ({
          module: i.module,
          dueDate: i.due,
          when: describeWhen(i.days),
          person: i.person,
        })),
        count: d.count,
      })),
    );
    mark('delivered');
    this.logger.debug(`${kind} digests: ${digests.length}; ms at the end of each step: ${spent.join(', ')}`);
    return digests.length;
  }

  /** Renders each digest with the organisation's template; queues the emails and the notifications. */
  private async deliver(
    tx: EntityManager,
    organisationId: string,
    kind: ProgrammeTemplateKind,
    digests: { recipient: { id: string; name: string; email: string }; items: DigestItem[]; count: number }[],
  ): Promise<void> {
    if (!digests.length) return;
    const [organisation] = await tx.query<{ name: string }[]>(`SELECT name FROM organisation WHERE id = $1`, [
      organisationId,
    ]);
    const template = await this.templateFor(tx, organisationId, kind);
    const base = publicBaseUrl(this.config);
    const path = kind === 'reminder' ? '/training' : '/officer';
    const emails = digests.map((d) => ({
      id: d.recipient.id,
      email: d.recipient.email,
      rendered: renderTemplate(template, {
        person: { name: d.recipient.name, email: d.recipient.email },
        organisation: { name: organisation?.name ?? '' },
        items: d.items,
        count: d.count,
        more: d.count - d.items.length,
        link: `${base}${path}`,
      }),
    }));
    if (this.config.MAIL_FROM) {
      await copyRows(
        tx,
        'outbound_email',
        [
          'organisation_id',
          'recipient_id',
          'from_address',
          'to_address',
          'subject',
          'body_text',
          'body_html',
        ],
        emails.map((e) => [
          organisationId,
          e.id,
          this.config.MAIL_FROM!,
          e.email,
          e.rendered.subject,
          e.rendered.text,
          e.rendered.html,
        ]),
      );
      await this.outbox.wake(tx);
    }
    await copyRows(
      tx,
      'notification',
      ['organisation_id', 'user_id', 'kind', 'title', 'body', 'link'],
      emails.map((e) => [
        organisationId,
        e.id,
        kind === 'reminder' ? 'training-reminder' : 'training-overdue',
        e.rendered.subject.slice(0, 200),
        e.rendered.text.slice(0, 2000),
        path,
      ]),
    );
  }

  /** The organisation's own template of this kind, or the default. */
  private async templateFor(
    tx: EntityManager,
    organisationId: string,
    kind: ProgrammeTemplateKind,
  ): Promise<ProgrammeTemplate> {
    const [own] = await tx.query<ProgrammeTemplate[]>(
      `SELECT subject, body FROM email_template WHERE organisation_id = $1 AND kind = $2`,
      [organisationId, kind],
    );
    return own ?? DEFAULT_TEMPLATES[kind];
  }
}
