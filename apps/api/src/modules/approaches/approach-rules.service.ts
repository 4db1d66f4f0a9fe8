import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkApproach,
  DEFAULT_CORPUS,
  DEFAULT_RULES,
  evaluateCorpus,
  HOLDOUT_MESSAGES,
  ruleSetSchema,
  type CheckResult,
  type CorpusEvaluation,
  type ParsedCheckInput,
  type RuleSet,
} from '@countersign/approach-checker';
import type { ApproachRulesView } from '@countersign/contracts/approaches';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthContext } from '../../common/auth-context.js';
import { AuditService } from '../audit/audit.service.js';

export type RulesView = ApproachRulesView<RuleSet, CorpusEvaluation>;

export interface CurrentRules {
  rules: RuleSet;
  isDefault: boolean;
  updatedAt: Date | null;
  updatedBy: { id: string; name: string } | null;
}

/**
 * Each organisation's checker rules: its own saved rule set, or DEFAULT_RULES. Parsed rule sets
 * are kept per organisation until the row changes, so the engine's compiled-rules cache (keyed
 * by the rule-set object) is hit on every check; corpus evaluations are cached the same way.
 */
@Injectable()
export class ApproachRulesService {
  private readonly logger = new Logger(ApproachRulesService.name);
  private readonly parsed = new Map<string, { stamp: string; rules: RuleSet }>();
  private readonly evaluations = new WeakMap<
    RuleSet,
    { corpus: CorpusEvaluation; holdout: CorpusEvaluation }
  >();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async current(
    organisationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CurrentRules> {
    const [row] = await manager.query<
      {
        rules: unknown;
        updated_at: Date;
        stamp: string;
        updated_by: string | null;
        updated_by_name: string | null;
      }[]
    >(
      `SELECT s.rules, s.updated_at, s.updated_at::text || ':' || s.xmin::text AS stamp,
              s.updated_by, u.name AS updated_by_name
         FROM approach_rule_set s LEFT JOIN app_user u ON u.id = s.updated_by
        WHERE s.organisation_id = $1`,
      [organisationId],
    );
    if (!row) return { rules: DEFAULT_RULES, isDefault: true, updatedAt: null, updatedBy: null };
    const rules = this.parse(organisationId, row.stamp, row.rules);
    if (!rules) return { rules: DEFAULT_RULES, isDefault: true, updatedAt: null, updatedBy: null };
    return {
      rules,
      isDefault: false,
      updatedAt: row.updated_at,
      updatedBy:
        row.updated_by && row.updated_by_name ? { id: row.updated_by, name: row.updated_by_name } : null,
    };
  }

  /** Runs the checker with the organisation's rules. Stores nothing. */
  async check(organisationId: string, input: ParsedCheckInput): Promise<CheckResult> {
    const { rules } = await this.current(organisationId);
    return checkApproach(input, rules);
  }

  async view(organisationId: string): Promise<RulesView> {
    return this.toView(await this.current(organisationId));
  }

  /** Saves the organisation's rules (already validated by ruleSetSchema) and records who did. */
  async save(auth: AuthContext, rules: RuleSet): Promise<RulesView> {
    await this.dataSource.transaction(async (tx) => {
      const before = await this.current(auth.organisationId, tx);
      await tx.query(
        `INSERT INTO approach_rule_set (organisation_id, rules, updated_at, updated_by)
         VALUES ($1, $2::jsonb, now(), $3)
         ON CONFLICT (organisation_id) DO UPDATE
           SET rules = EXCLUDED.rules, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
        [auth.organisationId, JSON.stringify(rules), auth.userId],
      );
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'rules.updated',
        subjectType: 'approach_rules',
        subjectId: auth.organisationId,
        details: {
          reset: false,
          version: rules.version,
          previousVersion: before.rules.version,
          wasDefault: before.isDefault,
          answerRules: rules.answerRules.length,
          textRules: rules.textRules.length,
          before: before.rules,
          after: rules,
        },
      });
    });
    return this.view(auth.organisationId);
  }

  /** Back to DEFAULT_RULES. Recorded only when the organisation had rules of its own. */
  async reset(auth: AuthContext): Promise<RulesView> {
    await this.dataSource.transaction(async (tx) => {
      const before = await this.current(auth.organisationId, tx);
      const [, deleted] = await tx.query<[unknown[], number]>(
        `DELETE FROM approach_rule_set WHERE organisation_id = $1`,
        [auth.organisationId],
      );
      if (!deleted) return;
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'rules.updated',
        subjectType: 'approach_rules',
        subjectId: auth.organisationId,
        details: {
          reset: true,
          version: DEFAULT_RULES.version,
          previousVersion: before.rules.version,
          before: before.rules,
          after: DEFAULT_RULES,
        },
      });
    });
    return this.view(auth.organisationId);
  }

  private toView(current: CurrentRules): RulesView {
    // Both measured by the engine, never written down: the corpus the rules were tuned on, and
    // the held-out messages they were not (the figure to expect on unseen wording).
    let measured = this.evaluations.get(current.rules);
    if (!measured) {
      measured = {
        corpus: evaluateCorpus(current.rules, DEFAULT_CORPUS),
        holdout: evaluateCorpus(current.rules, HOLDOUT_MESSAGES),
      };
      this.evaluations.set(current.rules, measured);
    }
    return {
      rules: current.rules,
      isDefault: current.isDefault,
      updatedAt: current.updatedAt ? new Date(current.updatedAt).toISOString() : null,
      updatedBy: current.updatedBy,
      evaluation: measured.corpus,
      holdout: measured.holdout,
    };
  }

  /**
   * A stored rule set that no longer passes the schema (say, after an upgrade retired a question)
   * must not stop employees from checking: the defaults apply and the problem is logged.
   */
  private parse(organisationId: string, stamp: string, raw: unknown): RuleSet | null {
    const cached = this.parsed.get(organisationId);
    if (cached?.stamp === stamp) return cached.rules;
    const result = ruleSetSchema.safeParse(raw);
    if (!result.success) {
      this.logger.warn(
        `Stored approach rules of organisation ${organisationId} are invalid; using the defaults: ${result.error.issues
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`,
      );
      return null;
    }
    this.parsed.set(organisationId, { stamp, rules: result.data });
    return result.data;
  }
}
