import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import { SurveyAudience, SurveyInvitationStatus, SurveyStage, type StoredAnswer } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Booking } from '../booking/booking.entity';
import { Person } from '../people/person.entity';
import { Session } from '../scheduling/session.entity';
import { SurveyTemplateVersion } from './survey-template.entity';

/**
 * Who is asked to answer one survey (an attendee, or their line manager by email) about one place, at
 * one stage, with the template version sent. Used for links, reminders and response rates. In
 * anonymous mode it only records that it was answered: the response is stored apart, with no link back.
 */
@Entity({ tableName: 'survey_invitation' })
@Index({ name: 'survey_invitation_due_idx', properties: ['status', 'nextReminderAt'] })
@Index({
  name: 'survey_invitation_one_live',
  expression: `create unique index "survey_invitation_one_live" on "survey_invitation" ("booking_id", "stage", "audience") where "status" <> 'WITHDRAWN'`,
})
export class SurveyInvitation {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Booking, { deleteRule: 'cascade' })
  booking!: Rel<Booking>;

  @ManyToOne(() => Session, { deleteRule: 'cascade' })
  @Index()
  session!: Rel<Session>;

  @Enum({ items: () => SurveyStage, nativeEnumName: 'survey_stage' })
  stage!: SurveyStage;

  @Enum({ items: () => SurveyAudience, nativeEnumName: 'survey_audience' })
  audience!: SurveyAudience;

  /** The attendee asked (also set on a line manager's invitation: whose practice it is about). */
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  @Index()
  person!: Rel<Person>;

  /** A line manager's invitation goes to this address; null for the attendee's own. */
  @Property({ type: 'string', length: 320, nullable: true })
  managerEmail?: string | null;

  @ManyToOne(() => SurveyTemplateVersion)
  @Index()
  templateVersion!: Rel<SurveyTemplateVersion>;

  @Enum({ items: () => SurveyInvitationStatus, nativeEnumName: 'survey_invitation_status' })
  status: Opt<SurveyInvitationStatus> = SurveyInvitationStatus.OPEN;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  /** For delivery: reminders sent so far, when the last went and when the next is due. */
  @Property({ type: 'smallint', default: 0 })
  reminderCount: Opt<number> = 0;

  @Property({ type: 'datetime', nullable: true })
  lastRemindedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  nextReminderAt?: Date | null;

  /** When it was answered: only in identified mode (an anonymous answer's time could be matched to its response). */
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  withdrawnAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  withdrawnReason?: string | null;

  /** Answers saved but not submitted; moved into the response and cleared on submission. */
  @Property({ type: 'jsonb', nullable: true })
  draft?: StoredAnswer[] | null;

  @Property({ type: 'datetime', nullable: true })
  draftSavedAt?: Date | null;

  /** The attendee's own end-of-course action plan, copied when invited, for an action-plan review question. */
  @Property({ type: 'text', nullable: true })
  actionPlanText?: string | null;
}
