import type { EntityManager } from '@mikro-orm/postgresql';
import { SessionStatus, SurveyAudience, SurveyInvitationStatus, SurveyStage, londonToUtc, type StoredAnswer } from '@lh/domain';
import { Booking } from '../src/booking/booking.entity';
import type { Course } from '../src/catalogue/course.entity';
import { Person } from '../src/people/person.entity';
import { SessionPart } from '../src/scheduling/session-part.entity';
import { Session } from '../src/scheduling/session.entity';
import { SurveyInvitations } from '../src/surveys/survey-invitations';
import { SurveyResponse } from '../src/surveys/survey-response.entity';
import { SurveyTemplateVersion } from '../src/surveys/survey-template.entity';
import type { TestApi } from './test-db';

/** Builders for the report specs' hand-counted fixtures. */

/** A session with one part per [start, end] (London dates and times; `SECOND` for the repeated 01:xx hour), and its trainers. */
export async function sessionAt(
  em: EntityManager,
  course: Course,
  parts: [string, string, string, ('FIRST' | 'SECOND')?][],
  over: { capacity?: number; status?: SessionStatus; trainers?: Person[] } = {},
): Promise<Session> {
  const spans = parts.map(([date, from, to, occurrence]) => ({
    startsAt: londonToUtc(date, from, occurrence),
    endsAt: londonToUtc(date, to),
  }));
  const session = em.create(Session, {
    course,
    onlineUrl: 'https://meet.example.org/report',
    capacity: over.capacity ?? 10,
    status: over.status ?? SessionStatus.SCHEDULED,
    startsAt: spans[0]!.startsAt,
    endsAt: spans[spans.length - 1]!.endsAt,
  });
  for (const span of spans) {
    em.create(SessionPart, { session, ...span });
  }
  for (const trainer of over.trainers ?? []) {
    session.trainers.add(em.getReference(Person, trainer.id));
  }
  await em.flush();
  return session;
}

/** An answer to one question of a survey. */
export const answer = (questionId: string, value: StoredAnswer['value']): StoredAnswer => ({ questionId, outcomeIndex: null, value });

/** The place's end-of-course survey, answered: named (linked to its invitation, so to the session) or anonymous. */
export async function endOfCourseAnswers(api: TestApi, em: EntityManager, booking: Booking, answers: StoredAnswer[], identified = true) {
  const b = await em.findOneOrFail(Booking, booking.id, { populate: ['session.course', 'person', 'agency'] });
  const invitation = (await api.app.get(SurveyInvitations).invite(em, { booking: b, stage: SurveyStage.END_OF_COURSE, now: new Date() }))!;
  invitation.status = SurveyInvitationStatus.SUBMITTED;
  const month = b.session.startsAt.toISOString().slice(0, 7);
  em.create(SurveyResponse, {
    templateVersion: await em.findOneOrFail(SurveyTemplateVersion, invitation.templateVersion.id),
    stage: SurveyStage.END_OF_COURSE,
    audience: SurveyAudience.ATTENDEE,
    course: b.session.course,
    sessionMonth: month,
    agencySector: b.agency?.sector ?? null,
    identified,
    invitation: identified ? invitation : null,
    person: identified ? b.person : null,
    session: identified ? b.session : null,
    booking: identified ? b : null,
    submittedAt: identified ? new Date() : null,
    submittedMonth: month,
    answers,
  });
  await em.flush();
}
