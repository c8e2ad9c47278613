import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { CheckInRequestStatus } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Person } from '../people/person.entity';
import { SessionPart } from '../scheduling/session-part.entity';

/**
 * Someone with no place on the session who checked in with the code: listed for the session's trainers,
 * who add them as a walk-in (ACCEPTED) or dismiss it. One per person and part.
 */
@Entity({ tableName: 'check_in_request' })
@Unique({ name: 'check_in_request_part_person_unique', properties: ['part', 'person'] })
export class CheckInRequest {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => SessionPart, { deleteRule: 'cascade' })
  part!: Rel<SessionPart>;

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  @Index()
  person!: Rel<Person>;

  @Enum({ items: () => CheckInRequestStatus, nativeEnumName: 'check_in_request_status', default: CheckInRequestStatus.PENDING })
  status: Opt<CheckInRequestStatus> = CheckInRequestStatus.PENDING;

  @Property({ type: 'datetime' })
  requestedAt!: Date;

  /** Who accepted or dismissed it, and when. */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  decidedBy?: Rel<Person> | null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;
}
