import type { EntityManager } from '@mikro-orm/postgresql';
import { SurveyInvitationStatus, SurveyMode, londonParts, sessionMonth, type StoredAnswer } from '@lh/domain';
import type { SurveyInvitation } from './survey-invitation.entity';
import { SurveyResponse } from './survey-response.entity';

/**
 * The one place an answered survey is written: the invitation becomes SUBMITTED and the response is
 * created by the template's mode. Anonymous: only the course, the session's month and the agency's
 * sector, no person, invitation, session, booking or time (the invitation keeps no time either). Named: linked to
 * the invitation, person, session and booking, so later stages pair with the end-of-course answers.
 */
export function recordSurveyResponse(em: EntityManager, invitation: SurveyInvitation, answers: StoredAnswer[], at: Date): SurveyResponse {
  const version = invitation.templateVersion;
  const identified = version.mode === SurveyMode.IDENTIFIED;
  invitation.status = SurveyInvitationStatus.SUBMITTED;
  invitation.submittedAt = identified ? at : null;
  return em.create(SurveyResponse, {
    templateVersion: version,
    stage: invitation.stage,
    audience: invitation.audience,
    course: invitation.session.course,
    sessionMonth: sessionMonth(londonParts(invitation.session.startsAt).date),
    agencySector: invitation.booking.agency?.sector ?? null,
    identified,
    invitation: identified ? invitation : null,
    person: identified ? invitation.person : null,
    session: identified ? invitation.session : null,
    booking: identified ? invitation.booking : null,
    submittedAt: identified ? at : null,
    submittedMonth: sessionMonth(londonParts(at).date),
    answers,
  });
}
