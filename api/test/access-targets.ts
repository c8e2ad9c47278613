import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AgencyRequestKind,
  AgencyRequestStatus,
  ChargeAgencyType,
  ChargeStatus,
  CourseOutcome,
  ExternalLearningStatus,
  MailStatus,
  SignInMethod,
  SurveyStage,
} from '@lh/domain';
import { AuthService, hashSessionToken } from '../src/auth/auth.service';
import { AuthSession } from '../src/auth/auth-session.entity';
import { Booking } from '../src/booking/booking.entity';
import { EvidenceFile } from '../src/records/evidence-file.entity';
import { ExternalLearning } from '../src/records/external-learning.entity';
import { CourseInterest } from '../src/course-interest/course-interest.entity';
import { NonAttendanceCharge } from '../src/non-attendance/non-attendance-charge.entity';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { AgencyRequest } from '../src/people/agency-request.entity';
import { Person } from '../src/people/person.entity';
import { CheckInRequest } from '../src/registers/check-in-request.entity';
import { SessionPart } from '../src/scheduling/session-part.entity';
import { SurveyResponse } from '../src/surveys/survey-response.entity';
import { SurveyTemplate } from '../src/surveys/survey-template.entity';
import { aPerson, aVenue, anAgency } from './builders';
import { aRequirement } from './mandatory-training';
import { answer, surveyed } from './surveys';
import type { TestApi } from './test-db';

/**
 * The access table's targets beyond bookings and sessions (access-matrix.int-spec.ts): real rows of A's, or real rows a
 * coordinator looks after, so that every cell is observed with an id that names something, not only with one that
 * names nothing. Fresh ones for each mutation, as the bookings are.
 */
export interface OtherTargets {
  /** A's learning done elsewhere, waiting to be checked; its evidence file carries A's name. */
  externalLearningId: string;
  requirementId: string;
  templateId: string;
  venueId: string;
  /** A's open ask for new dates of the course. */
  interestId: string;
  /** A asked to be let in at the started session's part. */
  checkInRequestId: string;
  /** A mail to A that failed. */
  mailId: string;
  /** A did-not-attend charge on A's place on the started session. */
  chargeId: string;
  /** A's waiting request to join an agency not in the list. */
  agencyRequestId: string;
  /** Another of A's own sign-ins (the public id a person sees on their security page). */
  signInId: string;
  /** Someone to merge into A: a duplicate account with nothing on it. */
  mergeId: string;
  /** A's named end-of-course answers, with a free-text comment. */
  responseId: string;
  /** An agency with nobody in it, to merge into A's. */
  spareAgencyId: string;
}

const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export interface TargetWorld {
  api: TestApi;
  em: () => EntityManager;
  a: Person;
  courseId: string;
  /** The started session's part, where A is booked. */
  partId: string;
  /** A's place on the started session. */
  registerBookingId: string;
  /** A's place on an earlier, signed-off session (surveyed). */
  attendedBookingId: string;
}

/** A's free text answer, as the quotes list shows it. */
export const QUOTE_QUESTION = 'comments';

export async function otherTargets(w: TargetWorld): Promise<OtherTargets> {
  const e = w.em();
  const a = e.getReference(Person, w.a.id);
  const now = new Date();
  const evidence = e.create(EvidenceFile, {
    fileName: `${w.a.name} certificate.pdf`,
    contentType: 'application/pdf',
    sizeBytes: PDF_BYTES.length,
    storedIn: 'DATABASE',
    content: PDF_BYTES,
    createdAt: now,
  });
  const learning = e.create(ExternalLearning, {
    person: a,
    title: 'Domestic abuse awareness',
    provider: 'NSPCC Learning',
    completedOn: '2026-01-15',
    minutes: 120,
    evidence,
    status: ExternalLearningStatus.PENDING,
    submittedAt: now,
  });
  // one open ask per course and one waiting agency request per person: earlier ones are closed first
  await e.nativeUpdate(CourseInterest, { person: a, notifiedAt: null, stoppedAt: null }, { stoppedAt: now });
  await e.nativeUpdate(AgencyRequest, { person: a, status: AgencyRequestStatus.PENDING }, { status: AgencyRequestStatus.REFUSED });
  const interest = e.create(CourseInterest, { person: a, course: w.courseId, askedAt: now });
  const agencyRequest = e.create(AgencyRequest, { person: a, kind: AgencyRequestKind.JOIN, requestedName: 'Northshire Youth Trust' });
  const checkIn = e.create(CheckInRequest, { part: e.getReference(SessionPart, w.partId), person: a, requestedAt: now });
  const booking = await e.findOneOrFail(Booking, w.registerBookingId);
  const charge = e.create(NonAttendanceCharge, {
    booking,
    session: booking.session,
    person: a,
    agency: booking.agency ?? null,
    outcome: CourseOutcome.DID_NOT_ATTEND,
    agencyType: ChargeAgencyType.STATUTORY_PARTNER,
    days: 1,
    perDayPence: 5000,
    amountPence: 5000,
    rule: 'Did not attend: £50 a day',
    chargedAt: now,
    status: ChargeStatus.CHARGED,
  });
  const { token } = await w.api.app.get(AuthService).startSession(e, a, SignInMethod.PASSWORD, 'Another browser', now);
  const signIn = await e.findOneOrFail(AuthSession, { tokenHash: hashSessionToken(token) });
  const mail = await e.findOneOrFail(OutboxMessage, { toEmail: w.a.email }, { orderBy: { createdAt: 'asc' } });
  await e.nativeUpdate(OutboxMessage, mail.id, { status: MailStatus.FAILED });
  await e.flush();
  return {
    externalLearningId: learning.id,
    requirementId: (await aRequirement(e, {})).id,
    templateId: (await e.findOneOrFail(SurveyTemplate, { stage: SurveyStage.END_OF_COURSE }, { orderBy: { name: 'asc' } })).id,
    venueId: (await aVenue(e)).id,
    interestId: interest.id,
    checkInRequestId: checkIn.id,
    mailId: mail.id,
    chargeId: charge.id,
    agencyRequestId: agencyRequest.id,
    signInId: signIn.publicId,
    mergeId: (await aPerson(e, { name: `Ada Duplicate ${Math.random().toString(16).slice(2, 8)}` })).id,
    responseId: await aResponse(w, e),
    spareAgencyId: (await anAgency(e, { name: `Northshire Health (old) ${Math.random().toString(16).slice(2, 8)}` })).id,
  };
}

/** A's named end-of-course answers on the earlier session (made once; later calls find them). */
async function aResponse(w: TargetWorld, e: EntityManager): Promise<string> {
  const existing = await e.findOne(SurveyResponse, { person: w.a.id, stage: SurveyStage.END_OF_COURSE });
  if (existing) {
    return existing.id;
  }
  const booking = await e.findOneOrFail(Booking, w.attendedBookingId, { populate: ['session', 'agency', 'person'] });
  await surveyed(w.api, e, booking, SurveyStage.END_OF_COURSE, [answer(QUOTE_QUESTION, 'The case studies made it real')]);
  return (await e.findOneOrFail(SurveyResponse, { person: w.a.id, stage: SurveyStage.END_OF_COURSE })).id;
}
