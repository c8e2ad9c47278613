import {
  Check,
  Collection,
  Entity,
  Enum,
  Index,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  type Rel,
  type Opt,
} from '@mikro-orm/core';
import { SessionStatus } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Course } from '../catalogue/course.entity';
import { Person } from '../people/person.entity';
import { Venue } from './venue.entity';
import { SessionPart } from './session-part.entity';

/** One dated delivery of a course (an "occasion" or "cohort"), with one or more parts. */
@Entity({ tableName: 'session' })
@Check({ name: 'session_capacity_check', expression: 'capacity >= 0' })
@Check({ name: 'session_place_check', expression: 'venue_id IS NOT NULL OR online_url IS NOT NULL' })
export class Session {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Course)
  @Index()
  course!: Rel<Course>;

  @ManyToOne(() => Venue, { nullable: true })
  venue?: Rel<Venue> | null;

  /** The room at the venue (one of the venue's rooms), if it has several. */
  @Property({ type: 'text', nullable: true })
  room?: string | null;

  /** Joining link for online sessions. */
  @Property({ type: 'text', nullable: true })
  onlineUrl?: string | null;

  @Property({ type: 'integer' })
  capacity!: number;

  @Enum({ items: () => SessionStatus, nativeEnumName: 'session_status', default: SessionStatus.SCHEDULED })
  status: Opt<SessionStatus> = SessionStatus.SCHEDULED;

  /** When the session was called off (null while it is scheduled). */
  @Property({ type: 'datetime', nullable: true })
  cancelledAt?: Date | null;

  /** Why it was called off, as told to everyone booked. */
  @Property({ type: 'text', nullable: true })
  cancellationReason?: string | null;

  /** Start of the first part: kept in step with the parts, for sorting and filtering. */
  @Property({ type: 'datetime' })
  @Index()
  startsAt!: Date;

  /** End of the last part. */
  @Property({ type: 'datetime' })
  endsAt!: Date;

  /** What people need to know to take part (what to bring, parking, how to join): in confirmations, invites and reminders. */
  @Property({ type: 'text', nullable: true })
  joiningInstructions?: string | null;

  /** Bookings are taken from this moment (null: as soon as the session is published). */
  @Property({ type: 'datetime', nullable: true })
  bookingOpensAt?: Date | null;

  /** Bookings close at this moment (null: when the session starts). */
  @Property({ type: 'datetime', nullable: true })
  bookingClosesAt?: Date | null;

  /** When a place frees, offer it to the first on the waiting list automatically (else the coordinator promotes by hand). */
  @Property({ type: 'boolean', default: true })
  autoOfferWaitlist: Opt<boolean> = true;

  @OneToMany(() => SessionPart, (p) => p.session, { orderBy: { startsAt: 'asc' } })
  parts = new Collection<SessionPart>(this);

  /** Members of the training pool who deliver this session. */
  @ManyToMany({ entity: () => Person, pivotTable: 'session_trainer', joinColumn: 'session_id', inverseJoinColumn: 'person_id' })
  trainers = new Collection<Person>(this);
}
