import {
  attendanceMarkLabels,
  auditActionLabels,
  bookingActionLabels,
  bookingStatusLabels,
  chargeStatusLabels,
  courseOutcomeLabels,
  externalLearningStatusLabels,
  mailKindLabels,
  mailStatusLabels,
  markSourceLabels,
  personStatusLabels,
  roleLabels,
  signInMethodLabels,
  surveyStageLabels,
} from '@lh/domain';

/**
 * Everything Learning Hub holds about a person, for their subject access request (UK GDPR article 15): one
 * section per kind of data, each one SQL query over the person's id ($1) and email address in lower case ($2),
 * with columns named in the words the download shows. Secrets are never selected (password and token hashes,
 * single sign-on subject); other people are named only when they acted for the partnership (the audit log's
 * actor), never when they are another practitioner. A new table holding personal data gets a section here
 * (the test of this module fails for a table with a person column that no section reads).
 */
export interface PersonalDataSection {
  key: string;
  title: string;
  /** One line under the title saying what it is. */
  about: string;
  sql: string;
  /** Columns whose stored codes are shown as words. */
  labels?: Record<string, Readonly<Record<string, string>>>;
  /** The tables this section reads people's data from (checked by the test against the schema). */
  tables: string[];
  /** "Before" and "After" are an audit entry's change, shown as one "What changed" in words. */
  auditChange?: boolean;
}

const courseOfSession = 'join session s on s.id = b.session_id join course c on c.id = s.course_id';

