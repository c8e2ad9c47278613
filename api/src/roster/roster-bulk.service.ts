import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BookingStatus, DomainError, ErrorCode, MAX_PASTED_EMAILS, parseEmailList } from '@lh/domain';
import { requireCoordinator } from '../common/access';
import type { Viewer } from '../common/viewer';
import { Booking } from '../booking/booking.entity';
import { SessionBookingsService } from '../booking/session-bookings.service';
import { Person } from '../people/person.entity';
import { Session } from '../scheduling/session.entity';
import {
  AddPersonOutcome,
  type AddPeopleToSessionInput,
  type AddPersonResultType,
  type MoveBookingResultType,
  type MoveBookingsInput,
} from './roster.types';

/**
 * The roster's bulk actions: add several people from a pasted list of emails, and move a chosen set of
 * people to another date of the same course. Each person goes through the one path a coordinator uses for
 * one person (`SessionBookingsService.addPerson` / `moveBooking`: the same rules, history, mails and
 * invites), in a transaction of its own: a row that cannot succeed is reported and changes nothing, the
 * others are applied.
 */
@Injectable()
export class RosterBulkService {
  constructor(
    private readonly em: EntityManager,
    private readonly sessions: SessionBookingsService,
  ) {}

  async addPeople(viewer: Viewer, input: AddPeopleToSessionInput): Promise<AddPersonResultType[]> {
    requireCoordinator(viewer);
    const lines = parseEmailList(input.emails);
    if (!lines.length) {
      throw fieldError('emails', 'Enter at least one email address');
    }
    if (lines.length > MAX_PASTED_EMAILS) {
      throw fieldError('emails', `Enter at most ${MAX_PASTED_EMAILS} email addresses at once (you entered ${lines.length})`);
    }
    if (!(await this.em.fork().findOne(Session, input.sessionId, { fields: ['id'] }))) {
      throw new DomainError(ErrorCode.NotFound, 'There is no session with that id.');
    }
    const results: AddPersonResultType[] = [];
    for (const l of lines) {
      const base = { line: l.line, email: l.email, bookingId: null };
      if (!l.email) {
        results.push({ ...base, outcome: AddPersonOutcome.NOT_AN_EMAIL, message: `${l.problem}.` });
        continue;
      }
      const person = await this.em.fork().findOne(Person, { email: l.email }, { fields: ['id', 'name'] });
      if (!person) {
        results.push({
          ...base,
          outcome: AddPersonOutcome.NO_ACCOUNT,
          message: `Nobody with the email address ${l.email} has an account.`,
        });
        continue;
      }
      try {
        const booking = await this.sessions.addPerson(viewer, { sessionId: input.sessionId, personEmail: l.email, reason: input.reason });
        const waiting = booking.status === BookingStatus.WAITLISTED;
        results.push({
          ...base,
          bookingId: booking.id,
          outcome: waiting ? AddPersonOutcome.WAITLISTED : AddPersonOutcome.BOOKED,
          message: waiting ? `${person.name} is on the waiting list: the session is full.` : `${person.name} is booked.`,
        });
      } catch (e) {
        if (!(e instanceof DomainError)) {
          throw e;
        }
        const outcome = e.code === ErrorCode.AlreadyBooked ? AddPersonOutcome.ALREADY_BOOKED : AddPersonOutcome.NOT_ALLOWED;
        results.push({ ...base, outcome, message: e.message });
      }
    }
    return results;
  }

  async moveBookings(viewer: Viewer, input: MoveBookingsInput): Promise<MoveBookingResultType[]> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const [from, to] = await Promise.all([
      em.findOne(Session, input.fromSessionId, { populate: ['course'] }),
      em.findOne(Session, input.toSessionId, { populate: ['course'] }),
    ]);
    if (!from) {
      throw new DomainError(ErrorCode.NotFound, 'There is no session with that id.');
    }
    if (!to || to.id === from.id || to.course.id !== from.course.id) {
      throw fieldError('toSessionId', 'Choose another date of the same course to move them to');
    }
    const ids = [...new Set(input.bookingIds)];
    const bookings = new Map((await em.find(Booking, { id: { $in: ids } }, { populate: ['person'] })).map((b) => [b.id, b] as const));
    const results: MoveBookingResultType[] = [];
    for (const id of ids) {
      const b = bookings.get(id);
      if (!b || b.session.id !== from.id) {
        results.push({
          bookingId: id,
          personName: b?.person.name ?? 'Unknown',
          moved: false,
          message: 'This booking is not on this session.',
        });
        continue;
      }
      try {
        await this.sessions.moveBooking(viewer, id, to.id, input.reason);
        results.push({ bookingId: id, personName: b.person.name, moved: true, message: `${b.person.name} was moved.` });
      } catch (e) {
        if (!(e instanceof DomainError)) {
          throw e;
        }
        results.push({ bookingId: id, personName: b.person.name, moved: false, message: e.message });
      }
    }
    return results;
  }
}

function fieldError(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.BadUserInput, `${message}.`, [{ field: `input.${field}`, message }]);
}
