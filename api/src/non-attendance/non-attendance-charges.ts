import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ChargeStatus, CourseOutcome, chargeFor, courseOutcomeLabels, isChargedOutcome, sessionDays } from '@lh/domain';
import type { Viewer } from '../common/viewer';
import { Person } from '../people/person.entity';
import type { Booking } from '../booking/booking.entity';
import type { Session } from '../scheduling/session.entity';
import { NonAttendanceCharge } from './non-attendance-charge.entity';
import { NonAttendanceMailer } from './non-attendance-mailer';
import { NonAttendanceRepository } from './non-attendance.repository';

/** One outcome just written, with the one it replaced (null when it is the first). */
export interface OutcomeChange {
  booking: Booking;
  outcome: CourseOutcome;
  previous: CourseOutcome | null;
}

/** Who changed the register that led to new outcomes, and why (a coordinator's correction). */
export interface OutcomeCause {
  viewer: Viewer;
  reason: string | null;
}

/**
 * What follows from outcomes once they are decided, in the transaction that decided them: a charge
 * under the policy at that moment for a charged outcome (a non-attendance, a late cancellation), the
 * charge voided (kept, with why) when a correction turns it into something not charged, and the mail
 * to a person who did not attend. Called by AttendanceOutcomes.decide, the one place outcomes change.
 */
@Injectable()
export class NonAttendanceCharges {
  constructor(
    private readonly repo: NonAttendanceRepository,
    private readonly mailer: NonAttendanceMailer,
  ) {}

  /** `session` with course, parts and venue; each booking with person and agency. */
  async outcomesDecided(
    em: EntityManager,
    session: Session,
    changes: readonly OutcomeChange[],
    now: Date,
    cause?: OutcomeCause,
  ): Promise<void> {
    if (!changes.length) {
      return;
    }
    const days = sessionDays(session.parts.getItems()).length;
    const rates = await this.repo.rates(em);
    const live = new Map(
      (
        await em.find(NonAttendanceCharge, {
          booking: { $in: changes.map((c) => c.booking.id) },
          status: { $ne: ChargeStatus.VOID },
        })
      ).map((c) => [c.booking.id, c]),
    );
    for (const { booking, outcome, previous } of changes) {
      let charge = live.get(booking.id) ?? null;
      if (isChargedOutcome(outcome)) {
        if (!charge) {
          charge = this.charge(em, booking, session, outcome, chargeFor({ outcome, agency: booking.agency ?? null, rates, days }), now);
        }
      } else if (charge?.status === ChargeStatus.CHARGED) {
        this.voidCharge(em, charge, outcome, now, cause);
      }
      if (outcome === CourseOutcome.DID_NOT_ATTEND && previous !== CourseOutcome.DID_NOT_ATTEND) {
        await this.mailer.didNotAttend(em, booking, session, charge?.status === ChargeStatus.CHARGED ? charge : null);
      }
    }
    await em.flush();
  }

  private charge(
    em: EntityManager,
    booking: Booking,
    session: Session,
    outcome: CourseOutcome,
    decision: ReturnType<typeof chargeFor>,
    now: Date,
  ): NonAttendanceCharge | null {
    if (!decision) {
      return null;
    }
    const charge = em.create(NonAttendanceCharge, {
      booking,
      session,
      person: booking.person,
      agency: booking.agency ?? null,
      outcome,
      agencyType: decision.agencyType,
      days: decision.days,
      perDayPence: decision.perDayPence,
      amountPence: decision.amountPence,
      rule: decision.rule,
      chargedAt: now,
      status: ChargeStatus.CHARGED,
    });
    em.persist(charge);
    return charge;
  }

  private voidCharge(em: EntityManager, charge: NonAttendanceCharge, outcome: CourseOutcome, now: Date, cause?: OutcomeCause): void {
    const why = `The outcome was corrected to "${courseOutcomeLabels[outcome]}"`;
    charge.status = ChargeStatus.VOID;
    charge.statusReason = cause?.reason ? `${why}: ${cause.reason}` : why;
    charge.statusChangedAt = now;
    charge.statusChangedBy = cause ? em.getReference(Person, cause.viewer.id) : null;
    charge.statusChangedByName = cause?.viewer.name ?? null;
  }
}
