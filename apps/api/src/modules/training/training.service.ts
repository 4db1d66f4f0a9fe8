import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { ModuleSummary, RedFlagView } from '@countersign/contracts/training';
import { builtInModules, redFlagByKey, redFlags, RED_FLAG_KEYS } from '@countersign/curriculum';
import { validateModule } from '@countersign/scenario-engine';
import { LRUCache } from 'lru-cache';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { notFound } from '../../common/domain-error.js';
import { ModuleVersion } from './module-version.entity.js';
import { TrainingModule } from './training-module.entity.js';

/** A version the learner can play, with the title of its module (titles are set at creation). */
export interface PlayableVersion {
  version: ModuleVersion;
  moduleTitle: string;
}

/**
 * Versions kept in memory per process. A built-in module's content is about 40 KB, so 2,000 entries
 * (some 330 organisations × 6 modules) stay well under 100 MB; the least recently used goes first.
 */
const VERSION_CACHE_ENTRIES = 2000;

@Injectable()
export class TrainingService {
  /**
   * Published versions never change (a trigger freezes them), so their parsed content and their
   * module's title are safe to keep. Bounded, evicting one entry at a time: a busy installation
   * never finds the cache emptied at once. Keyed by version id; the organisation is checked on read.
   */
  private readonly versionCache = new LRUCache<string, PlayableVersion>({ max: VERSION_CACHE_ENTRIES });

