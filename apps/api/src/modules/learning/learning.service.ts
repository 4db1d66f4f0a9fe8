import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  advanceByChoice,
  advanceByQuiz,
  buildAttemptState,
  buildChoiceResult,
  progressPercentOf,
  quizGateOf,
  startPosition,
  type AttemptPosition,
  type AttemptState,
  type ChoiceRequest,
  type ChoiceResult,
  type MyAssignment,
  type QuizSubmission,
  type RecordedQuizRound,
} from '@countersign/contracts/learning';
import { hasPermission, ROLES } from '@countersign/contracts/permissions';
import { PlayError, QuizError, retryPolicyOf, type ModuleContent } from '@countersign/scenario-engine';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthContext } from '../../common/auth-context.js';
import { Clock } from '../../common/clock.js';
import { conflict, notFound, unprocessable } from '../../common/domain-error.js';
import { Assignment } from '../assignments/assignment.entity.js';
import { CertificateIssuer } from '../certificates/certificate-issuer.service.js';
import { RemedialService } from '../programme/remedial.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { TrainingService } from '../training/training.service.js';
import { Attempt } from './attempt.entity.js';
import { AttemptEvent, type AttemptEventType } from './attempt-event.entity.js';
import { Completion } from './completion.entity.js';
import { debriefReviewRequired, quizCooldown } from './learning.errors.js';

interface ChoicePayload {
  index: number;
  stepId: string;
  choiceId: string;
  next: string;
}
interface QuizPayload {
  round: number;
  answers: Record<string, string[]>;
  scorePercent: number;
  passed: boolean;
}
interface DebriefReviewPayload {
  /** The quiz round open when the debrief was opened again. */
  round: number;
}

/** What a module's retry policy is judged on: the rounds with their times, and debrief reviews. */
interface QuizRecords {
  rounds: (QuizPayload & RecordedQuizRound)[];
  debriefReviews: number[];
}

/** Who is told when a learner keeps failing a quiz: whoever can see everyone's progress. */
const PROGRESS_ROLES = ROLES.filter((role) => hasPermission(role, 'progress:read'));

/**
 * The learner's side of training. The browser only sends choices and answers; this service
 * replays them against the published version, decides feedback, score, pass and completion,
 * and records every step in the append-only attempt_event log. Each write locks the attempt
 * row, and every request carries the position it answers, so a retried request is harmless.
 * How a choice or a quiz round moves the attempt on, and the state the player sees, come from
 * contracts' attempt-state (shared with the editor's preview).
 */
