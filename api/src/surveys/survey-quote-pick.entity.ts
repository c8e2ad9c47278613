import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Person } from '../people/person.entity';
import { SurveyResponse } from './survey-response.entity';

/** A free-text answer a coordinator picked for the annual report (by response and answer, never by person). */
@Entity({ tableName: 'survey_quote_pick' })
@Unique({ name: 'survey_quote_pick_answer_unique', properties: ['response', 'answerKey'] })
export class SurveyQuotePick {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => SurveyResponse, { deleteRule: 'cascade' })
  response!: Rel<SurveyResponse>;

  /** The question's id and the outcome's index, "questionId:index" ("questionId:" when not per outcome). */
  @Property({ type: 'string', length: 80 })
  answerKey!: string;

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  pickedBy!: Rel<Person>;

  @Property({ type: 'datetime' })
  pickedAt!: Date;
}
