import { Entity, ManyToOne, OneToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { Course } from '../catalogue/course.entity';
import { SurveyTemplate } from './survey-template.entity';

/**
 * A course's choice of survey templates per stage (null: the default of that stage) and whether its
 * attendees' line managers are asked too. A course with no row uses the defaults and asks no managers.
 */
@Entity({ tableName: 'course_survey_settings' })
export class CourseSurveySettings {
  @OneToOne(() => Course, { primary: true, owner: true, deleteRule: 'cascade' })
  course!: Rel<Course>;

  @ManyToOne(() => SurveyTemplate, { nullable: true, deleteRule: 'set null' })
  endOfCourse?: Rel<SurveyTemplate> | null;

  @ManyToOne(() => SurveyTemplate, { nullable: true, deleteRule: 'set null' })
  sixMonths?: Rel<SurveyTemplate> | null;

  @ManyToOne(() => SurveyTemplate, { nullable: true, deleteRule: 'set null' })
  twelveMonths?: Rel<SurveyTemplate> | null;

  @ManyToOne(() => SurveyTemplate, { nullable: true, deleteRule: 'set null' })
  sixMonthsManager?: Rel<SurveyTemplate> | null;

  @ManyToOne(() => SurveyTemplate, { nullable: true, deleteRule: 'set null' })
  twelveMonthsManager?: Rel<SurveyTemplate> | null;

  @Property({ type: 'boolean', default: false })
  sendManagerSurveys: Opt<boolean> = false;
}
