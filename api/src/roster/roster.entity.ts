import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Booking } from '../booking/booking.entity';
import { Session } from '../scheduling/session.entity';

/**
 * The training team's note about one attendee's place (one per booking, replaced when edited): seen by
 * coordinators and the session's trainers, never by the practitioner. The writer is kept by id with their
 * name copied (no foreign key to person, so merging people never has to touch notes).
 */
@Entity({ tableName: 'booking_note' })
@Unique({ name: 'booking_note_booking_unique', properties: ['booking'] })
export class BookingNote {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Booking, { deleteRule: 'cascade' })
  booking!: Rel<Booking>;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'uuid' })
  writtenById!: string;

  @Property({ type: 'string', length: 200 })
  writtenByName!: string;

  @Property({ type: 'datetime' })
  writtenAt!: Date;
}

/**
 * A message a coordinator sent to everyone on a session in one status (each copy is a mail in the outbox).
 * The client's idempotency key makes a repeated send (a double click, a retried request) send nothing more.
 */
@Entity({ tableName: 'session_message' })
@Unique({ name: 'session_message_idempotency_key_unique', properties: ['idempotencyKey'] })
export class SessionMessage {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Session, { deleteRule: 'cascade' })
  session!: Rel<Session>;

  @Property({ type: 'string', length: 30 })
  audience!: string;

  @Property({ type: 'string', length: 200 })
  subject!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'integer' })
  recipients!: number;

  @Property({ type: 'uuid' })
  sentById!: string;

  @Property({ type: 'string', length: 200 })
  sentByName!: string;

  @Property({ type: 'datetime' })
  sentAt!: Date;

  @Property({ type: 'string', length: 100 })
  idempotencyKey!: string;
}