  constructor(
    @InjectRepository(TrainingModule) private readonly modules: Repository<TrainingModule>,
    @InjectRepository(ModuleVersion) private readonly versions: Repository<ModuleVersion>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  redFlags(): RedFlagView[] {
    return redFlags.map(toRedFlagView);
  }

  /** Catalogue entries for the given keys, in the order given, unknown keys skipped. */
  redFlagViews(keys: readonly string[]): RedFlagView[] {
    return [...new Set(keys)].flatMap((k) => {
      const flag = redFlagByKey(k);
      return flag ? [toRedFlagView(flag)] : [];
    });
  }

  async list(organisationId: string): Promise<ModuleSummary[]> {
    const rows = await this.modules
      .createQueryBuilder('m')
      .leftJoin(
        (qb) =>
          qb
            .select('DISTINCT ON (v.module_id) v.module_id', 'module_id')
            .addSelect(['v.id AS version_id', 'v.version AS version', 'v.published_at AS published_at'])
            .from(ModuleVersion, 'v')
            .where("v.status = 'published'")
            .andWhere('v.organisation_id = :organisationId')
            .orderBy('v.module_id')
            .addOrderBy('v.version', 'DESC'),
        'pv',
        'pv.module_id = m.id',
      )
      .select(['m.id AS id', 'm.slug AS slug', 'm.title AS title', 'm.summary AS summary'])
      .addSelect([
        'm.estimated_minutes AS "estimatedMinutes"',
        'pv.version_id AS "versionId"',
        'pv.version AS version',
      ])
      .addSelect('pv.published_at AS "publishedAt"')
      .where('m.organisation_id = :organisationId', { organisationId })
      .orderBy('m.sort_order')
      .addOrderBy('m.created_at')
      .addOrderBy('m.title')
      .getRawMany<{
        id: string;
        slug: string;
        title: string;
        summary: string;
        estimatedMinutes: number;
        versionId: string | null;
        version: number | null;
        publishedAt: Date | null;
      }>();
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      estimatedMinutes: r.estimatedMinutes,
      publishedVersion:
        r.versionId && r.version !== null && r.publishedAt
          ? { id: r.versionId, version: r.version, publishedAt: new Date(r.publishedAt).toISOString() }
          : null,
    }));
  }

  async getModule(organisationId: string, moduleId: string): Promise<TrainingModule> {
    const module = await this.modules.findOneBy({ id: moduleId, organisationId });
    if (!module) throw notFound('The module');
    return module;
  }

  /** The latest published version of a module, or null. */
  async latestPublished(organisationId: string, moduleId: string): Promise<ModuleVersion | null> {
    return this.versions.findOne({
      where: { organisationId, moduleId, status: 'published' },
      order: { version: 'DESC' },
    });
  }

  async getVersion(
    organisationId: string,
    versionId: string,
    manager?: EntityManager,
  ): Promise<ModuleVersion> {
    return (await this.getPlayable(organisationId, versionId, manager)).version;
  }

  /**
   * A non-draft version and its module's title, from the cache or in one query. Pass the
   * transaction's manager when calling inside a transaction: taking a second pool connection while
   * a transaction holds one is how a burst of requests can exhaust the pool and wait forever.
   */
  async getPlayable(
    organisationId: string,
    versionId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PlayableVersion> {
    const cached = this.versionCache.get(versionId);
    if (cached && cached.version.organisationId === organisationId) return cached;
    const version = await manager
      .createQueryBuilder(ModuleVersion, 'v')
      .innerJoin(TrainingModule, 'm', 'm.id = v.module_id AND m.organisation_id = v.organisation_id')
      .addSelect('m.title', 'module_title')
      .where('v.id = :versionId AND v.organisation_id = :organisationId', { versionId, organisationId })
      .getRawAndEntities();
    const entity = version.entities[0];
    const moduleTitle = (version.raw[0] as { module_title?: string } | undefined)?.module_title;
    if (!entity || moduleTitle === undefined) throw notFound('The module version');
    const playable = { version: entity, moduleTitle };
    if (entity.status !== 'draft') this.versionCache.set(entity.id, playable);
    return playable;
  }

  /**
   * Start-up upgrade: built-in modules added in a release reach every existing organisation.
   * Modules an organisation already has, edited or not, are never touched.
   */
  async installCurriculumEverywhere(): Promise<number> {
    let installed = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const orgs = await this.dataSource.query<{ id: string }[]>(
        `SELECT o.id FROM organisation o
          WHERE o.id > $2
            AND (SELECT count(*) FROM training_module m WHERE m.organisation_id = o.id AND m.built_in) < $1
          ORDER BY o.id LIMIT ${UPGRADE_BATCH}`,
        [builtInModules.length, after],
      );
      for (const org of orgs)
        installed += await this.dataSource.transaction((tx) => this.installCurriculum(org.id, tx));
      if (orgs.length < UPGRADE_BATCH) return installed;
      after = orgs.at(-1)!.id;
    }
  }

  /**
   * Loads the built-in curriculum into an organisation as published version 1 of each module.
   * Idempotent: modules the organisation already has are left alone.
   */
  async installCurriculum(
    organisationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    let installed = 0;
    for (const m of builtInModules) {
      const result = validateModule(m.content, { redFlagKeys: RED_FLAG_KEYS });
      if (!result.ok) {
        throw new Error(
          `Built-in module ${m.slug} is invalid: ${result.issues.map((i) => i.message).join('; ')}`,
        );
      }
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(TrainingModule)
        .values({
          organisationId,
          slug: m.slug,
          title: m.title,
          summary: m.summary,
          estimatedMinutes: m.estimatedMinutes,
          builtIn: true,
          sortOrder: m.order,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const moduleId = (inserted.raw as { id: string }[])[0]?.id;
      if (!moduleId) continue;
      await manager.insert(ModuleVersion, {
        organisationId,
        moduleId,
        version: 1,
        status: 'published',
        content: result.content,
        passMark: result.content.quiz.passMark,
        publishedAt: new Date(),
        publishedBy: null,
      });
      installed++;
    }
    return installed;
  }
}

/** Organisations looked at per query by installCurriculumEverywhere. */
const UPGRADE_BATCH = 500;

function toRedFlagView(f: { key: string; title: string; explanation: string; advice: string }): RedFlagView {
  return { key: f.key, title: f.title, explanation: f.explanation, advice: f.advice };
}
