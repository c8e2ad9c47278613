import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Booking } from '../booking/booking.entity';

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
