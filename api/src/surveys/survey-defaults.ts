import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_SURVEY_TEMPLATES } from '@lh/domain';
import { Clock } from '../common/clock';
import { SurveyTemplate, SurveyTemplateVersion } from './survey-template.entity';

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
    await this.em.fork().transactional(async (em) => {
      await em.execute(`select pg_advisory_xact_lock(hashtext('lh:survey-defaults'))`);
      const have = new Set((await em.find(SurveyTemplate, { defaultKey: { $ne: null } })).map((t) => t.defaultKey));
      for (const d of DEFAULT_SURVEY_TEMPLATES.filter((t) => !have.has(t.key))) {
        const template = em.create(SurveyTemplate, {
          name: d.name,
          stage: d.stage,
          audience: d.audience,
          defaultKey: d.key,
          createdAt: now,
        });
        em.create(SurveyTemplateVersion, { template, version: 1, mode: d.mode, questions: d.questions, createdAt: now });
      }
      await em.flush();
    });
  }
}
