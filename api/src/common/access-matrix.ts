/**
 * Who may do what: the one table of access rules, for every GraphQL query and mutation (`QUERY_ACCESS`, `MUTATION_ACCESS`) and
 * every web page (`PAGE_ACCESS`, in access-pages.ts). `access-matrix.int-spec.ts` calls every operation as
 * each persona, with arguments that target practitioner A's data and A's session, and fails when a cell
 * changes, when an operation has no row, or when a row names an operation that is gone.
 *
 * The nine personas, in the order of a row's cells:
 *   out    signed out
 *   A      practitioner A, the owner of the target data (booked on the target session, with access needs and a mark)
 *   B      another practitioner (A's agency)
 *   T      a trainer of the target session
 *   U      a trainer of another session
 *   L      the agency lead of A's agency
 *   M      the agency lead of another agency
 *   R      a reviewer
 *   C      a coordinator
 *
 * Outcomes:
 *   ok       answers with the target's data (A's name, email or access needs are in the answer)
 *   own      answers, but with none of the target's data: the caller's own, an aggregate, public data, or a
 *            refusal of the input or state after the door was passed (BAD_USER_INPUT, CONFLICT, ...)
 *   refused  UNAUTHENTICATED or NOT_ALLOWED: the caller may not do this at all
 *   hidden   NOT_FOUND: nobody learns the target exists
 *
 * A row is nine outcomes, one per persona, e.g. 'refused ok hidden ok hidden ok hidden hidden ok'. Rows that
 * share a rule use the names below. Adding an operation means adding its row here (the spec's failure
 * message prints the observed row to check and paste).
 */
