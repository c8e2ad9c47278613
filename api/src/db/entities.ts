import { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { AccountToken } from '../auth/account-token.entity';
import { SsoAttempt } from '../auth/sso/sso-attempt.entity';
import { RateLimitCounter } from '../auth/rate-limit-counter.entity';
import { PriorityArea } from '../catalogue/priority-area.entity';
import { Course } from '../catalogue/course.entity';
import { Venue } from '../scheduling/venue.entity';
import { Session } from '../scheduling/session.entity';
import { SessionPart } from '../scheduling/session-part.entity';
import { Booking } from '../booking/booking.entity';
import { OutboxInvite, OutboxMessage } from '../notifications/outbox-message.entity';
import { BookingEvent } from '../booking/booking-event.entity';
import { CalendarFeed } from '../calendar/calendar-feed.entity';
import { AgencyRequest } from '../people/agency-request.entity';
import { AttendanceEvent } from '../registers/attendance-event.entity';
import { RegisterSignOff } from '../registers/register-sign-off.entity';
import { AttendanceOutcome } from '../registers/attendance-outcome.entity';
import { CheckInRequest } from '../registers/check-in-request.entity';
import { NonAttendancePolicy } from '../non-attendance/non-attendance-policy.entity';
import { NonAttendanceCharge } from '../non-attendance/non-attendance-charge.entity';
import { TrainingCompletion } from '../records/training-completion.entity';
import { SurveyTemplate, SurveyTemplateVersion } from '../surveys/survey-template.entity';
import { CourseSurveySettings } from '../surveys/course-survey-settings.entity';
import { SurveyInvitation } from '../surveys/survey-invitation.entity';
import { SurveyResponse } from '../surveys/survey-response.entity';
import { SurveyQuotePick } from '../surveys/survey-quote-pick.entity';
import { SurveyOptOut, SurveySchedule } from '../surveys/survey-schedule.entity';
import { EvidenceFile } from '../records/evidence-file.entity';
import { ExternalLearning } from '../records/external-learning.entity';
import { Certificate } from '../certificates/certificate.entity';
import { MandatoryReminder, MandatoryRequirement } from '../mandatory-training/mandatory-requirement.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { BookingNote, SessionMessage } from '../roster/roster.entity';
import { CourseInterest } from '../course-interest/course-interest.entity';
import { ReportPlaceTotal } from '../reports/report-place-total.entity';

/** Every entity, listed once: used by the ORM, migrations and tests. */
export const entities = [
  Agency,
  Person,
  AuthSession,
  AccountToken,
  SsoAttempt,
  PriorityArea,
  Course,
  Venue,
  Session,
  SessionPart,
  Booking,
  BookingEvent,
  OutboxMessage,
  OutboxInvite,
  CalendarFeed,
  RateLimitCounter,
  AgencyRequest,
  AttendanceEvent,
  RegisterSignOff,
  AttendanceOutcome,
  CheckInRequest,
  NonAttendancePolicy,
  NonAttendanceCharge,
  TrainingCompletion,
  SurveyTemplate,
  SurveyTemplateVersion,
  CourseSurveySettings,
  SurveyInvitation,
  SurveyResponse,
  SurveyQuotePick,
  SurveySchedule,
  SurveyOptOut,
  EvidenceFile,
  ExternalLearning,
  Certificate,
  MandatoryRequirement,
  MandatoryReminder,
  AuditEntry,
  BookingNote,
  SessionMessage,
  CourseInterest,
  ReportPlaceTotal,
];
