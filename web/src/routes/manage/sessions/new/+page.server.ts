import { redirect } from '@sveltejs/kit';
import { CreateSessionDocument, SessionFormOptionsDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { newSessionProblem, noSessionsProblem } from '@lh/domain';
import { defaultsToOnline, emptyPart, MIN_PART_ROWS, type SessionFormValues } from '../session-form';
import { readSessionForm, resizeSessionForm, submitSessionForm } from '../session-form.server';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

const emptySession = (): SessionFormValues => ({
  parts: Array.from({ length: MIN_PART_ROWS }, () => ({ ...emptyPart })),
  venueId: '',
  room: '',
  onlineUrl: '',
  joiningInstructions: '',
  capacity: '',
  bookingOpensOn: { day: '', month: '', year: '' },
  bookingClosesOn: { day: '', month: '', year: '' },
  autoOfferWaitlist: 'yes',
  trainerIds: [],
});

/** Two steps on one page: choose the course (a GET form), then the session form for it. */
export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { courses: all, venues, trainerPool } = await api(event, SessionFormOptionsDocument, {});
    const courseId = event.url.searchParams.get('courseId') ?? '';
    const chosen = all.find((c) => c.id === courseId) ?? null;
    // archived courses take no new sessions (drafts do: they are prepared before they are published)
    const courses = all.filter((c) => c.id === courseId || !newSessionProblem(c.status));
    // e-learning has no sessions, and an archived course takes none: say so at the first step rather than
    // after the whole form (the API refuses both too)
    const formatProblem = chosen ? (noSessionsProblem(chosen.format) ?? newSessionProblem(chosen.status)) : null;
    const course = formatProblem ? null : chosen;
    // "Continue" with no course chosen sends courseId= (empty): that is a problem too (WCAG 3.3.1).
    const courseError =
      formatProblem?.message ?? (event.url.searchParams.has('courseId') && !chosen ? 'Choose a course from the list' : null);
    const placeDefault: 'venue' | 'online' = course && defaultsToOnline(course.format) ? 'online' : 'venue';
    return { courses, venues, trainerPool, course, courseError, placeDefault, values: emptySession() };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const { values, plan, problems, capacity } = readSessionForm(form);
    const sent = await submitSessionForm(problems, values, () =>
      api(event, CreateSessionDocument, {
        input: { ...plan, courseId: String(form.get('courseId') ?? ''), capacity, trainerIds: values.trainerIds ?? [] },
      }),
    );
    if (!sent.ok) {
      return sent.failure;
    }
    redirect(303, `/manage/sessions/${sent.result.createSession.id}/edit?done=added`);
  },
  addPart: (event) => resizeSessionForm(event.request, 'add'),
  removePart: (event) => resizeSessionForm(event.request, 'remove'),
};
