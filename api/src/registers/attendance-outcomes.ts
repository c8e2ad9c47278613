import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BookingStatus, CourseOutcome, courseOutcome, partMinutes, type PartMark } from '@lh/domain';
import { Booking } from '../booking/booking.entity';
import type { Session } from '../scheduling/session.entity';
import { NonAttendanceCharges, type OutcomeCause } from '../non-attendance/non-attendance-charges';
import { AttendanceOutcome } from './attendance-outcome.entity';
import { AttendanceRepository, markKey } from './attendance.repository';
import { SessionCompletions } from '../records/session-completions';
import { Certificates } from '../certificates/certificates';
import { SurveyDelivery } from '../surveys/survey-delivery.service';

/** One place whose outcome was written, with what it was before (null when it had none). */
export interface DecidedOutcome {
  booking: Booking;
  outcome: CourseOutcome;
  previous: CourseOutcome | null;
  minutesAttended: number;
}

/**
 * Writes the outcome of every place on a session once all its registers are signed off, and again after
 * a correction: confirmed places from their marks and the course's rule, places cancelled after the
 * cut-off as LATE_CANCELLATION. Runs in the transaction that signed off or corrected, and in it hands
 * the outcomes it wrote to NonAttendanceCharges (charges, voids, the did-not-attend mail) and to
 * SessionCompletions (training records: completions, and what follows from them: surveys).
 */
@Injectable()
export class AttendanceOutcomes {
  constructor(
    private readonly repo: AttendanceRepository,
    private readonly nonAttendance: NonAttendanceCharges,
    private readonly completions: SessionCompletions,
    private readonly certificates: Certificates,
    private readonly surveys: SurveyDelivery,
  ) {}

  /**
   * Decides the session's outcomes when every part is signed off; returns those written (none before that).
   * `cause`: who changed the register, and why (a correction's reason), kept with any charge it voids.
   */
  async decide(em: EntityManager, session: Session, now: Date, cause?: OutcomeCause): Promise<DecidedOutcome[]> {
    const parts = session.parts.getItems();
    // Sign-offs of different parts hold different part locks: one session's outcomes are decided one transaction at a
    // time, each counting the sign-offs after the one before it committed (else two last sign-offs at once could each
    // count the other's as missing, and neither decide). Taken last, after the part locks, so it never waits in a cycle.
    await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`outcomes:${session.id}`]);
    if ((await this.repo.signedOffParts(em, session.id)) < parts.length) {
      return [];
    }
    const bookings = await em.find(
      Booking,
      { session: session.id, $or: [{ status: BookingStatus.CONFIRMED }, { status: BookingStatus.CANCELLED, lateCancellation: true }] },
      { populate: ['person', 'agency'] },
    );
    const marks = await this.repo.currentMarks(
      em,
      parts.map((p) => p.id),
      bookings.map((b) => b.id),
    );
    const existing = new Map(
      (await em.find(AttendanceOutcome, { session: session.id }, { populate: ['booking'] })).map((o) => [o.booking.id, o]),
    );
    const decided: DecidedOutcome[] = [];
    for (const booking of bookings) {
      const partMarks: PartMark[] = parts.map((part) => {
        const m = marks.get(markKey(booking.id, part.id));
        return { part, mark: m?.mark ?? null, minutes: m?.minutes ?? null };
      });
      const result =
        booking.status === BookingStatus.CANCELLED
          ? {
              outcome: CourseOutcome.LATE_CANCELLATION,
              minutesAttended: 0,
              minutesScheduled: partMarks.reduce((n, m) => n + partMinutes(m.part), 0),
            }
          : courseOutcome(partMarks, session.course);
      const row = existing.get(booking.id);
      if (row && row.outcome === result.outcome && row.minutesAttended === result.minutesAttended) {
        continue;
      }
      decided.push({ booking, outcome: result.outcome, previous: row?.outcome ?? null, minutesAttended: result.minutesAttended });
      if (row) {
        row.outcome = result.outcome;
        row.minutesAttended = result.minutesAttended;
        row.minutesScheduled = result.minutesScheduled;
        row.decidedAt = now;
      } else {
        em.persist(
          em.create(AttendanceOutcome, {
            booking,
            session,
            person: booking.person,
            agency: booking.agency ?? null,
            outcome: result.outcome,
            minutesAttended: result.minutesAttended,
            minutesScheduled: result.minutesScheduled,
            decidedAt: now,
          }),
        );
      }
    }
    await em.flush();
    await this.nonAttendance.outcomesDecided(em, session, decided, now, cause);
    const changes = await this.completions.outcomesDecided(em, session, decided, now, cause);
    await this.certificates.completionsChanged(em, changes, now, cause);
    await this.surveys.completionsChanged(em, changes, now);
    return decided;
  }
}
