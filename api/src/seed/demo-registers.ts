import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AttendanceMark,
  BookingStatus,
  ChargeAgencyType,
  ChargeStatus,
  CourseOutcome,
  MarkSource,
  NO_CHARGE,
  SessionStatus,
  chargeFor,
  courseOutcome,
  partMinutes,
  registerCounts,
  sessionDays,
  type ChargeRates,
  type PartMark,
  outcomeCompletes,
} from '@lh/domain';
import { randomUUID } from 'node:crypto';
import type { Person } from '../people/person.entity';
import type { Agency } from '../people/agency.entity';
import type { Booking } from '../booking/booking.entity';
import type { Session } from '../scheduling/session.entity';
import type { SessionPart } from '../scheduling/session-part.entity';
import { AttendanceEvent } from '../registers/attendance-event.entity';
import { RegisterSignOff } from '../registers/register-sign-off.entity';
import { AttendanceOutcome } from '../registers/attendance-outcome.entity';
import { TrainingCompletion } from '../records/training-completion.entity';
import { sessionCompletionFields } from '../records/session-completions';
import { Certificate } from '../certificates/certificate.entity';
import { certificateFields } from '../certificates/certificate-fields';
import { NonAttendancePolicy } from '../non-attendance/non-attendance-policy.entity';
import { NonAttendanceCharge } from '../non-attendance/non-attendance-charge.entity';

const HOUR_MS = 3_600_000;
/** The name demo certificates print: the PARTNERSHIP_NAME default. */
const DEMO_PARTNERSHIP_NAME = 'Learning Hub Safeguarding Children Partnership';

/** The demo policy: statutory partners are never charged; other agencies pay a day for a place not used. */
const DEMO_RATES: Partial<Record<ChargeAgencyType, ChargeRates>> = {
  [ChargeAgencyType.STATUTORY_PARTNER]: NO_CHARGE,
  EDUCATION: { nonAttendancePence: 5000, lateCancellationPence: 2500 },
  EARLY_YEARS: { nonAttendancePence: 4000, lateCancellationPence: 2000 },
  HEALTH: { nonAttendancePence: 6000, lateCancellationPence: 3000 },
  HOUSING: { nonAttendancePence: 5000, lateCancellationPence: 2500 },
  VOLUNTARY_AND_COMMUNITY: { nonAttendancePence: 4000, lateCancellationPence: 2000 },
};

/** A small deterministic generator of its own, so the rest of the demo's random choices stay as they were. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Registers for the demo's past sessions, written to the registers' own tables as the real services
 * would: a trainer marks each part (most people present, some late, a few absent with an apology, a few
 * not there, whom sign-off marks as not attending), signs it off, and every place gets its outcome; a few
 * of the cancellations were late. Non-attendances and late cancellations are charged under the demo
 * policy (`chargeFor`, as NonAttendanceCharges does), one is waived. People booked on a course that
 * needs a past course first attended that course, so the prerequisite rule lets them in. No mail: it is
 * all in the past.
 */
