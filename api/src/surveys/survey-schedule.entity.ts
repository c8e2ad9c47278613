import { Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { SurveyStage } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Booking } from '../booking/booking.entity';
import { Person } from '../people/person.entity';

export enum SurveyScheduleStatus {
  /** Waiting for its time. */
  WAITING = 'WAITING',
  /** Its time came: the invitations were made and mailed. */
  SENT = 'SENT',
  /** Its time came and no one was asked (opted out, left their agency): `note` says why. */
  SKIPPED = 'SKIPPED',
  /** A correction took the attendance away before its time. */
  CANCELLED = 'CANCELLED',
}

/**
 * One impact survey (6 or 12 months) due for one place: a due-time row swept by the survey-delivery job,
 * so it survives restarts and runs once (the sweep locks the rows it takes). A correction cancels it and a
 * later one schedules it again (the same row).
 */
@Entity({ tableName: 'survey_schedule' })
@Unique({ properties: ['booking', 'stage'] })
@Index({ name: 'survey_schedule_due_idx', properties: ['status', 'dueAt'] })
export class SurveySchedule {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Booking, { deleteRule: 'cascade' })
  booking!: Rel<Booking>;

  @Enum({ items: () => SurveyStage, nativeEnumName: 'survey_stage' })
  stage!: SurveyStage;

  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Enum({ items: () => SurveyScheduleStatus, nativeEnumName: 'survey_schedule_status' })
  status: Opt<SurveyScheduleStatus> = SurveyScheduleStatus.WAITING;

  @Property({ type: 'datetime', nullable: true })
  doneAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  note?: string | null;
}

/** A person who asked not to get impact surveys (6 and 12 months, and their line manager's); the end-of-course evaluation is still offered. */
@Entity({ tableName: 'survey_opt_out' })
export class SurveyOptOut {
  @OneToOne(() => Person, { primary: true, owner: true, deleteRule: 'cascade' })
  person!: Rel<Person>;

  @Property({ type: 'datetime' })
  optedOutAt!: Date;
}
