/**
 * Every figure the workforce development reports print, defined once: the words here are the glossary page
 * (/manage/reports/glossary) and the "About" sheet of every export; the SQL that counts them is
 * api/src/reports/report-sql.ts, which follows these words and nothing else. A report never counts a figure
 * another way.
 */

/** The figures, by the key the API and the web app use for them. */
export enum ReportFigure {
  COURSES_DELIVERED = 'COURSES_DELIVERED',
  SESSIONS_DELIVERED = 'SESSIONS_DELIVERED',
  SESSIONS_CANCELLED = 'SESSIONS_CANCELLED',
  TRAINING_DAYS = 'TRAINING_DAYS',
  PLACES_OFFERED = 'PLACES_OFFERED',
  BOOKED = 'BOOKED',
  FILL_RATE = 'FILL_RATE',
  ATTENDED = 'ATTENDED',
  ATTENDED_FULLY = 'ATTENDED_FULLY',
  ATTENDED_PARTLY = 'ATTENDED_PARTLY',
  ATTENDED_BOOKED = 'ATTENDED_BOOKED',
  ATTENDANCE_RATE = 'ATTENDANCE_RATE',
  ATTENDED_OF_PLACES = 'ATTENDED_OF_PLACES',
  ABSENT_WITH_APOLOGY = 'ABSENT_WITH_APOLOGY',
  DID_NOT_ATTEND = 'DID_NOT_ATTEND',
  DID_NOT_ATTEND_RATE = 'DID_NOT_ATTEND_RATE',
  LATE_CANCELLATIONS = 'LATE_CANCELLATIONS',
  LATE_CANCELLATION_RATE = 'LATE_CANCELLATION_RATE',
  AWAITING_REGISTER = 'AWAITING_REGISTER',
  WALK_INS = 'WALK_INS',
  MOVED = 'MOVED',
  WAITING_LIST_DEMAND = 'WAITING_LIST_DEMAND',
  AVERAGE_ATTENDANCE = 'AVERAGE_ATTENDANCE',
  CHARGES = 'CHARGES',
  RESPONSE_RATE = 'RESPONSE_RATE',
  AVERAGE_RATING = 'AVERAGE_RATING',
  CONFIDENCE = 'CONFIDENCE',
  CHANGED_PRACTICE = 'CHANGED_PRACTICE',
  ACTION_PLANS_DONE = 'ACTION_PLANS_DONE',
  CHARGES_WAIVED = 'CHARGES_WAIVED',
  CHARGES_RAISED = 'CHARGES_RAISED',
  SESSION_RATING = 'SESSION_RATING',
  RATINGS_GIVEN = 'RATINGS_GIVEN',
  MANDATORY_APPLIES = 'MANDATORY_APPLIES',
  MANDATORY_CURRENT = 'MANDATORY_CURRENT',
  MANDATORY_DUE_SOON = 'MANDATORY_DUE_SOON',
  MANDATORY_NOT_YET_DUE = 'MANDATORY_NOT_YET_DUE',
  MANDATORY_OVERDUE = 'MANDATORY_OVERDUE',
  MANDATORY_EXPIRED = 'MANDATORY_EXPIRED',
  COMPLIANT_SHARE = 'COMPLIANT_SHARE',
}

export interface FigureDefinition {
  figure: ReportFigure;
  /** The name on the screen, in tables and exports. */
  term: string;
  /** What it counts, in the words of the glossary. */
  definition: string;
}

