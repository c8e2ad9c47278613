import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BookingStatus, registerCounts, type RegisterCounts } from '@lh/domain';
import { Booking } from '../booking/booking.entity';
import { sessionTimesAndPlace } from '../catalogue/session-mapping';
import { AttendanceRepository, markKey, type CurrentMark } from './attendance.repository';
import type { RegisterAccess, RegisterContext } from './register-access';
import type { RegisterCountsType, RegisterEntryType, RegisterType } from './registers.types';

export function countsType(c: RegisterCounts): RegisterCountsType {
  return {
    present: c.PRESENT,
    late: c.LATE,
    leftEarly: c.LEFT_EARLY,
    absentWithApology: c.ABSENT_WITH_APOLOGY,
    didNotAttend: c.DID_NOT_ATTEND,
    notMarked: c.NOT_MARKED,
  };
}

export function entryType(booking: Booking, mark: CurrentMark | undefined): RegisterEntryType {
  return {
    bookingId: booking.id,
    personId: booking.person.id,
    name: booking.person.name,
    email: booking.person.email,
    agencyName: booking.agency?.name ?? booking.person.agency?.name ?? null,
    walkIn: booking.walkIn,
    accessNeeds: booking.accessNeeds ?? null,
    dietaryNeeds: booking.dietaryNeeds ?? null,
    mark: mark?.mark ?? null,
    minutes: mark?.minutes ?? null,
    note: mark?.note ?? null,
    eventId: mark?.eventId ?? null,
    markedAt: mark?.at ?? null,
    markedByName: mark?.actorName ?? null,
    source: mark?.source ?? null,
  };
}

/** Reads a register: everyone with a confirmed place on the session and their current mark on the part. */
@Injectable()
export class RegisterView {
  constructor(private readonly repo: AttendanceRepository) {}

  /** The confirmed places on the context's session, by name, with person and agency. */
  confirmedBookings(em: EntityManager, ctx: RegisterContext, ids?: string[]): Promise<Booking[]> {
    return em.find(
      Booking,
      { session: ctx.session.id, status: BookingStatus.CONFIRMED, ...(ids ? { id: { $in: ids } } : {}) },
      { populate: ['person.agency', 'agency'], orderBy: { person: { name: 'asc' }, id: 'asc' } },
    );
  }

  async build(em: EntityManager, ctx: RegisterContext, access: RegisterAccess): Promise<RegisterType> {
    const bookings = await this.confirmedBookings(em, ctx);
    const marks = await this.repo.currentMarks(em, [ctx.part.id]);
    const entries = bookings.map((b) => entryType(b, marks.get(markKey(b.id, ctx.part.id))));
    const refusal = access.markRefusal(ctx);
    const { venue, room } = sessionTimesAndPlace(ctx.session);
    return {
      partId: ctx.part.id,
      partNumber: ctx.partNumber,
      partCount: ctx.partCount,
      sessionId: ctx.session.id,
      courseTitle: ctx.session.course.title,
      venue,
      room,
      startsAt: ctx.part.startsAt,
      endsAt: ctx.part.endsAt,
      opensAt: ctx.window.opensAt,
      closesAt: ctx.window.closesAt,
      windowState: ctx.state,
      canMark: refusal === null,
      cannotMarkReason: refusal?.message ?? null,
      changesNeedReason: ctx.asCoordinator && access.isCorrection(ctx),
      signOff: ctx.signOff
        ? { signedByName: ctx.signOff.signedByName, signedAt: ctx.signOff.signedAt, counts: countsType(ctx.signOff.counts) }
        : null,
      counts: countsType(registerCounts(entries.map((e) => e.mark))),
      entries,
    };
  }
}
