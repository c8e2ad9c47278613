import { fail, redirect } from '@sveltejs/kit';
import {
  ApiRequestError,
  ElearningImportPreviewDocument,
  ImportElearningCompletionsDocument,
  type ElearningImportPreviewQuery,
} from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { failFromApi, type FormProblem } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

type Preview = ElearningImportPreviewQuery['elearningImportPreview'];

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  const added = event.url.searchParams.get('added');
  return { added: added === null ? null : Number(added) || 0, duplicates: Number(event.url.searchParams.get('duplicates')) || 0 };
};

const problem = (field: string, message: string, extra: { preview?: Preview; csv?: string } = {}) =>
  fail(400, { errors: [{ field, message }] as FormProblem[], ...extra });

export const actions: Actions = {
  /** Reads the uploaded (or pasted) export and shows what importing it would do; nothing is written. */
  preview: async (event) => {
    requireViewer(event, 'COORDINATOR');
    const form = await event.request.formData();
    const file = form.get('file');
    const pasted = String(form.get('pasted') ?? '');
    const csv = file instanceof File && file.size > 0 ? await file.text() : pasted;
    if (!csv.trim()) {
      return problem('file', 'Choose the CSV file from the e-learning provider, or paste its contents');
    }
    let preview: Preview;
    try {
      ({ elearningImportPreview: preview } = await api(event, ElearningImportPreviewDocument, { csv }));
    } catch (e) {
      const failure = failFromApi(e, ['csv']);
      for (const p of failure.data.errors) {
        p.field = 'file';
      }
      return failure;
    }
    if (preview.fileProblem) {
      return problem('file', preview.fileProblem);
    }
    return { preview, csv, fileName: file instanceof File && file.size > 0 ? file.name : null };
  },
  /** Records the good rows of the checked export (sent back from the preview), in one transaction. */
  import: async (event) => {
    requireViewer(event, 'COORDINATOR');
    const csv = String((await event.request.formData()).get('csv') ?? '');
    try {
      const { importElearningCompletions: r } = await api(event, ImportElearningCompletionsDocument, { csv });
      redirect(303, `/manage/e-learning?added=${r.added}&duplicates=${r.duplicates}`);
    } catch (e) {
      if (!(e instanceof ApiRequestError)) {
        throw e;
      }
      return problem('file', e.errors[0]?.message ?? e.message);
    }
  },
};
