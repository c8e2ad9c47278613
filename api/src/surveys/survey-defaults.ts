import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_SURVEY_TEMPLATES } from '@lh/domain';
import { Clock } from '../common/clock';
import { SurveyTemplate, SurveyTemplateVersion } from './survey-template.entity';

/**
 * Makes the default templates that are missing (by key) in `em`'s transaction, and answers the latest version
 * of every default by its key. Shared by start-up (SurveyDefaults) and the demo seed, which runs before the app.
 */
export async function ensureDefaultSurveyTemplates(em: EntityManager, now: Date): Promise<Map<string, SurveyTemplateVersion>> {
  await em.execute(`select pg_advisory_xact_lock(hashtext('lh:survey-defaults'))`);
  const have = await em.find(
    SurveyTemplateVersion,
    { template: { defaultKey: { $ne: null } } },
    { populate: ['template'], orderBy: { version: 'desc' } },
  );
  const versions = new Map<string, SurveyTemplateVersion>();
  for (const v of have) {
    if (!versions.has(v.template.defaultKey!)) {
      versions.set(v.template.defaultKey!, v);
    }
  }
  const keys = new Set(versions.keys());
  for (const d of DEFAULT_SURVEY_TEMPLATES.filter((t) => !keys.has(t.key))) {
    const template = em.create(SurveyTemplate, {
      name: d.name,
      stage: d.stage,
      audience: d.audience,
      defaultKey: d.key,
      createdAt: now,
    });
    versions.set(d.key, em.create(SurveyTemplateVersion, { template, version: 1, mode: d.mode, questions: d.questions, createdAt: now }));
  }
  await em.flush();
  return versions;
}

/**
 * The default templates for safeguarding training, made at start-up when missing (by key, so each is
 * made once and a coordinator's edits to it are kept). Runs in every app start, tests included.
 */
@Injectable()
export class SurveyDefaults implements OnApplicationBootstrap {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
  }

  async ensure(): Promise<void> {
    const now = this.clock.now();
    await this.em.fork().transactional((em) => ensureDefaultSurveyTemplates(em, now));
  }
}
