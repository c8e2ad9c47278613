/**
 * The words of every mail, one function per kind. Each takes plain data (links are absolute URLs the
 * caller builds from config.webOrigin) and gives a subject, a plain-text part and an accessible HTML
 * part (lang="en-GB", one h1, real text links, no layout tables, nothing said by colour alone) that
 * say the same things, including the partnership's name and what to do next.
 *
 * Import them from here. The layout and shared pieces are in mail-layout.ts, the mails about a booking in
 * booking-mail-templates.ts, the practitioner's and manager's side of an approval in approval-mail-templates.ts,
 * those about a session someone is booked on in session-mail-templates.ts, those about signing in in
 * sign-in-mail-templates.ts, the invitation a coordinator sends to a person they added in
 * people-mail-templates.ts, and those to a session's trainers in trainer-mail-templates.ts.
 * people-mail-templates.ts, and the mail to a walk-in a trainer made an account for in walk-in-mail-templates.ts.
 * sign-in-mail-templates.ts, and the invitation a coordinator sends to a person they added in
 * people-mail-templates.ts, and the mails that follow a register (did not attend, and the line manager's copy) in
 * non-attendance-mail-templates.ts.
 */
export {
  describeDeadline,
  describeParts,
  describePlace,
  type Link,
  type MailContent,
  type SessionDetails,
  type SessionPlace,
} from './mail-layout';
export {
  approvalRequested,
  bookingApproved,
  bookingCancelled,
  bookingConfirmed,
  bookingDeclined,
  bookingMoved,
  offerExpired,
  placeOffered,
  waitingListJoined,
} from './booking-mail-templates';
export { approvalDecided, approvalPending } from './approval-mail-templates';
export { joiningInstructions, reminder, sessionCancelled, sessionChanged } from './session-mail-templates';
export { passwordChanged, passwordReset, signInLink, useSingleSignOn } from './sign-in-mail-templates';
export { accountInvited } from './people-mail-templates';
export {
  describeBooked,
  trainerAssigned,
  trainerRemoved,
  trainerSessionCancelled,
  trainerSessionChanged,
  type TrainerSessionNumbers,
} from './trainer-mail-templates';
export { walkInAdded } from './walk-in-mail-templates';
export { nonAttendance, nonAttendanceManagerCopy, type ChargeNotice } from './non-attendance-mail-templates';
export { externalLearningDecided, type ExternalLearningDecidedDetails } from './records-mail-templates';
export { certificateIssued, certificateRevoked, type CertificateMailDetails } from './certificate-mail-templates';
export { trainingDue, trainingOverdue, type TrainingReminderDetails } from './mandatory-training-mail-templates';
export {
  surveyInvitation,
  surveyManagerInvitation,
  surveyReminder,
  type ManagerSurveyDetails,
  type SurveyMailDetails,
  type SurveyReminderDetails,
} from './survey-mail-templates';
export { newDatesAdded, type NewDate } from './course-interest-mail-templates';
