import { AuthResolver } from '../auth/auth.resolver';
import { SsoResolver } from '../auth/sso/sso.resolver';
import { PasswordResolver } from '../auth/password.resolver';
import { SessionsResolver } from '../auth/sessions.resolver';
import { SignInLinkResolver } from '../auth/sign-in-link.resolver';
import { CatalogueResolver } from '../catalogue/catalogue.resolver';
import { NotificationsResolver } from '../notifications/notifications.resolver';
import { BookingResolver } from '../booking/booking.resolver';
import { CourseBookingResolver } from '../booking/course-booking.resolver';
import { CalendarResolver } from '../calendar/calendar.resolver';
import { CourseAdminResolver } from '../catalogue/course-admin.resolver';
import { SchedulingResolver } from '../scheduling/scheduling.resolver';
import { ProgrammeResolver } from '../scheduling/programme.resolver';
import { SessionCancellationResolver } from '../scheduling/session-cancellation.resolver';
import { BookingSessionTrainerNamesResolver, SessionTrainerNamesResolver } from '../scheduling/session-trainers.resolver';
import { SessionBookingsResolver } from '../booking/session-bookings.resolver';
import { ApprovalResolver } from '../booking/approval.resolver';
import { ProfileResolver } from '../people/profile.resolver';
import { AgencyAdminResolver } from '../people/agency-admin.resolver';
import { PartnershipResolver } from '../partnership/partnership.resolver';
import { RegistrationResolver } from '../registration/registration.resolver';
import { RegistrationQueueResolver } from '../registration/registration-queue.resolver';
import { PeopleAdminResolver } from '../people/people-admin.resolver';
import { PersonMergeResolver } from '../people/person-merge.resolver';
import { PeopleImportResolver } from '../people/people-import.resolver';
import { RegisterResolver } from '../registers/register.resolver';
import { PaperRegisterResolver } from '../registers/paper-register.resolver';
import { TrainerSessionsResolver } from '../registers/trainer-sessions.resolver';
import { WalkInResolver } from '../registers/walk-in.resolver';
import { CheckInResolver } from '../registers/check-in.resolver';
import { NonAttendanceResolver } from '../non-attendance/non-attendance.resolver';
import { SurveysResolver } from '../surveys/surveys.resolver';
import { SurveyDeliveryResolver } from '../surveys/survey-delivery.resolver';
import { SurveyResultsResolver } from '../surveys/survey-results.resolver';
import { TrainingRecordResolver } from '../records/training-record.resolver';
import { CertificatesResolver } from '../certificates/certificates.resolver';
import { RecordCertificateResolver } from '../certificates/record-certificate.resolver';
import { MandatoryTrainingResolver } from '../mandatory-training/mandatory-training.resolver';
import { AuditResolver } from '../audit/audit.resolver';
import { PersonalDataResolver } from '../privacy/personal-data.resolver';
import { DashboardResolver } from '../reports/dashboard.resolver';
import { ReportsResolver } from '../reports/reports.resolver';
import { DeliveryReportsResolver } from '../reports/delivery-reports.resolver';
import { ComplianceReportResolver } from '../reports/compliance-report.resolver';
import { ReportDrillDownResolver } from '../reports/report-drill-down.resolver';
import { RosterResolver } from '../roster/roster.resolver';
import { CourseInterestResolver } from '../course-interest/course-interest.resolver';

/** Every resolver class, for writing the schema file without starting the app. */
export const resolvers = [
  AuthResolver,
  SsoResolver,
  SignInLinkResolver,
  PasswordResolver,
  SessionsResolver,
  CatalogueResolver,
  CourseAdminResolver,
  SchedulingResolver,
  ProgrammeResolver,
  BookingResolver,
  SessionBookingsResolver,
  ApprovalResolver,
  SessionCancellationResolver,
  CourseBookingResolver,
  SessionTrainerNamesResolver,
  BookingSessionTrainerNamesResolver,
  CalendarResolver,
  NotificationsResolver,
  ProfileResolver,
  AgencyAdminResolver,
  PartnershipResolver,
  RegistrationResolver,
  RegistrationQueueResolver,
  PeopleAdminResolver,
  PersonMergeResolver,
  PeopleImportResolver,
  RegisterResolver,
  PaperRegisterResolver,
  TrainerSessionsResolver,
  WalkInResolver,
  CheckInResolver,
  NonAttendanceResolver,
  SurveysResolver,
  SurveyDeliveryResolver,
  SurveyResultsResolver,
  TrainingRecordResolver,
  CertificatesResolver,
  RecordCertificateResolver,
  MandatoryTrainingResolver,
  AuditResolver,
  PersonalDataResolver,
  ReportsResolver,
  DeliveryReportsResolver,
  ComplianceReportResolver,
  ReportDrillDownResolver,
  DashboardResolver,
  RosterResolver,
  CourseInterestResolver,
] as const;
