import { Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { CompletionSource, CourseOutcome } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import { Booking } from '../booking/booking.entity';
import { Course } from '../catalogue/course.entity';
import { PriorityArea } from '../catalogue/priority-area.entity';
import { Session } from '../scheduling/session.entity';

/**
 * "This person completed this learning": the one fact training records, certificates and mandatory
 * training read. A session's place becomes one when its outcome completes the course (SessionCompletions,
 * as the registers decide outcomes); learning from elsewhere when a coordinator verifies it; e-learning
 * from the provider's export. What the record prints (title, level, hours, dates, agency) is copied in
 * when written, so later edits to a course or a move of agency never rewrite history. A correction that
 * takes attendance away revokes it (with when and why) rather than deleting it.
 */
@Entity({ tableName: 'training_completion' })
@Index({ name: 'training_completion_person_idx', properties: ['person', 'completedOn'] })
// learning elsewhere by level: what satisfies a requirement besides its courses (mandatory training)
@Index({
  name: 'training_completion_external_idx',
  expression: `create index "training_completion_external_idx" on "training_completion" ("level") where "source" = 'EXTERNAL'`,
})
export class TrainingCompletion {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person!: Rel<Person>;

  @Enum({ items: () => CompletionSource, nativeEnumName: 'completion_source' })
  source!: CompletionSource;

  /** The catalogue course completed (null for learning elsewhere that matches none). */
  @ManyToOne(() => Course, { nullable: true, deleteRule: 'set null' })
  @Index()
  course?: Rel<Course> | null;

  /** SESSION: the place it comes from (one completion per place). */
  @OneToOne(() => Booking, { nullable: true, owner: true, unique: true, deleteRule: 'cascade' })
  booking?: Rel<Booking> | null;

  @ManyToOne(() => Session, { nullable: true, deleteRule: 'set null' })
  @Index()
  session?: Rel<Session> | null;

  /** SESSION: ATTENDED or PARTLY_ATTENDED (where the course lets that count). */
  @Enum({ items: () => CourseOutcome, nativeEnumName: 'course_outcome', nullable: true })
  outcome?: CourseOutcome | null;

  /** The title as printed on the record (the course's title when written). */
  @Property({ type: 'string', length: 200 })
  title!: string;

  /** Who delivered it, for learning elsewhere (null: the partnership's own programme). */
  @Property({ type: 'string', length: 200, nullable: true })
  provider?: string | null;

  /** 1 to 4 (null when learning elsewhere gives none). */
  @Property({ type: 'smallint', nullable: true })
  level?: number | null;

  @ManyToOne(() => PriorityArea, { nullable: true, deleteRule: 'set null' })
  priorityArea?: Rel<PriorityArea> | null;

  /** Time spent learning, in minutes (for a session: the minutes attended). */
  @Property({ type: 'integer' })
  minutes!: number;

  /** London calendar date the learning began (YYYY-MM-DD). */
  @Property({ type: 'date' })
  startedOn!: string;

  /** London calendar date it was completed (YYYY-MM-DD): validity of mandatory training runs from here. */
  @Property({ type: 'date' })
  completedOn!: string;

  /** The agency the person was in when they did it. */
  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'set null' })
  @Index()
  agency?: Rel<Agency> | null;

  @Property({ type: 'datetime' })
  recordedAt!: Date;

  /** Set when a correction took attendance away (and cleared when another one restores it). */
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  revokedReason?: string | null;
}
