import { fail, redirect } from '@sveltejs/kit';
import { ApiRequestError, ImportPeopleDocument, PeopleImportPreviewDocument, type PeopleImportPreviewQuery } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { failFromApi, type FormProblem } from '$lib/server/forms';
import { requireViewer } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';

type Preview = PeopleImportPreviewQuery['peopleImportPreview'];

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  return {};
};

const problem = (field: string, message: string, extra: { preview?: Preview; csv?: string } = {}) =>
  fail(400, { errors: [{ field, message }] as FormProblem[], ...extra });

export const actions: Actions = {
  /** Reads the uploaded file and shows what importing it would do; nothing is written. */
  preview: async (event) => {
    requireViewer(event, 'COORDINATOR');
    const file = (await event.request.formData()).get('file');
    if (!(file instanceof File) || file.size === 0) {
      return problem('file', 'Choose a CSV file to upload');
    }
    const csv = await file.text();
    let preview: Preview;
    try {
      ({ peopleImportPreview: preview } = await api(event, PeopleImportPreviewDocument, { csv }));
    } catch (e) {
      return failFromApi(e, ['file']);
    }
    if (preview.fileProblem) {
      return problem('file', preview.fileProblem);
    }
    return { preview, csv, fileName: file.name };
  },
  /** Imports the checked file (sent back from the preview) in one transaction. */
  import: async (event) => {
    requireViewer(event, 'COORDINATOR');
    const form = await event.request.formData();
    const csv = String(form.get('csv') ?? '');
    const onlyGoodRows = form.get('onlyGoodRows') === 'yes';
    const sendInvitations = form.get('sendInvitations') === 'yes';
    try {
      const { importPeople } = await api(event, ImportPeopleDocument, { csv, onlyGoodRows, sendInvitations });
      redirect(303, `/manage/people?done=imported&n=${importPeople.created}`);
    } catch (e) {
      if (!(e instanceof ApiRequestError)) {
        throw e;
      }
      // show the file's preview again (it may have changed since: someone else added one of these people)
      const { peopleImportPreview: preview } = await api(event, PeopleImportPreviewDocument, { csv }).catch(() => ({
        peopleImportPreview: undefined,
      }));
      return problem(preview?.withErrors ? 'onlyGoodRows' : 'file', e.errors[0]?.message ?? e.message, { preview, csv });
    }
  },
};
