import { redirect } from '@sveltejs/kit';
import { CourseFormOptionsDocument, MandatoryRequirementDocument, SaveMandatoryRequirementDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failFromApi } from '$lib/server/forms';
import { requireViewer } from '$lib/server/access';
import { REQUIREMENT_FIELDS, readRequirementForm, type RequirementValues } from '../requirement-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const [{ courses, agencies }, { mandatoryRequirement: r }] = await Promise.all([
      api(event, CourseFormOptionsDocument, {}),
      api(event, MandatoryRequirementDocument, { id: event.params.id }),
    ]);
    const values: RequirementValues = {
      name: r.name,
      roles: r.roles,
      sectors: r.sectors,
      agencyIds: r.agencyIds,
      courseIds: r.courseIds,
      externalMinLevel: r.externalMinLevel ? String(r.externalMinLevel) : '',
      validityMonths: String(r.validityMonths),
      newStarterMonths: String(r.newStarterMonths),
      refresherMonths: String(r.refresherMonths),
    };
    return { courses, agencies, values, name: r.name };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireViewer(event, 'COORDINATOR');
    const { values, input } = readRequirementForm(await event.request.formData());
    try {
      await api(event, SaveMandatoryRequirementDocument, { id: event.params.id, input });
    } catch (e) {
      return failFromApi(e, REQUIREMENT_FIELDS, values);
    }
    redirect(303, '/manage/mandatory-training?done=saved');
  },
};
