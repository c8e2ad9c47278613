import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, type Rel, type Opt } from '@mikro-orm/core';
import { AgencySector, AttendanceRule, CourseFormat, CourseStatus, Role } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { PriorityArea } from './priority-area.entity';
import { Session } from '../scheduling/session.entity';

@Entity({ tableName: 'course' })
@Check({ name: 'course_level_check', expression: 'level >= 1 AND level <= 4' })
@Check({ name: 'course_duration_check', expression: 'duration_minutes > 0' })
export class Course {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'text[]' })
  learningOutcomes: Opt<string[]> = [];

  @ManyToOne(() => PriorityArea)
  @Index()
  priorityArea!: Rel<PriorityArea>;

  @Property({ type: 'smallint' })
  level!: number;

  @Enum({ items: () => CourseFormat, nativeEnumName: 'course_format' })
  format!: CourseFormat;

  @Property({ type: 'integer' })
  durationMinutes!: number;

  /** Bookings need the line manager's approval (unless the person's agency is exempt). */
  @Property({ type: 'boolean', default: false })
  requiresApproval: Opt<boolean> = false;

  /** Audience restriction: empty lists mean open to everyone; otherwise any match allows booking. */
  @Property({ type: 'uuid[]', default: '{}' })
  audienceAgencyIds: Opt<string[]> = [];

  @Enum({ items: () => AgencySector, array: true, nativeEnumName: 'agency_sector', default: [] })
  audienceSectors: Opt<AgencySector[]> = [];

  @Enum({ items: () => Role, array: true, nativeEnumName: 'person_role', default: [] })
  audienceRoles: Opt<Role[]> = [];

  /** A course that must be attended first (for example level 2 before level 3): the registers decide. */
  @ManyToOne(() => Course, { nullable: true })
  prerequisite?: Rel<Course> | null;

  /** Cancelling later than this many working days before the start counts as a late cancellation. */
  @Property({ type: 'smallint', default: 5 })
  cancellationCutoffWorkingDays: Opt<number> = 5;

  /** How attendance of this course is decided from its parts' registers. */
  @Enum({ items: () => AttendanceRule, nativeEnumName: 'attendance_rule', default: AttendanceRule.ALL_PARTS })
  attendanceRule: Opt<AttendanceRule> = AttendanceRule.ALL_PARTS;

  /** With SHARE_OF_TIME: the least share of the scheduled time to attend, in per cent. */
  @Property({ type: 'smallint', default: 100 })
  attendanceMinimumPercent: Opt<number> = 100;

  /** "Partly attended" completes the course too (a record, a certificate, mandatory training), not only "attended". */
  @Property({ type: 'boolean', default: false })
  partlyAttendedCompletes: Opt<boolean> = false;

  /** E_LEARNING: where the learning is done (an https address); the course page links out to it instead of offering sessions. */
  @Property({ type: 'string', length: 500, nullable: true })
  learningUrl?: string | null;

  /** The e-learning provider's code for the course, matched when completions are imported from its export. */
  @Property({ type: 'string', length: 100, nullable: true })
  externalCode?: string | null;
  /** How many months a certificate for this course stays valid (null: it does not expire); copied to each certificate at issue. */
  @Property({ type: 'smallint', nullable: true })
  certificateValidMonths?: number | null;

  /** DRAFT (not in the catalogue, not bookable), PUBLISHED, or ARCHIVED (kept for history; takes no new sessions): libs/domain course-status. */
  @Enum({ items: () => CourseStatus, nativeEnumName: 'course_status', default: CourseStatus.PUBLISHED })
  status: Opt<CourseStatus> = CourseStatus.PUBLISHED;

  @OneToMany(() => Session, (s) => s.course)
  sessions = new Collection<Session>(this);

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
