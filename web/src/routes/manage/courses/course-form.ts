import { fail } from '@sveltejs/kit';
import type { AgencySector, AttendanceRule, CourseFormat, CreateCourseInput, Role } from '@lh/graphql-client';
import { wholeNumber, type FormProblem } from '$lib/server/forms';

/** What the course form shows: what was typed (after a refusal) or the course as it is. */
export type CourseFormValues = {
  title: string;
  summary: string;
  learningOutcomes: string;
  priorityAreaId: string;
  level: string;
  format: string;
  durationMinutes: string;
  requiresApproval: string;
  audienceAgencyIds: string[];
  audienceSectors: string[];
  audienceRoles: string[];
  prerequisiteCourseId: string;
  cancellationCutoffWorkingDays: string;
  attendanceRule: string;
  attendanceMinimumPercent: string;
  partlyAttendedCompletes: string;
  certificateValidMonths: string;
  learningUrl: string;
  externalCode: string;
  /** Adding only: 'yes' to publish the new course straight away (otherwise it is a draft). */
  publishNow?: string;
};

/** The form's fields, named as the API names them, so its field problems land next to them. */
export const COURSE_FIELDS = [
  'title',
  'summary',
  'learningOutcomes',
  'priorityAreaId',
  'level',
  'format',
  'durationMinutes',
  'requiresApproval',
  'audienceAgencyIds',
  'audienceSectors',
  'audienceRoles',
  'prerequisiteCourseId',
  'cancellationCutoffWorkingDays',
  'attendanceRule',
  'attendanceMinimumPercent',
  'partlyAttendedCompletes',
  'certificateValidMonths',
  'learningUrl',
  'externalCode',
];

export const emptyCourse: CourseFormValues = {
  title: '',
  summary: '',
  learningOutcomes: '',
  priorityAreaId: '',
  level: '',
  format: 'FACE_TO_FACE',
  durationMinutes: '',
  requiresApproval: 'no',
  audienceAgencyIds: [],
  audienceSectors: [],
  audienceRoles: [],
  prerequisiteCourseId: '',
  cancellationCutoffWorkingDays: '5',
  attendanceRule: 'ALL_PARTS',
  attendanceMinimumPercent: '',
  partlyAttendedCompletes: 'no',
  certificateValidMonths: '',
  learningUrl: '',
  externalCode: '',
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const list = (form: FormData, name: string) => form.getAll(name).map(String);

/**
 * Reads the posted course form. Numbers that are not whole numbers are problems found here (the API
 * only sees numbers; it gets a stand-in it refuses, so it still checks every other field in the same
 * round: see `submitForm`); everything else is checked by the API, which names the fields. `failure`
 * is set only for a form that was not sent from the page (no approval answer at all).
 */
export function readCourseForm(form: FormData) {
  const values: CourseFormValues = {
    title: text(form, 'title'),
    summary: text(form, 'summary'),
    learningOutcomes: text(form, 'learningOutcomes'),
    priorityAreaId: text(form, 'priorityAreaId'),
    level: text(form, 'level'),
    format: text(form, 'format'),
    durationMinutes: text(form, 'durationMinutes'),
    requiresApproval: text(form, 'requiresApproval'),
    audienceAgencyIds: list(form, 'audienceAgencyIds'),
    audienceSectors: list(form, 'audienceSectors'),
    audienceRoles: list(form, 'audienceRoles'),
    prerequisiteCourseId: text(form, 'prerequisiteCourseId'),
    cancellationCutoffWorkingDays: text(form, 'cancellationCutoffWorkingDays'),
    attendanceRule: text(form, 'attendanceRule'),
    attendanceMinimumPercent: text(form, 'attendanceMinimumPercent').replace(/\s*%$/, ''),
    partlyAttendedCompletes: text(form, 'partlyAttendedCompletes') === 'yes' ? 'yes' : 'no',
    certificateValidMonths: text(form, 'certificateValidMonths'),
    learningUrl: text(form, 'learningUrl'),
    externalCode: text(form, 'externalCode'),
    publishNow: text(form, 'publishNow') === 'yes' ? 'yes' : '',
  };
  const problems: FormProblem[] = [];
  const byShare = values.attendanceRule === 'SHARE_OF_TIME';
  if (byShare && !/^\d+$/.test(values.attendanceMinimumPercent)) {
    problems.push({ field: 'attendanceMinimumPercent', message: 'Enter the share of the time to attend as a whole number from 1 to 100' });
  }
  if (values.certificateValidMonths && !/^\d+$/.test(values.certificateValidMonths)) {
    problems.push({
      field: 'certificateValidMonths',
      message: 'Enter how many months certificates stay valid as a whole number from 1 to 120, or leave it empty if they do not expire',
    });
  }
  if (!/^\d+$/.test(values.durationMinutes)) {
    problems.push({ field: 'durationMinutes', message: 'Enter the duration as a whole number of minutes, like 180' });
  }
  if (!/^\d+$/.test(values.cancellationCutoffWorkingDays)) {
    problems.push({
      field: 'cancellationCutoffWorkingDays',
      message: 'Enter the cancellation cut-off as a whole number of working days, like 5',
    });
  }
  if (values.requiresApproval !== 'yes' && values.requiresApproval !== 'no') {
    problems.push({ field: 'requiresApproval', message: "Say whether bookings need the line manager's approval" });
    // No stand-in the API would refuse exists for a yes/no, so this one (a form not sent from the page) is answered alone.
    return { values, problems, failure: fail(400, { errors: problems, values, code: 'BAD_USER_INPUT' }) };
  }
  if (!byShare && values.attendanceRule !== 'ALL_PARTS') {
    problems.push({ field: 'attendanceRule', message: 'Choose how attendance is decided' });
    // the same for a choice of two
    return { values, problems, failure: fail(400, { errors: problems, values, code: 'BAD_USER_INPUT' }) };
  }
  const input: CreateCourseInput = {
    title: values.title,
    summary: values.summary,
    learningOutcomes: values.learningOutcomes.split(/\r?\n/),
    priorityAreaId: values.priorityAreaId,
    level: Number(values.level) || 0,
    format: values.format as CourseFormat,
    durationMinutes: wholeNumber(values.durationMinutes),
    requiresApproval: values.requiresApproval === 'yes',
    audienceAgencyIds: values.audienceAgencyIds,
    audienceSectors: values.audienceSectors as AgencySector[],
    audienceRoles: values.audienceRoles as Role[],
    prerequisiteCourseId: values.prerequisiteCourseId || null,
    cancellationCutoffWorkingDays: wholeNumber(values.cancellationCutoffWorkingDays),
    attendanceRule: values.attendanceRule as AttendanceRule,
    attendanceMinimumPercent: byShare ? wholeNumber(values.attendanceMinimumPercent) : null,
    partlyAttendedCompletes: values.partlyAttendedCompletes === 'yes',
    certificateValidMonths: values.certificateValidMonths ? wholeNumber(values.certificateValidMonths) : null,
    learningUrl: values.learningUrl || null,
    externalCode: values.externalCode || null,
  };
  return { values, input, problems };
}