export const PERSONAS = ['out', 'A', 'B', 'T', 'U', 'L', 'M', 'R', 'C'] as const;
export type Persona = (typeof PERSONAS)[number];
export const OUTCOMES = ['ok', 'own', 'refused', 'hidden'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The cells of one row (API or page), by persona: nine words, each one of `outcomes`. */
export function rowCells<O extends string>(row: string, outcomes: readonly O[], what: string): Record<Persona, O> {
  const words = row.trim().split(/\s+/);
  if (words.length !== PERSONAS.length || words.some((w) => !(outcomes as readonly string[]).includes(w))) {
    throw new Error(`${what} needs ${PERSONAS.length} outcomes out of ${outcomes.join('/')}: "${row}"`);
  }
  return Object.fromEntries(PERSONAS.map((p, i) => [p, words[i] as O])) as Record<Persona, O>;
}

/** The outcomes of one API row, by persona. */
export const cellsOf = (row: string): Record<Persona, Outcome> => rowCells(row, OUTCOMES, 'An access row');

// The rules rows share. Cells in the order of PERSONAS: out A B T U L M R C.
/** Anyone, signed in or not; nothing of A's in the answer. */
const PUBLIC = 'own     own     own     own     own     own     own     own     own';
/** Anyone signed in, about themselves only (A too: nothing of A's shows). */
const SIGNED_IN = 'refused own     own     own     own     own     own     own     own';
/** Anyone signed in, about themselves only: A sees A's, everyone else their own. */
const SIGNED_IN_OWN = 'refused ok      own     own     own     own     own     own     own';
/** A and coordinators; hidden from everyone else. */
const OWNER = 'refused ok      hidden  hidden  hidden  hidden  hidden  hidden  ok';
/** A training record: A, the lead of A's agency, coordinators. */
const RECORD = 'refused ok      hidden  hidden  hidden  ok      hidden  hidden  ok';
/** The trainers of the session (with its attendees) and coordinators. */
const SESSION_TRAINER = 'refused refused refused ok      refused refused refused refused ok';
/** The trainers of the session and coordinators; nothing of A's in the answer. */
const SESSION_TRAINER_OWN = 'refused refused refused own     refused refused refused refused own';
/** Reviewers and coordinators: figures, no person. */
const AGGREGATES = 'refused refused refused refused refused refused refused own     own';
/** Coordinators only; nothing of A's in the answer. */
const COORDINATOR = 'refused refused refused refused refused refused refused refused own';
/** Coordinators only, with A's data. */
const COORDINATOR_SEES_A = 'refused refused refused refused refused refused refused refused ok';
/** Coordinators only, and only where the development mail catcher runs: the test API has none, as in production. */
const COORDINATOR_WITH_CATCHER = 'refused refused refused refused refused refused refused refused hidden';

/** Every query, by name. */
export const QUERY_ACCESS: Record<string, string> = {
  adminAgencies: COORDINATOR,
  adminAgency: COORDINATOR,
  agencies: COORDINATOR,
  agencyMergePreview: COORDINATOR,
  agencyLeadReport: 'refused refused refused refused refused own     own     refused refused',
  agencyReport: AGGREGATES,
  annualReportTable: AGGREGATES,
  approvalRequest: PUBLIC,
  // every mark change on a person's places, with who made it: the training team's audit view; an agency lead sees
  // the outcomes on the training record instead
  attendanceHistory: 'refused own     hidden  hidden  hidden  hidden  hidden  hidden  own',
  auditLog: COORDINATOR,
  booking: OWNER,
  bookingCalendar: 'refused own     hidden  hidden  hidden  hidden  hidden  hidden  own',
  calendarFeed: SIGNED_IN,
  caughtMail: COORDINATOR_WITH_CATCHER,
  caughtMailMessage: COORDINATOR_WITH_CATCHER,
  certificatePdf: RECORD,
  checkInRequests: SESSION_TRAINER,
  checkInScreen: SESSION_TRAINER_OWN,
  checkSignInLink: PUBLIC,
  chargesReport: AGGREGATES,
  complianceReport: 'refused refused refused refused refused own     own     own     own',
  compliancePeople: COORDINATOR,
  course: PUBLIC,
  courseNewDates: PUBLIC,
  courses: PUBLIC,
  courseAdmin: COORDINATOR,
  courseSurveySettings: COORDINATOR,
  coursesWaitingForDates: COORDINATOR,
  elearningImportPreview: COORDINATOR,
  evaluationForSession: 'refused own     hidden  hidden  hidden  hidden  hidden  hidden  hidden',
  evaluationReport: AGGREGATES,
  externalLearningEvidence: RECORD,
  externalLearningWaiting: COORDINATOR_SEES_A,
  impactSurveysStopped: SIGNED_IN,
  mailCatcherAvailable: COORDINATOR,
  mailLog: COORDINATOR_SEES_A,
  manageCourses: COORDINATOR,
  mandatoryCompliance: AGGREGATES,
  mandatoryRequirement: COORDINATOR,
  mandatoryRequirements: COORDINATOR,
  mandatoryTrainingOf: 'refused refused refused refused refused ok      hidden  refused ok',
  me: 'own     ok      own     own     own     own     own     own     own',
  mergePreview: COORDINATOR_SEES_A,
  myAccountSecurity: SIGNED_IN,
  myBookings: SIGNED_IN_OWN,
  myCertificates: SIGNED_IN,
  myCourseInterests: SIGNED_IN,
  myMandatoryTraining: SIGNED_IN_OWN,
  myProfile: SIGNED_IN_OWN,
  needsSummaryFile: COORDINATOR_SEES_A,
  nonAttendanceCsv: COORDINATOR,
  nonAttendancePolicy: COORDINATOR,
  nonAttendances: COORDINATOR,
  partnership: PUBLIC,
  passwordLink: PUBLIC,
  people: COORDINATOR_SEES_A,
  peopleImportPreview: COORDINATOR,
  peopleToAdd: COORDINATOR_SEES_A,
  personAdmin: COORDINATOR_SEES_A,
  personalDataFile: OWNER,
  personalDataSummary: OWNER,
  previewRegisterImport: SESSION_TRAINER_OWN,
  priorityAreas: PUBLIC,
  programme: COORDINATOR,
  programmeMonth: COORDINATOR,
  programmeSessions: COORDINATOR,
  programmeSummary: AGGREGATES,
  register: SESSION_TRAINER,
  registerFile: SESSION_TRAINER,
  registrationAgencies: PUBLIC,
  registrationLink: PUBLIC,
  registrationQueue: COORDINATOR_SEES_A,
  registrationQueueCount: COORDINATOR,
  reportDashboard: AGGREGATES,
  reportDashboardPdf: AGGREGATES,
  reportDrillDown: COORDINATOR_SEES_A,
  reportDrillDownFile: COORDINATOR_SEES_A,
  reportFile: AGGREGATES,
  reportFilterOptions: 'refused refused refused refused refused own     own     own     own',
  reportMonths: AGGREGATES,
  retentionPlan: COORDINATOR,
  rosterFile: COORDINATOR_SEES_A,
  session: PUBLIC,
  sessionAdmin: COORDINATOR,
  sessionMessageRecipients: COORDINATOR,
  sessionNotes: 'refused refused refused own     hidden  refused refused refused own',
  sessionRegisters: SESSION_TRAINER_OWN,
  sessionRoster: COORDINATOR_SEES_A,
  sessionRosterList: COORDINATOR_SEES_A,
  signInSheet: SESSION_TRAINER_OWN,
  singleSignOn: PUBLIC,
  surveyForm: PUBLIC,
  surveyQuotes: AGGREGATES,
  surveyResults: AGGREGATES,
  surveyTemplate: COORDINATOR,
  surveyTemplates: COORDINATOR,
  trainerPool: COORDINATOR,
  trainerSession: 'refused refused refused ok      hidden  refused refused refused ok',
  trainersReport: AGGREGATES,
  trainingRecord: RECORD,
  trainingRecordCsv: RECORD,
  trainingRecordPdf: RECORD,
  trainingTeamQueue: COORDINATOR,
  venue: COORDINATOR,
  venues: COORDINATOR,
  verifyCertificate: PUBLIC,
  walkInCandidates: SESSION_TRAINER,
  yourAgencyCompliance: 'refused refused refused refused refused own     own     refused refused',
  yourSessions: 'refused refused refused own     own     refused refused refused own',
  yourSurveys: SIGNED_IN,
};

/** Every mutation, by name. */
export const MUTATION_ACCESS: Record<string, string> = {
  acceptOffer: 'refused own     hidden  hidden  hidden  hidden  hidden  hidden  hidden',
  addPeopleToSession: COORDINATOR,
  addPersonToSession: COORDINATOR_SEES_A,
  addWalkIn: SESSION_TRAINER_OWN,
  applyRegisterImport: SESSION_TRAINER_OWN,
  approveRegistration: COORDINATOR_SEES_A,
  askForNewDates: SIGNED_IN,
  assignTrainer: COORDINATOR_SEES_A,
  bookSession: SIGNED_IN,
  bringBackAgency: COORDINATOR,
  cancelBooking: 'refused ok      hidden  hidden  hidden  hidden  hidden  hidden  own',
  cancelSession: COORDINATOR_SEES_A,
  changeCourseStatus: COORDINATOR,
  changePassword: SIGNED_IN,
  changeSessionCapacity: COORDINATOR_SEES_A,
  checkIn: SIGNED_IN,
  confirmBooking: COORDINATOR,
  confirmRegistration: PUBLIC,
  copySession: COORDINATOR,
  createAgency: COORDINATOR,
  createAgencyFromRequest: COORDINATOR_SEES_A,
  createCourse: COORDINATOR,
  createPerson: COORDINATOR,
  createPriorityArea: COORDINATOR,
  createSession: COORDINATOR,
  createVenue: COORDINATOR,
  deactivatePerson: COORDINATOR_SEES_A,
  decideApproval: PUBLIC,
  declineBooking: COORDINATOR,
  declineOffer: 'refused own     hidden  hidden  hidden  hidden  hidden  hidden  hidden',
  dismissCheckInRequest: 'refused refused refused own     refused refused refused refused ok',
  erasePerson: COORDINATOR,
  finishSingleSignOn: 'hidden  hidden  hidden  hidden  hidden  hidden  hidden  hidden  hidden',
  importElearningCompletions: COORDINATOR,
  importPeople: COORDINATOR,
  mapAgencyRequest: COORDINATOR_SEES_A,
  markAllPresent: SESSION_TRAINER,
  markAttendance: SESSION_TRAINER,
  mergeAgencies: COORDINATOR,
  mergePeople: COORDINATOR_SEES_A,
  messageSession: COORDINATOR,
  moveBooking: COORDINATOR_SEES_A,
  moveBookings: COORDINATOR,
  pickSurveyQuote: COORDINATOR,
  reactivatePerson: COORDINATOR_SEES_A,
  refuseAgencyRequest: COORDINATOR_SEES_A,
  refuseRegistration: COORDINATOR_SEES_A,
  register: PUBLIC,
  rejectExternalLearning: COORDINATOR_SEES_A,
  removeTrainer: COORDINATOR,
  requestAgencyMove: SIGNED_IN,
  requestPasswordReset: PUBLIC,
  requestSignInLink: PUBLIC,
  resendRegistrationLink: PUBLIC,
  resetCalendarFeed: SIGNED_IN,
  retireAgency: COORDINATOR,
  retryMail: COORDINATOR_SEES_A,
  saveMandatoryRequirement: COORDINATOR,
  saveSurveyDraft: PUBLIC,
  saveSurveyTemplate: COORDINATOR,
  sendJoiningInstructions: COORDINATOR,
  sendPersonInvitation: COORDINATOR_SEES_A,
  setAgencyApprovalExempt: COORDINATOR,
  setAgencyManagerCopy: COORDINATOR,
  setAgencySignIn: COORDINATOR,
  setBookingNote: COORDINATOR,
  setCourseSurveySettings: COORDINATOR,
  setImpactSurveysStopped: SIGNED_IN,
  setNonAttendancePolicy: COORDINATOR,
  setPasswordWithLink: PUBLIC,
  setPersonRoles: COORDINATOR_SEES_A,
  setSessionAutoOffer: COORDINATOR_SEES_A,
  signIn: PUBLIC,
  signInWithLink: PUBLIC,
  signOffRegister: 'refused refused refused ok      refused refused refused refused own',
  signOut: PUBLIC,
  signOutEverywhere: SIGNED_IN,
  signOutSession: 'refused own     hidden  hidden  hidden  hidden  hidden  hidden  hidden',
  startSingleSignOn: 'hidden  hidden  hidden  hidden  hidden  hidden  hidden  hidden  hidden',
  stopCalendarFeed: SIGNED_IN,
  stopImpactSurveysByLink: PUBLIC,
  stopNewDates: 'refused own     hidden  hidden  hidden  hidden  hidden  hidden  hidden',
  submitExternalLearning: SIGNED_IN,
  submitSurvey: PUBLIC,
  updateAgency: COORDINATOR,
  updateCourse: COORDINATOR,
  updateMyProfile: SIGNED_IN_OWN,
  updatePerson: COORDINATOR_SEES_A,
  updateSession: COORDINATOR,
  updateVenue: COORDINATOR,
  verifyExternalLearning: COORDINATOR_SEES_A,
  waiveCharge: COORDINATOR,
};