export function seedDemoRegisters(
  em: EntityManager,
  o: {
    sessions: readonly Session[];
    parts: readonly SessionPart[];
    bookings: readonly Booking[];
    trainers: readonly Person[];
    coordinator: Person;
    copyManagersAt: readonly Agency[];
    now: Date;
  },
): { registers: number; outcomes: number; charges: number } {
  const rng = lcg(20261201);
  for (const [type, rates] of Object.entries(DEMO_RATES) as [ChargeAgencyType, ChargeRates][]) {
    em.create(NonAttendancePolicy, {
      agencyType: type,
      ...rates,
      updatedAt: new Date(o.now.getTime() - 200 * 24 * HOUR_MS),
      updatedBy: o.coordinator,
    });
  }
  for (const agency of o.copyManagersAt) {
    agency.copyManagersOnNonAttendance = true;
  }
  const rates = (type: ChargeAgencyType) => DEMO_RATES[type] ?? NO_CHARGE;

  // who must have attended a past session: anyone booked on a later session of a course that needs it first
  const mustAttend = new Set<string>();
  for (const b of o.bookings) {
    const needs = b.session.course.prerequisite;
    if (needs && b.status === BookingStatus.CONFIRMED) {
      mustAttend.add(`${b.person.email}|${needs.title}`);
    }
  }

  let registers = 0;
  let outcomes = 0;
  let charges = 0;
  let waived = false;
  const past = o.sessions
    .filter((s) => s.status === SessionStatus.SCHEDULED && s.endsAt.getTime() < o.now.getTime() - 24 * HOUR_MS)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  past.forEach((session, i) => {
    // the session's own trainer signs it off (demo-trainers gave most sessions one); any left get one of the pool
    const trainer = session.trainers.getItems()[0] ?? o.trainers[i % o.trainers.length]!;
    session.trainers.add(trainer);
    const parts = o.parts.filter((p) => p.session === session).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const places = o.bookings.filter((b) => b.session === session);
    const days = sessionDays(parts).length;

    // a few cancellations came after the cut-off
    for (const b of places.filter((p) => p.status === BookingStatus.CANCELLED)) {
      const late = rng() < 0.35;
      b.lateCancellation = late;
      b.cancelledAt = new Date(session.startsAt.getTime() - (late ? 20 : 240) * HOUR_MS);
    }

    const confirmed = places.filter((b) => b.status === BookingStatus.CONFIRMED);
    const marksOf = new Map<Booking, AttendanceMark>();
    for (const b of confirmed) {
      const r = rng();
      const surely = mustAttend.has(`${b.person.email}|${session.course.title}`) || b.person.email === 'practitioner@example.org';
      let mark = AttendanceMark.PRESENT;
      if (!surely && r < 0.06) {
        mark = AttendanceMark.DID_NOT_ATTEND;
      } else if (!surely && r < 0.1) {
        mark = AttendanceMark.ABSENT_WITH_APOLOGY;
      } else if (!surely && r < 0.16) {
        mark = AttendanceMark.LATE;
      }
      marksOf.set(b, mark);
    }

    for (const part of parts) {
      const signedAt = new Date(part.endsAt.getTime() + HOUR_MS / 2);
      const final: AttendanceMark[] = [];
      for (const b of confirmed) {
        const mark = marksOf.get(b)!;
        final.push(mark);
        // not there: left unmarked by the trainer, so sign-off marked them
        const bySignOff = mark === AttendanceMark.DID_NOT_ATTEND;
        em.create(AttendanceEvent, {
          part,
          booking: b,
          mark,
          minutes: mark === AttendanceMark.LATE ? 10 : null,
          source: bySignOff ? MarkSource.SIGN_OFF : MarkSource.TRAINER,
          actor: trainer,
          clientId: randomUUID(),
          at: bySignOff ? signedAt : new Date(part.startsAt.getTime() + 5 * 60_000),
          recordedAt: bySignOff ? signedAt : new Date(part.startsAt.getTime() + 5 * 60_000),
        });
      }
      em.create(RegisterSignOff, { part, signedBy: trainer, signedByName: trainer.name, signedAt, counts: registerCounts(final) });
      registers++;
    }

    const decidedAt = new Date(parts[parts.length - 1]!.endsAt.getTime() + HOUR_MS / 2);
    const scheduled = parts.reduce((n, p) => n + partMinutes(p), 0);
    const decided = [
      ...confirmed.map((b) => {
        const marks: PartMark[] = parts.map((part) => ({
          part,
          mark: marksOf.get(b)!,
          minutes: marksOf.get(b) === AttendanceMark.LATE ? 10 : null,
        }));
        return { b, result: courseOutcome(marks, session.course) };
      }),
      ...places
        .filter((b) => b.status === BookingStatus.CANCELLED && b.lateCancellation)
        .map((b) => ({ b, result: { outcome: CourseOutcome.LATE_CANCELLATION, minutesAttended: 0, minutesScheduled: scheduled } })),
    ];
    for (const { b, result } of decided) {
      em.create(AttendanceOutcome, {
        booking: b,
        session,
        person: b.person,
        agency: b.agency ?? null,
        outcome: result.outcome,
        minutesAttended: result.minutesAttended,
        minutesScheduled: result.minutesScheduled,
        decidedAt,
      });
      outcomes++;
      if (outcomeCompletes(result.outcome, session.course)) {
        const completion = em.create(TrainingCompletion, {
          ...sessionCompletionFields(b, session, result.outcome, result.minutesAttended),
          recordedAt: decidedAt,
        });
        // its certificate, issued with the outcome, printing the partnership's default name
        em.create(Certificate, certificateFields(completion, { partnershipName: DEMO_PARTNERSHIP_NAME, issuedAt: decidedAt }));
      }
      const charge = chargeFor({ outcome: result.outcome, agency: b.agency ?? null, rates, days });
      if (charge) {
        const waive = !waived && result.outcome === CourseOutcome.DID_NOT_ATTEND;
        waived ||= waive;
        em.create(NonAttendanceCharge, {
          booking: b,
          session,
          person: b.person,
          agency: b.agency ?? null,
          outcome: result.outcome,
          ...charge,
          chargedAt: decidedAt,
          status: waive ? ChargeStatus.WAIVED : ChargeStatus.CHARGED,
          statusReason: waive ? 'Their manager called them to an urgent safeguarding visit that morning' : null,
          statusChangedAt: waive ? new Date(decidedAt.getTime() + 48 * HOUR_MS) : null,
          statusChangedBy: waive ? o.coordinator : null,
          statusChangedByName: waive ? o.coordinator.name : null,
        });
        charges++;
      }
    }
  });
  return { registers, outcomes, charges };
}
