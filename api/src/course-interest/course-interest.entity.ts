import { Entity, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Course } from '../catalogue/course.entity';
import { Person } from '../people/person.entity';

/**
 * "Tell me when new dates are added": one person's request about one course that had no date they could
 * book. Open while neither `notifiedAt` nor `stoppedAt` is set; at most one open request per person and
 * course (a partial unique index). Ended requests stay as history: told at `notifiedAt`, or stopped.
 */
@Entity({ tableName: 'course_interest' })
@Index({
  name: 'course_interest_one_open_per_person_course',
  expression: `create unique index "course_interest_one_open_per_person_course" on "course_interest" ("person_id", "course_id") where "notified_at" is null and "stopped_at" is null`,
})
@Index({ name: 'course_interest_course_idx', properties: ['course'] })
export class CourseInterest {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  @Index()
  person!: Rel<Person>;

  @ManyToOne(() => Course, { deleteRule: 'cascade' })
  course!: Rel<Course>;

  @Property({ type: 'datetime' })
  askedAt!: Date;

  /** When the mail naming the new dates was queued: the request ended there. */
  @Property({ type: 'datetime', nullable: true })
  notifiedAt?: Date | null;

  /** When the person said to stop telling them. */
  @Property({ type: 'datetime', nullable: true })
  stoppedAt?: Date | null;
}
