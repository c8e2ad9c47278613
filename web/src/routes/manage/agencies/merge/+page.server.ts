import { redirect } from '@sveltejs/kit';
import { AdminAgenciesDocument, AgencyMergePreviewDocument, ApiRequestError, MergeAgenciesDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi, type FormProblem } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { requireViewer } from '$lib/server/access';

const FIELDS = ['fromAgencyId', 'intoAgencyId'];

/** Choosing the two agencies is a GET form; with both chosen the page shows the preview and the button that merges. */
export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  const values = {
    fromAgencyId: event.url.searchParams.get('fromAgencyId') ?? event.url.searchParams.get('from') ?? '',
    intoAgencyId: event.url.searchParams.get('intoAgencyId') ?? '',
  };
  let agencies;
  try {
    ({ adminAgencies: agencies } = await api(event, AdminAgenciesDocument, {}));
  } catch (e) {
    failLoad(e, event);
  }
  const problems: FormProblem[] = [];
  const asked = event.url.searchParams.has('intoAgencyId');
  if (asked && !values.fromAgencyId) {
    problems.push({ field: 'fromAgencyId', message: 'Choose the agency to merge' });
  }
  if (asked && !values.intoAgencyId) {
    problems.push({ field: 'intoAgencyId', message: 'Choose the agency to keep' });
  }
  let preview = null;
  if (asked && !problems.length) {
    try {
      preview = (await api(event, AgencyMergePreviewDocument, values)).agencyMergePreview;
    } catch (e) {
      if (!(e instanceof ApiRequestError) || e.code !== 'BAD_USER_INPUT') {
        failLoad(e, event);
      }
      problems.push(...failFromApi(e, FIELDS).data.errors);
    }
  }
  return { agencies, values, preview, errors: problems };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = { fromAgencyId: String(form.get('fromAgencyId') ?? ''), intoAgencyId: String(form.get('intoAgencyId') ?? '') };
    try {
      await api(event, MergeAgenciesDocument, values);
    } catch (e) {
      return failFromApi(e, FIELDS, values);
    }
    redirect(303, `/manage/agencies/${values.intoAgencyId}?done=merged`);
  },
};
