import { MyMandatoryTrainingDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event);
  try {
    const { myMandatoryTraining } = await api(event, MyMandatoryTrainingDocument, {});
    return { training: myMandatoryTraining };
  } catch (e) {
    failLoad(e, event);
  }
};
