import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { SurveyAudience, SurveyMode, SurveyStage, type SurveyQuestion } from '@lh/domain';
import { randomUUID } from 'node:crypto';

/** A survey template a coordinator builds (or a default made at start-up): its stage and audience never change. */
@Entity({ tableName: 'survey_template' })
export class SurveyTemplate {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => SurveyStage, nativeEnumName: 'survey_stage' })
  stage!: SurveyStage;

  @Enum({ items: () => SurveyAudience, nativeEnumName: 'survey_audience' })
  audience!: SurveyAudience;

  /** Set on the defaults for safeguarding training (made once, by this key); null for coordinators' own. */
  @Property({ type: 'string', length: 80, nullable: true, unique: 'survey_template_default_key_unique' })
  defaultKey?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/**
 * One version of a template's questions and anonymity. A version that has been sent is never changed:
 * editing it makes the next version, and every invitation and response keeps the version it used.
 */
@Entity({ tableName: 'survey_template_version' })
@Unique({ name: 'survey_template_version_unique', properties: ['template', 'version'] })
export class SurveyTemplateVersion {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => SurveyTemplate, { deleteRule: 'cascade' })
  @Index()
  template!: Rel<SurveyTemplate>;

  @Property({ type: 'integer' })
  version!: number;

  @Enum({ items: () => SurveyMode, nativeEnumName: 'survey_mode' })
  mode!: SurveyMode;

  @Property({ type: 'jsonb' })
  questions!: SurveyQuestion[];

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
