import { redirect } from '@sveltejs/kit';
import {
  CalendarFeedDocument,
  ChangePasswordDocument,
  MyAccountSecurityDocument,
  MyCourseInterestsDocument,
  MyProfileDocument,
  RegistrationAgenciesDocument,
  RequestAgencyMoveDocument,
  ResetCalendarFeedDocument,
  SignOutEverywhereDocument,
  SignOutSessionDocument,
  StopCalendarFeedDocument,
  StopNewDatesDocument,
  UpdateMyProfileDocument,
} from '@lh/graphql-client';
import { api, failLoad, SESSION_COOKIE } from '$lib/server/api';
import { failFromApi, submitForm } from '$lib/server/forms';
import { agencyChoice } from '../register/agency-choice';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

export const load: PageServerLoad = async (event) => {
  const me = requireViewer(event);
  try {
    const [{ calendarFeed }, { myProfile }, { myAccountSecurity }, { registrationAgencies }, { myCourseInterests }] = await Promise.all([
      api(event, CalendarFeedDocument, {}),
      api(event, MyProfileDocument, {}),
      api(event, MyAccountSecurityDocument, {}),
      api(event, RegistrationAgenciesDocument, {}),
      api(event, MyCourseInterestsDocument, {}),
    ]);
    return {
      me,
      calendarFeed,
      profile: myProfile,
      security: myAccountSecurity,
      agencies: registrationAgencies,
      courseInterests: myCourseInterests,
      passwordSet: event.url.searchParams.get('password') === 'set',
    };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  /** Name, job title and team. */
  details: async (event) => {
    const form = await event.request.formData();
    const values = {
      name: String(form.get('name') ?? ''),
      jobTitle: String(form.get('jobTitle') ?? ''),
      team: String(form.get('team') ?? ''),
    };
    const outcome = await submitForm({
      problems: [],
      fields: ['name', 'jobTitle', 'team'],
      values,
      call: () => api(event, UpdateMyProfileDocument, { input: values }),
    });
    return outcome.ok ? { detailsSaved: true } : outcome.failure;
  },
  /** Asks to move to another agency: a coordinator confirms it. */
  agencyMove: async (event) => {
    const form = await event.request.formData();
    const values = { agencyId: String(form.get('agencyId') ?? ''), agencyName: String(form.get('agencyName') ?? '') };
    const outcome = await submitForm({
      problems: [],
      fields: ['agencyId', 'agencyName'],
      values,
      call: () => api(event, RequestAgencyMoveDocument, { input: agencyChoice(values.agencyId, values.agencyName) }),
    });
    return outcome.ok ? { moveRequested: outcome.result.requestAgencyMove.requestedAgencyName } : outcome.failure;
  },
  /** Your usual line manager: prefilled when a course needs approval. */
  lineManager: async (event) => {
    const form = await event.request.formData();
    const values = { lineManagerEmail: String(form.get('lineManagerEmail') ?? '') };
    try {
      await api(event, UpdateMyProfileDocument, { input: { lineManagerEmail: values.lineManagerEmail } });
      return { lineManagerSaved: true };
    } catch (e) {
      return failFromApi(e, ['lineManagerEmail'], values);
    }
  },
  /** Access and dietary needs: prefilled on every booking form (each booking keeps its own copy). */
  needs: async (event) => {
    const form = await event.request.formData();
    const values = { accessNeeds: String(form.get('accessNeeds') ?? ''), dietaryNeeds: String(form.get('dietaryNeeds') ?? '') };
    try {
      await api(event, UpdateMyProfileDocument, { input: values });
      return { needsSaved: true };
    } catch (e) {
      return failFromApi(e, ['accessNeeds', 'dietaryNeeds'], values);
    }
  },
  /** Makes a new feed address (the old one stops working) and shows it this once. */
  resetFeed: async (event) => {
    try {
      const { resetCalendarFeed } = await api(event, ResetCalendarFeedDocument, {});
      return { feedUrl: resetCalendarFeed.url };
    } catch (e) {
      return failFromApi(e, []);
    }
  },
  stopFeed: async (event) => {
    try {
      await api(event, StopCalendarFeedDocument, {});
      return { feedStopped: true };
    } catch (e) {
      return failFromApi(e, []);
    }
  },
  /** Stops one "tell me when new dates are added" request. */
  stopNewDates: async (event) => {
    const form = await event.request.formData();
    try {
      const { stopNewDates } = await api(event, StopNewDatesDocument, { interestId: String(form.get('interestId') ?? '') });
      return { newDatesStopped: stopNewDates.courseTitle };
    } catch (e) {
      return failFromApi(e, []);
    }
  },
  /** Needs the current password; every other session ends. */
  changePassword: async (event) => {
    const form = await event.request.formData();
    const input = { currentPassword: String(form.get('currentPassword') ?? ''), newPassword: String(form.get('newPassword') ?? '') };
    try {
      await api(event, ChangePasswordDocument, { input });
      return { passwordChanged: true };
    } catch (e) {
      return failFromApi(e, ['currentPassword', 'newPassword']);
    }
  },
  signOutSession: async (event) => {
    const form = await event.request.formData();
    try {
      await api(event, SignOutSessionDocument, { sessionId: String(form.get('sessionId') ?? '') });
      return { sessionEnded: true };
    } catch (e) {
      return failFromApi(e, []);
    }
  },
  /** Every session ends, this one too: back to the sign-in page, which says so. */
  signOutEverywhere: async (event) => {
    try {
      await api(event, SignOutEverywhereDocument, {});
    } catch (e) {
      return failFromApi(e, []);
    }
    event.cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, '/sign-in?signed-out=everywhere');
  },
};
