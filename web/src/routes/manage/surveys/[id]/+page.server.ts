import { redirect } from '@sveltejs/kit';
import { SaveSurveyTemplateDocument, SurveyTemplateDocument, type SurveyMode, type SurveyQuestionInput } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { failFromApi } from '$lib/server/forms';
import { move, questionFrom, toInput } from '../template-edit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { surveyTemplate } = await api(event, SurveyTemplateDocument, { id: event.params.id });
    return { template: surveyTemplate, done: event.url.searchParams.get('done') };
  } catch (e) {
    failLoad(e, event);
  }
};

type Event = Parameters<Actions[string]>[0];

/** Every edit saves the whole template: the API makes a new version when the latest has been sent. */
async function save(
  event: Event,
  change: (questions: SurveyQuestionInput[], form: FormData) => SurveyQuestionInput[],
  details?: (form: FormData) => { name: string; mode: SurveyMode },
  done = 'saved',
) {
  const form = await event.request.formData();
  const { surveyTemplate: t } = await api(event, SurveyTemplateDocument, { id: event.params.id });
  const own = details?.(form) ?? { name: t.name, mode: t.mode };
  try {
    await api(event, SaveSurveyTemplateDocument, {
      input: {
        id: t.id,
        name: own.name,
        stage: t.stage,
        audience: t.audience,
        mode: own.mode,
        questions: change(t.questions.map(toInput), form),
      },
    });
  } catch (e) {
    return failFromApi(e, ['name', 'mode'], Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])));
  }
  redirect(303, `/manage/surveys/${t.id}?done=${done}`);
}

const at = (form: FormData) => Number(form.get('index'));

export const actions: Actions = {
  details: (event) =>
    save(
      event,
      (q) => q,
      (form) => ({ name: String(form.get('name') ?? ''), mode: String(form.get('mode') ?? '') as SurveyMode }),
    ),
  add: (event) => save(event, (q, form) => [...q, questionFrom(form)], undefined, 'added'),
  remove: (event) => save(event, (q, form) => q.filter((_, i) => i !== at(form)), undefined, 'removed'),
  up: (event) => save(event, (q, form) => move(q, at(form), -1), undefined, 'moved'),
  down: (event) => save(event, (q, form) => move(q, at(form), 1), undefined, 'moved'),
};