export const PERSONAL_DATA_SECTIONS: readonly PersonalDataSection[] = [
  {
    key: 'account',
    title: 'Your account',
    about: 'Your profile as Learning Hub holds it.',
    tables: ['person'],
    sql: `select p.name as "Name", p.email as "Email address", p.job_title as "Job title", p.team as "Team", a.name as "Agency",
        p.line_manager_email as "Line manager's email address", p.roles::text[] as "Roles", p.status::text as "Account status",
        p.email_verified_at as "Email address confirmed", p.access_needs as "Access needs", p.dietary_needs as "Dietary needs",
        (p.password_hash is not null) as "Has a password", (p.sso_subject is not null) as "Signs in by single sign-on",
        p.created_at as "Account created"
      from person p left join agency a on a.id = p.agency_id where p.id = $1`,
    labels: { Roles: roleLabels, 'Account status': personStatusLabels },
  },
  {
    key: 'bookings',
    title: 'Bookings',
    about: 'Every place you booked, asked for or waited for, with what you told us for it.',
    tables: ['booking'],
    sql: `select c.title as "Course", s.starts_at as "Session starts", b.status::text as "Status", a.name as "Agency booked under",
        b.access_needs as "Access needs", b.dietary_needs as "Dietary needs", b.manager_email as "Line manager's email address",
        b.walk_in as "Walk-in", b.late_cancellation as "Late cancellation", b.created_at as "Booked", b.cancelled_at as "Cancelled"
      from booking b ${courseOfSession} left join agency a on a.id = b.agency_id where b.person_id = $1 order by s.starts_at, b.created_at`,
    labels: { Status: bookingStatusLabels },
  },
  {
    key: 'bookingHistory',
    title: 'Booking history',
    about: 'What happened to each booking, and who did it.',
    tables: ['booking_event'],
    sql: `select e.at as "When", c.title as "Course", s.starts_at as "Session starts", e.action as "What happened",
        e.from_status::text as "From", e.to_status::text as "To", e.reason as "Reason",
        case when e.actor_id = $1 then 'You' when e.actor_id is not null then 'The training team'
             when e.actor_email is not null then 'Your line manager' else 'Learning Hub' end as "By"
      from booking_event e join booking b on b.id = e.booking_id ${courseOfSession} where b.person_id = $1 order by e.at`,
    labels: { 'What happened': bookingActionLabels, From: bookingStatusLabels, To: bookingStatusLabels },
  },
  {
    key: 'managerDecisions',
    title: 'Decisions you made as a line manager',
    about: 'Approvals you gave or refused for members of your team (their names are not shown here).',
    tables: [],
    sql: `select e.at as "When", c.title as "Course", s.starts_at as "Session starts", e.action as "What happened", e.reason as "Reason"
      from booking_event e join booking b on b.id = e.booking_id ${courseOfSession}
      where e.actor_id is null and lower(e.actor_email) = $2 and b.person_id <> $1 order by e.at`,
    labels: { 'What happened': bookingActionLabels },
  },
  {
    key: 'registerMarks',
    title: 'Register marks',
    about: 'Every mark on a register for you, corrections included.',
    tables: ['attendance_event'],
    sql: `select ev.at as "When", c.title as "Course", sp.starts_at as "Part starts", ev.mark::text as "Mark", ev.minutes as "Minutes attended",
        ev.note as "Note", ev.reason as "Reason for the change", ev.source::text as "How it was recorded"
      from attendance_event ev join booking b on b.id = ev.booking_id join session_part sp on sp.id = ev.part_id ${courseOfSession}
      where b.person_id = $1 order by ev.at`,
    labels: { Mark: attendanceMarkLabels, 'How it was recorded': markSourceLabels },
  },
  {
    key: 'outcomes',
    title: 'Attendance outcomes',
    about: 'Whether you attended each course, once its registers were signed off.',
    tables: ['attendance_outcome'],
    sql: `select c.title as "Course", s.starts_at as "Session starts", o.outcome::text as "Outcome", o.minutes_attended as "Minutes attended",
        o.minutes_scheduled as "Minutes scheduled", o.decided_at as "Decided"
      from attendance_outcome o join session s on s.id = o.session_id join course c on c.id = s.course_id
      where o.person_id = $1 order by s.starts_at`,
    labels: { Outcome: courseOutcomeLabels },
  },
  {
    key: 'trainingRecord',
    title: 'Training record',
    about: 'Learning counted on your training record, including entries later withdrawn.',
    tables: ['training_completion'],
    sql: `select t.title as "Learning", t.source::text as "Source", t.provider as "Provider", t.outcome::text as "Outcome",
        t.started_on::text as "Started", t.completed_on::text as "Completed", t.minutes as "Minutes", t.recorded_at as "Recorded",
        t.revoked_at as "Withdrawn", t.revoked_reason as "Why withdrawn"
      from training_completion t where t.person_id = $1 order by t.completed_on, t.recorded_at`,
    labels: { Outcome: courseOutcomeLabels },
  },
  {
    key: 'externalLearning',
    title: 'Learning done elsewhere',
    about: 'Learning you entered yourself, with its evidence file and whether it was accepted.',
    tables: ['external_learning'],
    sql: `select x.title as "Learning", x.provider as "Provider", x.completed_on::text as "Completed", x.minutes as "Minutes",
        x.status::text as "Status", f.file_name as "Evidence file", x.submitted_at as "Entered", x.decided_at as "Checked",
        x.rejection_reason as "Why it was not accepted"
      from external_learning x left join evidence_file f on f.id = x.evidence_id where x.person_id = $1 order by x.submitted_at`,
    labels: { Status: externalLearningStatusLabels },
  },
  {
    key: 'certificates',
    title: 'Certificates',
    about: 'Certificates issued to you, with the code anyone can check.',
    tables: ['certificate'],
    sql: `select x.code as "Code", x.course_title as "Course", x.holder_name as "Name on the certificate", x.completed_on::text as "Completed",
        x.issued_at as "Issued", x.expires_on::text as "Valid until", x.status::text as "Status", x.revoked_reason as "Why withdrawn"
      from certificate x where x.person_id = $1 order by x.issued_at`,
  },
  {
    key: 'surveyAnswers',
    title: 'Survey answers',
    about: 'Answers you gave to surveys that were not anonymous. Anonymous answers are not linked to you, so they cannot be shown.',
    tables: ['survey_response'],
    sql: `select r.stage::text as "Survey", c.title as "Course", r.submitted_at as "Sent",
        (select string_agg(coalesce(q.question->>'text', a.answer->>'questionId')
            || case when a.answer->>'outcomeIndex' is not null then ' (learning outcome ' || ((a.answer->>'outcomeIndex')::int + 1) || ')' else '' end
            || ': ' || case jsonb_typeof(a.answer->'value')
                        when 'array' then (select string_agg(x, ', ') from jsonb_array_elements_text(a.answer->'value') x)
                        else coalesce(a.answer->>'value', '') end, E'\\n' order by a.n)
           from jsonb_array_elements(r.answers) with ordinality as a(answer, n)
           left join lateral (select qq as question from jsonb_array_elements(v.questions) qq where qq->>'id' = a.answer->>'questionId' limit 1) q on true
        ) as "Answers"
      from survey_response r join survey_template_version v on v.id = r.template_version_id left join course c on c.id = r.course_id
      where r.identified and r.person_id = $1 order by r.submitted_at`,
    labels: { Survey: surveyStageLabels },
  },
  {
    key: 'surveyInvitations',
    title: 'Survey invitations',
    about: 'Surveys you were asked to answer, and your saved drafts and action plans.',
    tables: ['survey_invitation', 'survey_opt_out'],
    sql: `select i.stage::text as "Survey", c.title as "Course", i.status::text as "Status", i.created_at as "Asked", i.submitted_at as "Answered",
        i.action_plan_text as "Action plan", (i.draft is not null) as "Has a saved draft",
        (select o.opted_out_at from survey_opt_out o where o.person_id = $1) as "Asked for no more surveys"
      from survey_invitation i join session s on s.id = i.session_id join course c on c.id = s.course_id
      where i.person_id = $1 order by i.created_at`,
    labels: { Survey: surveyStageLabels },
  },
  {
    key: 'checkIns',
    title: 'Check-in requests',
    about: 'Times you asked to be marked present at a session you had not booked.',
    tables: ['check_in_request'],
    sql: `select r.requested_at as "Asked", c.title as "Course", sp.starts_at as "Part starts", r.status::text as "Status", r.decided_at as "Decided"
      from check_in_request r join session_part sp on sp.id = r.part_id join session s on s.id = sp.session_id join course c on c.id = s.course_id
      where r.person_id = $1 order by r.requested_at`,
  },
  {
    key: 'charges',
    title: 'Non-attendance charges',
    about: 'Charges to your agency for a place you did not use.',
    tables: ['non_attendance_charge'],
    sql: `select c.title as "Course", s.starts_at as "Session starts", n.outcome::text as "Outcome", to_char(n.amount_pence / 100.0, 'FM999990.00') as "Amount (£)",
        n.rule as "Rule", n.status::text as "Status", n.status_reason as "Reason", n.charged_at as "Charged"
      from non_attendance_charge n join session s on s.id = n.session_id join course c on c.id = s.course_id
      where n.person_id = $1 order by s.starts_at`,
    labels: { Outcome: courseOutcomeLabels, Status: chargeStatusLabels },
  },
  {
    key: 'agencyRequests',
    title: 'Agency requests',
    about: 'Requests to join or move to an agency, and what was decided.',
    tables: ['agency_request'],
    sql: `select r.created_at as "Asked", r.kind::text as "Request", coalesce(a.name, r.requested_name) as "Agency asked for",
        r.status::text as "Status", r.decided_at as "Decided", r.reason as "Reason"
      from agency_request r left join agency a on a.id = r.requested_agency_id where r.person_id = $1 order by r.created_at`,
  },
  {
    key: 'mandatoryReminders',
    title: 'Mandatory training reminders',
    about: 'Reminders we sent about training your role requires.',
    tables: ['mandatory_reminder'],
    sql: `select m.sent_at as "Sent", q.name as "Requirement", m.kind::text as "Reminder"
      from mandatory_reminder m join mandatory_requirement q on q.id = m.requirement_id where m.person_id = $1 order by m.sent_at`,
    labels: { Reminder: mailKindLabels },
  },
  {
    key: 'mail',
    title: 'Mail sent to you',
    about: 'Every mail Learning Hub wrote to you, with its text.',
    tables: ['outbox_message'],
    sql: `select m.created_at as "Written", m.kind::text as "Kind", m.subject as "Subject", m.status::text as "Status", m.sent_at as "Sent",
        m.text as "Text"
      from outbox_message m where m.person_id = $1 or lower(m.to_email) = $2 order by m.created_at`,
    labels: { Kind: mailKindLabels, Status: mailStatusLabels },
  },
  {
    key: 'signIns',
    title: 'Where you are signed in',
    about: 'Your sign-in sessions: when they started, when they were last used, and the browser.',
    tables: ['auth_session'],
    sql: `select a.created_at as "Signed in", a.method as "How", a.last_used_at as "Last used", a.expires_at as "Ends", a.user_agent as "Browser"
      from auth_session a where a.person_id = $1 order by a.created_at`,
    labels: { How: signInMethodLabels },
  },
  {
    key: 'calendarFeed',
    title: 'Calendar feed',
    about: 'The private address your calendar reads your sessions from, if you made one (the address itself is secret and not shown).',
    tables: ['calendar_feed'],
    sql: `select f.created_at as "Made" from calendar_feed f where f.person_id = $1 order by f.created_at`,
  },
  {
    key: 'newDates',
    title: 'New dates you asked about',
    about: 'Courses you asked us to tell you about when new dates are added, and whether we did.',
    tables: ['course_interest'],
    sql: `select c.title as "Course", i.asked_at as "Asked", i.notified_at as "Told about new dates", i.stopped_at as "Stopped"
      from course_interest i join course c on c.id = i.course_id where i.person_id = $1 order by i.asked_at`,
  },
  {
    key: 'training',
    title: 'Sessions you train',
    about: 'Sessions you are a trainer for, and registers you signed off.',
    tables: ['session_trainer', 'register_sign_off'],
    sql: `select c.title as "Course", s.starts_at as "Session starts",
        (select max(r.signed_at) from register_sign_off r join session_part sp on sp.id = r.part_id where sp.session_id = s.id and r.signed_by_id = $1) as "You signed off a register"
      from session_trainer t join session s on s.id = t.session_id join course c on c.id = s.course_id where t.person_id = $1 order by s.starts_at`,
  },
  {
    key: 'audit',
    title: 'Audit log entries about you',
    about: 'Sensitive changes to your account or records, who made them, and why.',
    tables: ['audit_entry'],
    sql: `select e.at as "When", e.action::text as "What", e.actor_name as "By", e.before as "Before", e.after as "After", e.reason as "Reason"
      from audit_entry e where e.subject_person_id = $1 order by e.at`,
    labels: { What: auditActionLabels },
    auditChange: true,
  },
];

/**
 * Tables with a column naming a person that no section reads, and why: secrets and short-lived sign-in
 * machinery (never shown to anyone), or a coordinator's work on partnership settings rather than data about them.
 */
export const NOT_IN_PERSONAL_DATA: Readonly<Record<string, string>> = {
  account_token: 'hashed single-use links (secrets, kept for minutes)',
  sso_attempt: 'single sign-on state (secrets, kept for minutes)',
  rate_limit: 'hashed counters of attempts (kept for the limit window)',
  survey_quote_pick: 'a coordinator choosing an anonymous quote',
  mandatory_requirement: 'a coordinator changing a requirement',
  non_attendance_policy: 'a coordinator changing charge rates',
};
