import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { AgencySector, SurveyAudience, SurveyStage, type StoredAnswer } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Booking } from '../booking/booking.entity';
import { Course } from '../catalogue/course.entity';
import { Person } from '../people/person.entity';
import { Session } from '../scheduling/session.entity';
import { SurveyInvitation } from './survey-invitation.entity';
import { SurveyTemplateVersion } from './survey-template.entity';

/**
 * A submitted survey and its answers, with the version answered. Anonymous: only the course, the
 * session's month and the agency's sector (no person, invitation, session, booking or time of day). Identified:
 * linked to its invitation, person, session and booking, so later stages pair with the end-of-course answers.
 */
@Entity({ tableName: 'survey_response' })
@Check({
  name: 'survey_response_anonymity_check',
  expression:
    '(identified and invitation_id is not null and person_id is not null and session_id is not null and booking_id is not null) or (not identified and invitation_id is null and person_id is null and session_id is null and booking_id is null)',
})
export class SurveyResponse {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => SurveyTemplateVersion)
  @Index()
  templateVersion!: Rel<SurveyTemplateVersion>;

  @Enum({ items: () => SurveyStage, nativeEnumName: 'survey_stage' })
  stage!: SurveyStage;

  @Enum({ items: () => SurveyAudience, nativeEnumName: 'survey_audience' })
  audience!: SurveyAudience;

  @ManyToOne(() => Course, { deleteRule: 'cascade' })
  @Index()
  course!: Rel<Course>;

  /** The London month the session started in, YYYY-MM: what results and reports choose responses by. */
  @Property({ type: 'string', length: 7 })
  @Index()
  sessionMonth!: string;

  @Enum({ items: () => AgencySector, nativeEnumName: 'agency_sector', nullable: true })
  agencySector?: AgencySector | null;

  @Property({ type: 'boolean' })
  identified!: boolean;

  /** Identified mode only. */
  @ManyToOne(() => SurveyInvitation, { nullable: true, unique: 'survey_response_invitation_unique', deleteRule: 'cascade' })
  invitation?: Rel<SurveyInvitation> | null;

  /** Identified mode only: the invitation's session and booking, so results read them without the invitation. */
  @ManyToOne(() => Session, { nullable: true, deleteRule: 'cascade' })
  @Index()
  session?: Rel<Session> | null;

  /** Identified mode only. */
  @ManyToOne(() => Booking, { nullable: true, deleteRule: 'cascade' })
  booking?: Rel<Booking> | null;

  /** Identified mode only. */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'cascade' })
  @Index()
  person?: Rel<Person> | null;

  /** Identified mode: when it was submitted; anonymous: null (the month is enough for reports). */
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;

  /** The London month it was submitted in, YYYY-MM. */
  @Property({ type: 'string', length: 7 })
  submittedMonth!: string;

  @Property({ type: 'jsonb' })
  answers!: StoredAnswer[];
}