@Injectable()
export class LearningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly training: TrainingService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly remedial: RemedialService,
    private readonly certificates: CertificateIssuer,
  ) {}

  async myAssignments(auth: AuthContext): Promise<MyAssignment[]> {
    const rows = await this.dataSource.query<
      {
        assignment_id: string;
        module_id: string;
        title: string;
        summary: string;
        estimated_minutes: number;
        due_date: string;
        overdue: boolean;
        status: MyAssignment['status'];
        attempt_id: string | null;
        progress_percent: number | null;
        completed_at: Date | null;
        score: number | null;
        version: number | null;
      }[]
    >(
      `SELECT a.id AS assignment_id, m.id AS module_id, m.title, m.summary, m.estimated_minutes,
              to_char(a.due_date, 'YYYY-MM-DD') AS due_date,
              a.status, (a.status <> 'completed' AND a.due_date < current_date) AS overdue,
              t.id AS attempt_id, t.progress_percent,
              c.completed_at, c.score, v.version
         FROM assignment a
         JOIN training_module m ON m.id = a.module_id AND m.organisation_id = a.organisation_id
         LEFT JOIN completion c ON c.assignment_id = a.id
         LEFT JOIN module_version v ON v.id = c.module_version_id
         LEFT JOIN attempt t ON t.assignment_id = a.id AND t.status = 'in-progress'
        WHERE a.organisation_id = $1 AND a.user_id = $2 AND a.superseded_at IS NULL
        ORDER BY (a.status = 'completed'), a.due_date, m.title`,
      [auth.organisationId, auth.userId],
    );
    return rows.map((r) => ({
      assignmentId: r.assignment_id,
      module: { id: r.module_id, title: r.title, summary: r.summary, estimatedMinutes: r.estimated_minutes },
      dueDate: r.due_date,
      status: r.completed_at ? 'completed' : r.attempt_id ? 'in-progress' : 'not-started',
      overdue: r.overdue,
      progressPercent: r.completed_at ? 100 : (r.progress_percent ?? 0),
      activeAttemptId: r.attempt_id,
      completion:
        r.completed_at && r.score !== null && r.version !== null
          ? { completedAt: new Date(r.completed_at).toISOString(), scorePercent: r.score, version: r.version }
          : null,
    }));
  }

  /**
   * Starts an attempt at the latest published version, or resumes the one in progress. Once the
   * assignment is completed it returns the passing attempt, for review.
   */
  async startOrResume(auth: AuthContext, assignmentId: string): Promise<AttemptState> {
    const assignment = await this.dataSource.manager.findOneBy(Assignment, {
      id: assignmentId,
      organisationId: auth.organisationId,
      userId: auth.userId,
    });
    if (!assignment) throw notFound('The assignment');

    const existing = await this.dataSource.manager.findOne(Attempt, {
      where: [
        { assignmentId, organisationId: auth.organisationId, status: 'in-progress' },
        { assignmentId, organisationId: auth.organisationId, status: 'passed' },
      ],
      order: { startedAt: 'DESC' },
    });
    if (existing) return this.state(existing);

    const version = await this.training.latestPublished(auth.organisationId, assignment.moduleId);
    if (!version) {
      throw conflict(
        'module_not_published',
        'This module has no published version yet. Ask your administrator.',
      );
    }
    const position = startPosition(version.content);
    try {
      const attempt = await this.dataSource.transaction(async (tx) => {
        const created = await tx.save(
          tx.create(Attempt, {
            organisationId: auth.organisationId,
            assignmentId,
            userId: auth.userId,
            moduleVersionId: version.id,
            ...position,
            lastScore: null,
            progressPercent: progressPercentOf(version.content, position),
            startedAt: new Date(),
            finishedAt: null,
          }),
        );
        await this.appendEvent(tx, created, 'started', {
          moduleVersionId: version.id,
          version: version.version,
        });
        if (position.scenarioOutcome) {
          // A scenario that opens on its ending goes straight to the quiz.
          await this.appendEvent(tx, created, 'scenario-ended', {
            outcome: position.scenarioOutcome,
            stepId: position.currentStepId,
          });
        }
        await tx.update(Assignment, { id: assignmentId, status: 'not-started' }, { status: 'in-progress' });
        return created;
      });
      return this.state(attempt);
    } catch (error) {
      // Two tabs started at once: the unique index let one through; resume that one.
      if (isUniqueViolation(error)) return this.startOrResume(auth, assignmentId);
      throw error;
    }
  }

  async get(auth: AuthContext, attemptId: string): Promise<AttemptState> {
    return this.state(await this.findOwn(this.dataSource.manager, auth, attemptId));
  }

  /**
   * Records a choice in two statements and no transaction: read the attempt, then one statement
   * that moves the attempt on only if it still stands where it was read (same position, same
   * step) and appends the choice's events in the same breath. If another request moved the
   * attempt in between, the statement changes nothing and the choice is decided again from the
   * new position (a retry of the same `seq` then answers as before; anything else is a conflict).
   * The published version comes from the cache, so nothing here waits for a second connection.
   */
  async choose(auth: AuthContext, attemptId: string, request: ChoiceRequest): Promise<ChoiceResult> {
    for (let tries = 0; ; tries++) {
      const current = await this.findOwn(this.dataSource.manager, auth, attemptId);
      const { version } = await this.training.getPlayable(auth.organisationId, current.moduleVersionId);
      const content = version.content;

      if (request.seq < current.choicesMade) return this.retriedChoice(current, content, request);
      if (request.seq > current.choicesMade) {
        throw conflict(
          'out_of_order',
          `Expected the choice for position ${current.choicesMade}, got ${request.seq}.`,
        );
      }
      if (current.scenarioOutcome || current.status !== 'in-progress') {
        throw conflict('scenario_finished', 'The scenario is finished; continue with the quiz.');
      }

      const { position, outcome } = this.playChoice(content, current, request.choiceId);
      const events: { type: AttemptEventType; payload: object }[] = [
        {
          type: 'choice',
          payload: {
            index: request.seq,
            stepId: outcome.from.id,
            choiceId: outcome.choice.id,
            next: outcome.to.id,
          } satisfies ChoicePayload,
        },
      ];
      if (position.scenarioOutcome) {
        events.push({
          type: 'scenario-ended',
          payload: { outcome: position.scenarioOutcome, stepId: position.currentStepId },
        });
      }
      const moved = await this.dataSource.query<{ seq: number }[]>(MOVE_AND_APPEND, [
        current.id,
        current.organisationId,
        current.userId,
        current.choicesMade,
        current.currentStepId,
        position.currentStepId,
        position.scenarioOutcome,
        position.quizRound,
        progressPercentOf(content, position),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.payload)),
      ]);
      if (moved.length > 0) {
        // A rule may assign remedial training after a compromised ending (once: the move is made once).
        if (position.scenarioOutcome === 'compromised')
          await this.dataSource.transaction((tx) =>
            this.remedial.after(tx, current.assignmentId, { kind: 'compromised' }),
          );
        return buildChoiceResult({
          attemptId: current.id,
          content,
          seq: request.seq,
          choice: { stepId: outcome.from.id, choiceId: outcome.choice.id },
          position,
          redFlagViews: (keys) => this.training.redFlagViews(keys),
        });
      }
      // Another request moved the attempt between the read and the write: decide again. Each
      // lost race means the attempt moved on, so this ends quickly (the cap is a safety net).
      if (tries >= 5) {
        throw conflict('attempt_busy', 'This attempt is being changed elsewhere. Reload to continue.');
      }
    }
  }

  /** A choice for a position already answered: the same choice gets the same answer again. */
  private async retriedChoice(
    current: Attempt,
    content: ModuleContent,
    request: ChoiceRequest,
  ): Promise<ChoiceResult> {
    const [earlier] = await this.dataSource.query<{ payload: ChoicePayload }[]>(
      `SELECT payload FROM attempt_event
        WHERE attempt_id = $1 AND organisation_id = $2 AND type = 'choice' AND (payload->>'index')::int = $3`,
      [current.id, current.organisationId, request.seq],
    );
    if (earlier?.payload.choiceId !== request.choiceId) {
      throw conflict(
        'stale_choice',
        'That step was already answered. Reload to continue from where you are.',
      );
    }
    // The answer to the latest choice is exactly what it was; to an older one, it carries the
    // current position, which the player recognises as "reload the state".
    return buildChoiceResult({
      attemptId: current.id,
      content,
      seq: request.seq,
      choice: { stepId: earlier.payload.stepId, choiceId: earlier.payload.choiceId },
      position: current,
      redFlagViews: (keys) => this.training.redFlagViews(keys),
    });
  }

  async submitQuiz(auth: AuthContext, attemptId: string, submission: QuizSubmission): Promise<AttemptState> {
    const attempt = await this.dataSource.transaction(async (tx) => {
      const current = await this.findOwn(tx, auth, attemptId, true);
      if (!current.scenarioOutcome) {
        throw conflict('quiz_not_open', 'Finish the scenario before taking the quiz.');
      }
      const answers = normaliseAnswers(submission.answers);
      const records = await this.quizRecords(tx, current);
      const previous = records.rounds.find((q) => q.round === submission.round);
      if (previous) {
        if (sameAnswers(previous.answers, answers)) return current; // a retried submission
        throw conflict('round_already_submitted', `Quiz round ${submission.round} was already submitted.`);
      }
      if (current.status === 'passed')
        throw conflict('already_passed', 'You have already passed this module.');
      if (submission.round !== current.quizRound) {
        throw conflict('wrong_round', `Expected answers for quiz round ${current.quizRound}.`);
      }

      const { version, moduleTitle } = await this.training.getPlayable(
        auth.organisationId,
        current.moduleVersionId,
        tx,
      );
      // The module's retry policy: a retry may have to wait, or follow a second look at the debrief.
      const now = this.clock.now();
      const gate = quizGateOf({
        content: version.content,
        position: current,
        quizRounds: records.rounds,
        debriefReviews: records.debriefReviews,
        now,
      });
      if (gate?.reviewDebrief) throw debriefReviewRequired();
      if (gate?.opensAt) throw quizCooldown(gate.opensAt, now);

      const { position, result } = this.scoreAnswers(version.content, current, answers);
      await this.appendEvent(tx, current, 'quiz-submitted', {
        round: submission.round,
        answers,
        scorePercent: result.scorePercent,
        passed: result.passed,
      } satisfies QuizPayload);
      Object.assign(current, position);
      current.lastScore = result.scorePercent;
      if (result.passed) {
        current.finishedAt = new Date();
        await this.appendEvent(tx, current, 'passed', {
          scorePercent: result.scorePercent,
          round: submission.round,
        });
        await tx
          .createQueryBuilder()
          .insert()
          .into(Completion)
          .values({
            organisationId: current.organisationId,
            assignmentId: current.assignmentId,
            userId: current.userId,
            moduleId: version.moduleId,
            moduleVersionId: version.id,
            attemptId: current.id,
            score: result.scorePercent,
            passed: true,
            completedAt: current.finishedAt,
          })
          .orIgnore() // one completion per assignment, whatever happens
          .execute();
        // Its certificate, in the same transaction: no completion is ever without one.
        await this.certificates.issueForAssignment(tx, current.organisationId, current.assignmentId);
        await tx
          .createQueryBuilder()
          .update(Assignment)
          .set({ status: 'completed', completedAt: current.finishedAt })
          .where("id = :id AND status <> 'completed'", { id: current.assignmentId })
          .execute();
      } else {
        if (retryPolicyOf(version.content.quiz).notifyOfficersAfter === submission.round) {
          // Every earlier round failed too, and each round is scored once: this runs once per attempt.
          await this.tellOfficers(tx, current, moduleTitle, submission.round);
        }
        // A rule may assign remedial training after this many failed rounds.
        await this.remedial.after(tx, current.assignmentId, {
          kind: 'failed-rounds',
          rounds: submission.round,
        });
      }
      current.progressPercent = progressPercentOf(version.content, current);
      await tx.update(
        Attempt,
        { id: current.id, organisationId: current.organisationId },
        {
          status: current.status,
          quizRound: current.quizRound,
          lastScore: current.lastScore,
          progressPercent: current.progressPercent,
          finishedAt: current.finishedAt,
        },
      );
      return current;
    });
    return this.state(attempt);
  }

  /**
   * The learner opened the scenario's ending and debrief again. Recorded when the module's retry
   * policy asks for it before the open round (then the round may be taken); otherwise there is
   * nothing to record and the state is answered as it is. Idempotent either way.
   */
  async reviewDebrief(auth: AuthContext, attemptId: string): Promise<AttemptState> {
    const attempt = await this.dataSource.transaction(async (tx) => {
      const current = await this.findOwn(tx, auth, attemptId, true);
      if (!current.scenarioOutcome) {
        throw conflict('quiz_not_open', 'The debrief comes at the end of the scenario; finish it first.');
      }
      if (current.status !== 'in-progress') return current;
      const { version } = await this.training.getPlayable(auth.organisationId, current.moduleVersionId, tx);
      const records = await this.quizRecords(tx, current);
      const gate = quizGateOf({
        content: version.content,
        position: current,
        quizRounds: records.rounds,
        debriefReviews: records.debriefReviews,
      });
      if (gate?.reviewDebrief) {
        await this.appendEvent(tx, current, 'debrief-reviewed', {
          round: current.quizRound,
        } satisfies DebriefReviewPayload);
      }
      return current;
    });
    return this.state(attempt);
  }

  /**
   * Tells the organisation's officers, in the app, that a learner has failed as many quiz rounds
   * as the module allows before they hear of it. The learner may go on; the point is that someone
   * can help. In the caller's transaction, so it exists exactly when the failed round does.
   */
  private async tellOfficers(
    tx: EntityManager,
    attempt: Attempt,
    moduleTitle: string,
    failedRounds: number,
  ): Promise<void> {
    const [learner] = await tx.query<{ name: string }[]>(
      `SELECT name FROM app_user WHERE organisation_id = $1 AND id = $2`,
      [attempt.organisationId, attempt.userId],
    );
    const officers = await tx.query<{ id: string }[]>(
      `SELECT id FROM app_user
        WHERE organisation_id = $1 AND active AND role = ANY($2::user_role[]) AND id <> $3`,
      [attempt.organisationId, PROGRESS_ROLES, attempt.userId],
    );
    await this.notifications.notify(tx, {
      organisationId: attempt.organisationId,
      userIds: officers.map((o) => o.id),
      kind: 'quiz-rounds-failed',
      title: `${learner?.name ?? 'A learner'} has not passed “${moduleTitle}” after ${failedRounds} quiz rounds`,
      body:
        'They can keep trying. A word of support, or going through the scenario with them, ' +
        'may help more than another round.',
      // The officer's page of the person (the web's officer/people/:userId).
      link: `/officer/people/${attempt.userId}`,
      subjectId: attempt.assignmentId,
    });
  }

  /** Builds the full player state from the attempt, its version and its event log. */
  private async state(attempt: Attempt): Promise<AttemptState> {
    const { version, moduleTitle } = await this.training.getPlayable(
      attempt.organisationId,
      attempt.moduleVersionId,
    );
    const events = await this.dataSource.query<
      (Pick<AttemptEvent, 'type' | 'payload'> & { created_at: Date })[]
    >(
      `SELECT type, payload, created_at FROM attempt_event
        WHERE attempt_id = $1 AND organisation_id = $2 ORDER BY seq`,
      [attempt.id, attempt.organisationId],
    );
    return buildAttemptState({
      attemptId: attempt.id,
      assignmentId: attempt.assignmentId,
      module: { id: version.moduleId, title: moduleTitle, version: version.version },
      content: version.content,
      position: attempt,
      choices: events.filter((e) => e.type === 'choice').map((e) => e.payload as unknown as ChoicePayload),
      quizRounds: events
        .filter((e) => e.type === 'quiz-submitted')
        .map((e) => ({
          ...(e.payload as unknown as QuizPayload),
          submittedAt: new Date(e.created_at).toISOString(),
        })),
      debriefReviews: events
        .filter((e) => e.type === 'debrief-reviewed')
        .map((e) => (e.payload as unknown as DebriefReviewPayload).round),
      now: this.clock.now(),
      redFlagViews: (keys) => this.training.redFlagViews(keys),
    });
  }

  private playChoice(content: ModuleContent, position: AttemptPosition, choiceId: string) {
    try {
      return advanceByChoice(content, position, choiceId);
    } catch (error) {
      if (error instanceof PlayError) {
        throw unprocessable('invalid_choice', error.message, [{ field: 'choiceId', message: error.message }]);
      }
      throw error;
    }
  }

  private scoreAnswers(content: ModuleContent, position: AttemptPosition, answers: Record<string, string[]>) {
    try {
      return advanceByQuiz(content, position, answers);
    } catch (error) {
      if (error instanceof QuizError) {
        const field = error.questionId ? `answers.${error.questionId}` : 'answers';
        throw unprocessable('invalid_answers', error.message, [{ field, message: error.message }]);
      }
      throw error;
    }
  }

  private async findOwn(
    manager: EntityManager,
    auth: AuthContext,
    attemptId: string,
    lock = false,
  ): Promise<Attempt> {
    const [row] = await manager.query<AttemptRow[]>(
      `SELECT id, organisation_id, assignment_id, user_id, module_version_id, status, current_step_id,
              choices_made, scenario_outcome, quiz_round, last_score, progress_percent, started_at, finished_at
         FROM attempt WHERE id = $1 AND organisation_id = $2 AND user_id = $3${lock ? ' FOR UPDATE' : ''}`,
      [attemptId, auth.organisationId, auth.userId],
    );
    if (!row) throw notFound('The attempt');
    return toAttempt(manager, row);
  }

  /** The attempt's submitted rounds (with when) and debrief reviews, oldest first. */
  private async quizRecords(manager: EntityManager, attempt: Attempt): Promise<QuizRecords> {
    const events = await manager.query<
      { type: AttemptEventType; payload: Record<string, unknown>; created_at: Date }[]
    >(
      `SELECT type, payload, created_at FROM attempt_event
        WHERE attempt_id = $1 AND organisation_id = $2 AND type IN ('quiz-submitted', 'debrief-reviewed')
        ORDER BY seq`,
      [attempt.id, attempt.organisationId],
    );
    const records: QuizRecords = { rounds: [], debriefReviews: [] };
    for (const e of events) {
      if (e.type === 'quiz-submitted') {
        const payload = e.payload as unknown as QuizPayload;
        records.rounds.push({ ...payload, submittedAt: new Date(e.created_at).toISOString() });
      } else {
        records.debriefReviews.push((e.payload as unknown as DebriefReviewPayload).round);
      }
    }
    return records;
  }

  /** Appends to the log; the caller holds the attempt's row lock, so seq cannot race. */
  private async appendEvent(
    manager: EntityManager,
    attempt: Attempt,
    type: AttemptEventType,
    payload: object,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO attempt_event (organisation_id, attempt_id, seq, type, payload)
       SELECT $1, $2, coalesce(max(seq) + 1, 0), $3, $4::jsonb FROM attempt_event WHERE attempt_id = $2`,
      [attempt.organisationId, attempt.id, type, JSON.stringify(payload)],
    );
  }
}

/**
 * Moves the attempt on from the position it was read at, and appends the choice's events, in one
 * statement (one round trip, atomic on its own). The UPDATE matches only while the attempt still
 * stands where it was read; its row lock orders concurrent choices on one attempt, and a loser
 * re-checks the moved row, matches nothing and inserts nothing. Event seq follows the log's last.
 * $1 attempt, $2 organisation, $3 user, $4 choices made, $5 step read; $6–$9 the new position;
 * $10/$11 the events' types and payloads, in order.
 */
const MOVE_AND_APPEND = `
  WITH moved AS (
    UPDATE attempt
       SET current_step_id = $6, choices_made = $4 + 1, scenario_outcome = $7, quiz_round = $8,
           progress_percent = $9
     WHERE id = $1 AND organisation_id = $2 AND user_id = $3 AND status = 'in-progress'
       AND choices_made = $4 AND current_step_id = $5 AND scenario_outcome IS NULL
    RETURNING id, organisation_id
  )
  INSERT INTO attempt_event (organisation_id, attempt_id, seq, type, payload)
  SELECT m.organisation_id, m.id,
         (SELECT coalesce(max(e.seq), -1) FROM attempt_event e WHERE e.attempt_id = m.id) + n.ord,
         n.type, n.payload
    FROM moved m, unnest($10::text[], $11::jsonb[]) WITH ORDINALITY AS n(type, payload, ord)
  RETURNING seq`;

interface AttemptRow {
  id: string;
  organisation_id: string;
  assignment_id: string;
  user_id: string;
  module_version_id: string;
  status: Attempt['status'];
  current_step_id: string;
  choices_made: number;
  scenario_outcome: Attempt['scenarioOutcome'];
  quiz_round: number;
  last_score: number | null;
  progress_percent: number;
  started_at: Date;
  finished_at: Date | null;
}

/** An attempt row read by hand, as the entity TypeORM's save() expects (submitQuiz saves it). */
function toAttempt(manager: EntityManager, r: AttemptRow): Attempt {
  return manager.create(Attempt, {
    id: r.id,
    organisationId: r.organisation_id,
    assignmentId: r.assignment_id,
    userId: r.user_id,
    moduleVersionId: r.module_version_id,
    status: r.status,
    currentStepId: r.current_step_id,
    choicesMade: r.choices_made,
    scenarioOutcome: r.scenario_outcome,
    quizRound: r.quiz_round,
    lastScore: r.last_score,
    progressPercent: r.progress_percent,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  });
}

function normaliseAnswers(answers: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(answers)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([q, options]) => [q, [...new Set(options)].sort()]),
  );
}

function sameAnswers(a: Record<string, string[]>, b: Record<string, string[]>): boolean {
  return JSON.stringify(normaliseAnswers(a)) === JSON.stringify(normaliseAnswers(b));
}

function isUniqueViolation(error: unknown): boolean {
  return (
    (error as { code?: string })?.code === '23505' ||
    (error as { driverError?: { code?: string } })?.driverError?.code === '23505'
  );
}
