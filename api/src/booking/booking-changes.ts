import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { BookingAction, BookingStatus } from '@lh/domain';
import { Person } from '../people/person.entity';
import type { Viewer } from '../common/viewer';
import type { Booking } from './booking.entity';
import { BookingEvent } from './booking-event.entity';
import { BookingMailer, type ChangeContext } from './booking-mailer';

/** One change to a booking, as its history records it. */
export interface BookingChange {
  action: BookingAction;
  /** The status before (null for a new booking); the status after is the booking's own. */
  from: BookingStatus | null;
  /** Who did it: a person, or null for the system or a manager acting through a link. */
  actor: Person | null;
  /** The address that acted through a signed link, when nobody signed in did. */
  actorEmail?: string | null;
  reason?: string | null;
  at: Date;
}

/**
 * Every change to a booking goes through `changed`, inside the transaction that makes it: the change
 * is appended to the booking's history (who, when, what, why) and the mail that goes with it is
 * written to the outbox in that same transaction, so neither exists if the change rolls back.
 */
@Injectable()
export class BookingChanges {
  constructor(private readonly mailer: BookingMailer) {}

  /** The person a viewer acts as, for the history. */
  actor(em: EntityManager, viewer: Viewer): Person {
    return em.getReference(Person, viewer.id);
  }

  async changed(em: EntityManager, booking: Booking, change: BookingChange, ctx: ChangeContext = {}): Promise<void> {
    this.record(em, booking, change);
    if (!ctx.silent) {
      await this.mailer.statusChanged(em, booking, change.from, { reason: change.reason ?? null, at: change.at, ...ctx });
    }
    // the booking, its history and its mails in one flush; written before the caller reads counts again
    await em.flush();
  }

  /** Appends to the history only (the caller sends its own mail). */
  record(em: EntityManager, booking: Booking, change: BookingChange): void {
    em.create(BookingEvent, {
      booking,
      actor: change.actor,
      actorEmail: change.actorEmail ?? null,
      action: change.action,
      fromStatus: change.from,
      toStatus: booking.status,
      reason: change.reason ?? null,
      at: change.at,
    });
  }
}
