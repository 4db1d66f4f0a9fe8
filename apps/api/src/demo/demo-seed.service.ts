import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ModuleContent, Scenario } from '@countersign/scenario-engine';
import type { AttemptState } from '@countersign/contracts/learning';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { AuthContext } from '../common/auth-context.js';
import { hashPassword } from '../modules/auth/auth.service.js';
import { LearningService } from '../modules/learning/learning.service.js';
import { OrganisationsService } from '../modules/organisations/organisations.service.js';
import { ProgressTrends } from '../modules/progress/progress-trends.service.js';
import { TrainingService } from '../modules/training/training.service.js';
import { DemoApproachSeedService } from './demo-approach-seed.service.js';
import { DEMO_DEPARTMENTS, DEMO_LOGINS, DEMO_ORGANISATION, demoPeople, emailFor } from './demo-people.js';

export interface DemoAccounts {
  password: string;
  logins: { role: string; email: string }[];
}

type Plan = 'completed' | 'completed-after-retry' | 'in-progress' | 'not-started';

/**
 * Fills an empty database with "Demo Ltd": departments, about fifty people, the curriculum
 * assigned with a realistic mix of completed, in-progress, not-started and overdue work, and a
 * dozen reported approaches at every stage of triage. The attempts are played through
 * LearningService and the reports filed through the approach services, so demo data obeys the
 * same rules as real data.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organisations: OrganisationsService,
    private readonly training: TrainingService,
    private readonly learning: LearningService,
    private readonly approaches: DemoApproachSeedService,
    private readonly trends: ProgressTrends,
  ) {}

  /**
   * On a database with no organisation and DEMO_SEED on, creates Demo Ltd. Returns the demo logins
   * to print, if the demo organisation exists. (A real installation's first organisation comes
   * from OrganisationsService.bootstrapIfEmpty, which runs first.)
   */
  async seedIfEmpty(): Promise<DemoAccounts | null> {
    if (!this.config.DEMO_SEED) return null;
    const existing = await this.dataSource.query<{ slug: string }[]>(`SELECT slug FROM organisation LIMIT 2`);
    if (existing.length === 0) {
      this.logger.log('Empty database: creating the "Demo Ltd" organisation…');
      await this.seed();
    } else if (!existing.some((o) => o.slug === DEMO_ORGANISATION.slug)) {
      return null;
    }
    return {
      password: this.config.DEMO_PASSWORD,
      logins: DEMO_LOGINS.map((p) => ({ role: p.role, email: emailFor(p) })),
    };
  }

  private async seed(): Promise<void> {
    const started = performance.now();
    const org = await this.organisations.create(DEMO_ORGANISATION.name, DEMO_ORGANISATION.slug);
    const departments = new Map<string, string>();
    for (const name of DEMO_DEPARTMENTS) {
      const [row] = await this.dataSource.query<{ id: string }[]>(
        `INSERT INTO department (organisation_id, name) VALUES ($1, $2) RETURNING id`,
        [org.id, name],
      );
      departments.set(name, row!.id);
    }

    // One hash for the shared demo password: argon2id is deliberately slow.
    const passwordHash = await hashPassword(this.config.DEMO_PASSWORD);
    const managers = new Map<string, string>();
    const people: { id: string; name: string; department: string }[] = [];
    for (const person of demoPeople()) {
      const [row] = await this.dataSource.query<{ id: string }[]>(
        `INSERT INTO app_user (organisation_id, email, name, role, department_id, manager_id, sensitivity_tier, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          org.id,
          emailFor(person),
          person.name,
          person.role,
          departments.get(person.department),
          managers.get(person.department) ?? null,
          person.tier,
          passwordHash,
        ],
      );
      if (!managers.has(person.department)) managers.set(person.department, row!.id);
      people.push({ id: row!.id, name: person.name, department: person.department });
    }

    const [first, second] = await this.training.list(org.id);
    if (!first || !second) return;
    const demoEmployee = people[2]!.id; // Sam Whitaker: the printed employee login
    const assign = (moduleId: string, who: typeof people, dueInDays: (i: number) => number) =>
      who.map((p, i) => ({ userId: p.id, moduleId, due: dueInDays(i), index: i }));
    const firstWave = assign(
      first.id,
      people.filter((p) =>
        ['Systems Engineering', 'Research & Development', 'Programme Management', 'Security'].includes(
          p.department,
        ),
      ),
      (i) => (i % 3 === 0 ? -10 : 21),
    );
    const secondWave = assign(
      second.id,
      people.filter(
        (p) =>
          p.id !== demoEmployee &&
          ['Systems Engineering', 'Research & Development', 'Finance'].includes(p.department),
      ),
      (i) => (i % 4 === 0 ? -3 : 35),
    );
    const ctx = (userId: string): AuthContext => ({
      userId,
      organisationId: org.id,
      role: 'employee',
      sessionId: 'seed',
      csrfToken: '',
    });

    for (const a of [...firstWave, ...secondWave]) {
      const [row] = await this.dataSource.query<{ id: string }[]>(
        `INSERT INTO assignment (organisation_id, user_id, module_id, due_date, source, created_at)
         VALUES ($1, $2, $3, current_date + $4::int, 'seed', now() - interval '30 days') RETURNING id`,
        [org.id, a.userId, a.moduleId, a.due],
      );
      const plan: Plan =
        a.userId === demoEmployee
          ? 'in-progress'
          : (
              [
                'completed',
                'completed',
                'in-progress',
                'not-started',
                'completed-after-retry',
                'not-started',
              ] as const
            )[a.index % 6]!;
      if (plan === 'not-started') continue;
      const version = await this.training.latestPublished(org.id, a.moduleId);
      if (!version) continue;
      await this.play(ctx(a.userId), row!.id, version.content, plan);
      const daysAgo = 2 + ((a.index * 7) % 25);
      await this.backdate(row!.id, daysAgo);
    }
    const reports = await this.approaches.seed(org.id, new Map(people.map((p) => [p.name, p.id])));
    // The activity above is dated in past weeks: the trend's finished weeks are recorded from it.
    await this.trends.recordAgain(org.id);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    this.logger.log(
      `Demo Ltd is ready in ${seconds} s: ${people.length} people, ${firstWave.length + secondWave.length} assignments, ${reports} approach reports.`,
    );
  }

  private async play(
    auth: AuthContext,
    assignmentId: string,
    content: ModuleContent,
    plan: Plan,
  ): Promise<void> {
    let state: Pick<AttemptState, 'attemptId' | 'choicesMade' | 'quiz'> = await this.learning.startOrResume(
      auth,
      assignmentId,
    );
    const path = bestPath(content.scenario);
    const steps = plan === 'in-progress' ? path.slice(0, 1) : path;
    for (const choiceId of steps) {
      state = await this.learning.choose(auth, state.attemptId, { seq: state.choicesMade, choiceId });
    }
    if (plan === 'in-progress') return;
    const correct = Object.fromEntries(
      content.quiz.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]),
    );
    if (plan === 'completed-after-retry') {
      const wrong = Object.fromEntries(
        content.quiz.questions.map((q, i) => [
          q.id,
          i < 3 ? [q.options.find((o) => !o.correct)!.id] : correct[q.id]!,
        ]),
      );
      state = await this.learning.submitQuiz(auth, state.attemptId, { round: 1, answers: wrong });
      // The module may ask for the debrief to be read again before a retry, as a learner would.
      if (state.quiz?.gate?.reviewDebrief) state = await this.learning.reviewDebrief(auth, state.attemptId);
    }
    await this.learning.submitQuiz(auth, state.attemptId, { round: state.quiz!.round, answers: correct });
  }

  /** Spreads demo activity over past weeks (attempt_event keeps its real timestamps: it is append-only). */
  private async backdate(assignmentId: string, daysAgo: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE attempt SET started_at = now() - make_interval(days => $2, hours => 1),
              finished_at = CASE WHEN finished_at IS NULL THEN NULL ELSE now() - make_interval(days => $2) END
        WHERE assignment_id = $1`,
      [assignmentId, daysAgo],
    );
    await this.dataSource.query(
      `UPDATE completion SET completed_at = now() - make_interval(days => $2) WHERE assignment_id = $1`,
      [assignmentId, daysAgo],
    );
    await this.dataSource.query(
      `UPDATE assignment SET completed_at = now() - make_interval(days => $2) WHERE id = $1 AND status = 'completed'`,
      [assignmentId, daysAgo],
    );
  }
}

/** The highest-scoring choice at each step, never revisiting a step, until an ending. */
export function bestPath(scenario: Scenario): string[] {
  const byId = new Map(scenario.steps.map((s) => [s.id, s]));
  const visited = new Set<string>();
  const choices: string[] = [];
  let step = byId.get(scenario.start);
  while (step && !step.ending) {
    visited.add(step.id);
    const options = step.choices.filter((c) => !visited.has(c.next)).sort((a, b) => b.points - a.points);
    const choice = options[0];
    if (!choice) break;
    choices.push(choice.id);
    step = byId.get(choice.next);
  }
  return choices;
}
