import { redirect } from '@sveltejs/kit';
import {
  ChangeCourseStatusDocument,
  CourseAdminDocument,
  CourseFormOptionsDocument,
  CoursesWaitingForDatesDocument,
  UpdateCourseDocument,
  type CourseStatus,
} from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi, submitForm } from '$lib/server/forms';
import { COURSE_FIELDS, readCourseForm, type CourseFormValues } from '../../course-form';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const [{ courseAdmin: c }, options, { coursesWaitingForDates }] = await Promise.all([
      api(event, CourseAdminDocument, { id: event.params.id }),
      api(event, CourseFormOptionsDocument, {}),
      api(event, CoursesWaitingForDatesDocument, {}),
    ]);
    const waitingForDates = coursesWaitingForDates.find((w) => w.courseId === c.id)?.waiting ?? 0;
    const values: CourseFormValues = {
      title: c.title,
      summary: c.summary,
      learningOutcomes: c.learningOutcomes.join('\n'),
      priorityAreaId: c.priorityAreaId,
      level: String(c.level),
      format: c.format,
      durationMinutes: String(c.durationMinutes),
      requiresApproval: c.requiresApproval ? 'yes' : 'no',
      audienceAgencyIds: c.audienceAgencyIds,
      audienceSectors: c.audienceSectors,
      audienceRoles: c.audienceRoles,
      prerequisiteCourseId: c.prerequisite?.id ?? '',
      cancellationCutoffWorkingDays: String(c.cancellationCutoffWorkingDays),
      attendanceRule: c.attendanceRule,
      attendanceMinimumPercent: c.attendanceRule === 'SHARE_OF_TIME' ? String(c.attendanceMinimumPercent) : '',
      partlyAttendedCompletes: c.partlyAttendedCompletes ? 'yes' : 'no',
      certificateValidMonths: c.certificateValidMonths === null ? '' : String(c.certificateValidMonths),
      learningUrl: c.learningUrl ?? '',
      externalCode: c.externalCode ?? '',
    };
    return {
      course: c,
      options: { ...options, courses: options.courses.filter((o) => o.id !== c.id) },
      values,
      waitingForDates,
      done: event.url.searchParams.get('done'),
    };
  } catch (e) {
    failLoad(e, event);
  }
};

/** Publishing a draft, archiving, publishing an archived course again: a button each, then a banner saying what happened. */
async function changeStatus(event: Parameters<Actions[string]>[0], status: CourseStatus, done: string) {
  try {
    await api(event, ChangeCourseStatusDocument, { id: event.params.id!, status });
  } catch (e) {
    return failFromApi(e, []);
  }
  redirect(303, `/manage/courses/${event.params.id}/edit?done=${done}`);
}

export const actions: Actions = {
  publish: (event) => changeStatus(event, 'PUBLISHED', 'published'),
  archive: (event) => changeStatus(event, 'ARCHIVED', 'archived'),
  save: async (event) => {
    const { values, input, problems, failure } = readCourseForm(await event.request.formData());
    if (failure) {
      return failure;
    }
    const sent = await submitForm({
      problems,
      fields: COURSE_FIELDS,
      values,
      call: () => api(event, UpdateCourseDocument, { input: { id: event.params.id, ...input } }),
    });
    if (!sent.ok) {
      return sent.failure;
    }
    redirect(303, `/manage/courses?done=saved&course=${event.params.id}`);
  },
};