/** In the glossary's order: the session figures, then places, then what became of them, then rates. */
export const REPORT_DEFINITIONS: readonly FigureDefinition[] = [
  {
    figure: ReportFigure.SESSIONS_DELIVERED,
    term: 'Sessions delivered',
    definition:
      'Sessions (occasions) in the period that were not cancelled and had started by the time of the report. A session belongs to the period by the London date of its first part.',
  },
  {
    figure: ReportFigure.COURSES_DELIVERED,
    term: 'Courses delivered',
    definition: 'Different courses with at least one session delivered in the period.',
  },
  {
    figure: ReportFigure.SESSIONS_CANCELLED,
    term: 'Sessions cancelled',
    definition: 'Sessions in the period that the training team called off. Their places are not counted anywhere else.',
  },
  {
    figure: ReportFigure.TRAINING_DAYS,
    term: 'Training days',
    definition:
      'For each session delivered, the London calendar days its parts run on (two parts on one day are one day; a two-day course is two), added up.',
  },
  {
    figure: ReportFigure.PLACES_OFFERED,
    term: 'Places offered',
    definition: 'The capacity of every session delivered, added up.',
  },
  {
    figure: ReportFigure.BOOKED,
    term: 'Booked',
    definition:
      'Places on sessions delivered that were booked beforehand and still held when the session ran (confirmed), plus places cancelled after the course’s cut-off (late cancellations). Walk-ins, waiting lists and places cancelled in time are not booked. A person moved to another session counts once, on the session they were moved to.',
  },
  {
    figure: ReportFigure.FILL_RATE,
    term: 'Share of places booked (fill rate)',
    definition: 'Booked ÷ places offered.',
  },
  {
    figure: ReportFigure.ATTENDED,
    term: 'Attended',
    definition:
      'Places on sessions delivered whose decided outcome (written when every register of the session is signed off, and again after a coordinator’s correction) is attended, or partly attended on a course where partly attended counts as completing it. Walk-ins who attended are included.',
  },
  {
    figure: ReportFigure.ATTENDED_FULLY,
    term: 'Attended fully',
    definition: 'Places whose decided outcome is attended.',
  },
  {
    figure: ReportFigure.ATTENDED_PARTLY,
    term: 'Partly attended',
    definition:
      'Places whose decided outcome is partly attended (late, left early or missed a part, by the course’s rule). They count as attended only on courses where partly attended completes the course.',
  },
  {
    figure: ReportFigure.ATTENDED_BOOKED,
    term: 'Attended their booked place',
    definition: 'Attended, leaving out walk-ins: the booked places that were attended.',
  },
  {
    figure: ReportFigure.ATTENDANCE_RATE,
    term: 'Attendance rate (share of booked)',
    definition: 'Attended their booked place ÷ booked.',
  },
  {
    figure: ReportFigure.ATTENDED_OF_PLACES,
    term: 'Share of places attended',
    definition: 'Attended (walk-ins included) ÷ places offered.',
  },
  {
    figure: ReportFigure.ABSENT_WITH_APOLOGY,
    term: 'Absent with apology',
    definition: 'Booked places whose decided outcome is absent with an apology (the person told the trainer).',
  },
  {
    figure: ReportFigure.DID_NOT_ATTEND,
    term: 'Did not attend',
    definition:
      'Booked places whose decided outcome is did not attend: booked, not cancelled, and not there, with no notice. The same outcome the non-attendance list and its charges use.',
  },
  {
    figure: ReportFigure.DID_NOT_ATTEND_RATE,
    term: 'Did-not-attend rate',
    definition: 'Did not attend ÷ booked.',
  },
  {
    figure: ReportFigure.LATE_CANCELLATIONS,
    term: 'Late cancellations',
    definition:
      'Booked places whose decided outcome is late cancellation: cancelled after the course’s cancellation cut-off. The same outcome the non-attendance list and its charges use.',
  },
  {
    figure: ReportFigure.LATE_CANCELLATION_RATE,
    term: 'Late cancellation rate',
    definition: 'Late cancellations ÷ booked.',
  },
  {
    figure: ReportFigure.AWAITING_REGISTER,
    term: 'Waiting for registers',
    definition: 'Booked places on sessions whose registers are not all signed off yet, so no outcome has been decided.',
  },
  {
    figure: ReportFigure.WALK_INS,
    term: 'Walk-ins',
    definition: 'People a trainer added at the door of a session delivered, without a place booked beforehand.',
  },
  {
    figure: ReportFigure.MOVED,
    term: 'Moved',
    definition:
      'Places the training team moved from a session in the period to another session. The place counts on the session it was moved to, never twice.',
  },
  {
    figure: ReportFigure.WAITING_LIST_DEMAND,
    term: 'Waiting-list demand',
    definition:
      'People who joined the waiting list of a session of a course in the period and were never given a place on any session of that course in the period. A person counts once per course.',
  },
  {
    figure: ReportFigure.AVERAGE_ATTENDANCE,
    term: 'Average attendance per session',
    definition: 'Attended ÷ sessions delivered.',
  },
  {
    figure: ReportFigure.CHARGES,
    term: 'Charges',
    definition:
      'What agencies are charged for non-attendance and late cancellations on those places under the non-attendance policy: charges standing (not waived or void).',
  },
  {
    figure: ReportFigure.CHARGES_WAIVED,
    term: 'Charges waived',
    definition: 'Charges on those places that a coordinator waived, giving a reason. They are not invoiced.',
  },
  {
    figure: ReportFigure.CHARGES_RAISED,
    term: 'Charges raised',
    definition:
      'Every charge written on those places: charges plus charges waived. Charges voided because the outcome was corrected are not counted.',
  },
  // Evaluation and impact (report 4): the survey results' figures (api/src/surveys/survey-results-sql.ts)
  {
    figure: ReportFigure.RESPONSE_RATE,
    term: 'Response rate',
    definition:
      'Survey invitations answered, out of those sent and not withdrawn, at one stage (end of course, 6 months, 12 months), for sessions in the months of the period.',
  },
  {
    figure: ReportFigure.AVERAGE_RATING,
    term: 'Average rating',
    definition: 'The average answer (1 to 5) to a rating question at one stage, over the answers to it.',
  },
  {
    figure: ReportFigure.CONFIDENCE,
    term: 'Confidence',
    definition:
      'Average confidence (1 to 5) that attendees give: before and after the course (both asked at the end of the course), then at 6 and at 12 months.',
  },
  {
    figure: ReportFigure.CHANGED_PRACTICE,
    term: 'Changed practice',
    definition: 'At 6 or 12 months, the share of attendees answering yes to a question about a change in their practice.',
  },
  {
    figure: ReportFigure.ACTION_PLANS_DONE,
    term: 'Action plans done',
    definition: 'Action plans shown back to attendees at 6 or 12 months that they marked done (of done, partly and not yet).',
  },
  // Trainers (report 6)
  {
    figure: ReportFigure.SESSION_RATING,
    term: 'Session rating',
    definition:
      'The average answer to the rating questions of end-of-course surveys (not the confidence questions) about sessions delivered in the period, on their scale of 1 to 5. Only named responses count, since an anonymous response keeps no session. For a trainer: the sessions they trained.',
  },
  {
    figure: ReportFigure.RATINGS_GIVEN,
    term: 'Survey responses rated',
    definition: 'End-of-course survey responses with at least one rating answer that the session rating is made of.',
  },
  {
    figure: ReportFigure.MANDATORY_APPLIES,
    term: 'People it applies to',
    definition:
      'Active people a mandatory training requirement applies to on the as-at date (the last day of the period, or today if the period ends later): with one of its roles, in one of its agencies or in an agency of one of its sectors, whose account was made on or before that date. A person counts under the agency they are in now.',
  },
  {
    figure: ReportFigure.MANDATORY_CURRENT,
    term: 'Current',
    definition:
      'People whose latest completion that counts for the requirement, on or before the as-at date and not revoked, is still valid on that date and outside the refresher window.',
  },
  {
    figure: ReportFigure.MANDATORY_DUE_SOON,
    term: 'Due soon',
    definition:
      'People whose latest completion that counts is still valid on the as-at date but inside the refresher window before it expires.',
  },
  {
    figure: ReportFigure.MANDATORY_NOT_YET_DUE,
    term: 'Not yet due',
    definition: 'New starters with no completion that counts who are still inside their window to complete it on the as-at date.',
  },
  {
    figure: ReportFigure.MANDATORY_OVERDUE,
    term: 'Overdue',
    definition: 'People with no completion that counts (on or before the as-at date, not revoked) who are past the new starter’s window.',
  },
  {
    figure: ReportFigure.MANDATORY_EXPIRED,
    term: 'Expired',
    definition: 'People whose latest completion that counts is no longer valid on the as-at date.',
  },
  {
    figure: ReportFigure.COMPLIANT_SHARE,
    term: 'Compliant share',
    definition:
      'Current ÷ people it applies to, on the as-at date. Its change is against the as-at date of the previous period (its last day), in percentage points.',
  },
];

const byFigure = new Map(REPORT_DEFINITIONS.map((d) => [d.figure, d]));

/** The definition of one figure. */
export function definitionOf(figure: ReportFigure): FigureDefinition {
  return byFigure.get(figure)!;
}

/** The screen name of one figure. */
export const termOf = (figure: ReportFigure): string => definitionOf(figure).term;

/** Term and definition pairs for an export's "About" sheet. */
export function definitionsFor(figures: readonly ReportFigure[]): [string, string][] {
  return figures.map((f) => [termOf(f), definitionOf(f).definition]);
}

/** A share of a whole, or null when the whole is zero (shown as "–", never as 0%). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** A share as the screen shows it: "72.5%", or "–" when there is no whole. */
export function formatShare(share: number | null): string {
  return share === null ? '–' : `${(share * 100).toFixed(1)}%`;
}
