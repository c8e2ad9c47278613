import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BookingStatus,
  SurveyAudience,
  SurveyInvitationStatus,
  SurveyStage,
  londonParts,
  londonToUtc,
  type StoredAnswer,
} from '@lh/domain';
import { Booking } from '../src/booking/booking.entity';
import type { Course } from '../src/catalogue/course.entity';
import type { Agency } from '../src/people/agency.entity';
import { SessionPart } from '../src/scheduling/session-part.entity';
import { Session } from '../src/scheduling/session.entity';
import { SurveyInvitations } from '../src/surveys/survey-invitations';
import { SurveyResponse } from '../src/surveys/survey-response.entity';
import { SurveyTemplateVersion } from '../src/surveys/survey-template.entity';
import { aPerson } from './builders';
import type { TestApi } from './test-db';

/** Survey fixtures for the results and the evaluation report: sessions on London dates, places, invitations and answers. */

/** An answer to a question of the default templates. */
export const answer = (questionId: string, value: StoredAnswer['value']): StoredAnswer => ({ questionId, outcomeIndex: null, value });

/** A one-part session of `course` on a London date, 10:00 to 13:00. */
export async function sessionOn(em: EntityManager, course: Course, date: string): Promise<Session> {
  const startsAt = londonToUtc(date, '10:00');
  const endsAt = londonToUtc(date, '13:00');
  const session = em.create(Session, { course, onlineUrl: 'https://meet.example.org/survey', capacity: 30, startsAt, endsAt });
  em.create(SessionPart, { session, startsAt, endsAt });
  await em.flush();
  return session;
}

/** A confirmed place on `session` for someone in `agency`. */
export async function placeOn(em: EntityManager, session: Session, agency: Agency): Promise<Booking> {
  const booking = em.create(Booking, { session, person: await aPerson(em, { agency }), agency, status: BookingStatus.CONFIRMED });
  await em.flush();
  return booking;
}

/**
 * Invites the place at `stage`; with answers, submits them as the attendee (named: linked to the invitation
 * and person; anonymous: only the course, the session's London month and the agency's sector are kept).
 */
export async function surveyed(
  api: TestApi,
  em: EntityManager,
  booking: Booking,
  stage: SurveyStage,
  answers: StoredAnswer[] | null,
  identified = true,
): Promise<void> {
  const invitation = (await api.app.get(SurveyInvitations).invite(em, { booking, stage, now: new Date() }))!;
  if (answers) {
    invitation.status = SurveyInvitationStatus.SUBMITTED;
    const month = londonParts(booking.session.startsAt).date.slice(0, 7);
    em.create(SurveyResponse, {
      templateVersion: await em.findOneOrFail(SurveyTemplateVersion, invitation.templateVersion.id),
      stage,
      audience: SurveyAudience.ATTENDEE,
      course: booking.session.course,
      sessionMonth: month,
      agencySector: booking.agency?.sector ?? null,
      identified,
      invitation: identified ? invitation : null,
      person: identified ? booking.person : null,
      session: identified ? booking.session : null,
      booking: identified ? booking : null,
      submittedAt: identified ? new Date() : null,
      submittedMonth: month,
      answers,
    });
  }
  await em.flush();
}
