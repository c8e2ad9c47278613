import { redirect } from '@sveltejs/kit';
import { CourseFormOptionsDocument, SaveMandatoryRequirementDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { requireViewer } from '$lib/server/access';
import { REQUIREMENT_FIELDS, emptyRequirement, readRequirementForm } from '../requirement-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { courses, agencies } = await api(event, CourseFormOptionsDocument, {});
    return { courses, agencies, values: emptyRequirement };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireViewer(event, 'COORDINATOR');
    const { values, input } = readRequirementForm(await event.request.formData());
    try {
      await api(event, SaveMandatoryRequirementDocument, { input });
    } catch (e) {
      return failFromApi(e, REQUIREMENT_FIELDS, values);
    }
    redirect(303, '/manage/mandatory-training?done=saved');
  },
};
