import { fail, redirect } from '@sveltejs/kit';
import {
  ApiRequestError,
  ApplyRegisterImportDocument,
  PreviewRegisterImportDocument,
  SessionRegistersDocument,
  type PreviewRegisterImportQuery,
} from '@lh/graphql-client';
import { MAX_REGISTER_IMPORT_CHARACTERS } from '@lh/domain';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { failFromApi, type FormProblem } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

type Preview = PreviewRegisterImportQuery['previewRegisterImport'];

export const load: PageServerLoad = async (event) => {
  const me = requireViewer(event, 'TRAINER', 'COORDINATOR');
  try {
    const { sessionRegisters } = await api(event, SessionRegistersDocument, { sessionId: event.params.id });
    const q = event.url.searchParams;
    const done =
      q.get('done') === 'applied'
        ? { changed: Number(q.get('changed') ?? 0), people: Number(q.get('people') ?? 0), corrections: Number(q.get('corrections') ?? 0) }
        : null;
    return { registers: sessionRegisters, done, asCoordinator: me.roles.includes('COORDINATOR') };
  } catch (e) {
    failLoad(e, event);
  }
};

const TOO_LARGE = `The file is too large: a register file can be at most ${MAX_REGISTER_IMPORT_CHARACTERS / 1000} KB. Upload the register file downloaded from this page.`;

const problem = (field: string | null, message: string, extra: { preview?: Preview; csv?: string; reason?: string } = {}) =>
  fail(400, { errors: [{ field, message }] as FormProblem[], ...extra });

/** The file chosen, or else the text pasted: a file wins when both are given. */
async function csvFrom(form: FormData): Promise<{ csv: string; fileName: string | null } | { problem: string }> {
  const file = form.get('file');
  if (file instanceof File && file.size > 0) {
    return { csv: await file.text(), fileName: file.name };
  }
  const pasted = String(form.get('pasted') ?? '');
  return pasted.trim() ? { csv: pasted, fileName: null } : { problem: 'Choose the filled-in register file (CSV) to upload' };
}

export const actions: Actions = {
  /** Reads the uploaded register and shows what applying it would change; nothing is written. */
  preview: async (event) => {
    requireViewer(event, 'TRAINER', 'COORDINATOR');
    const read = await csvFrom(await event.request.formData());
    if ('problem' in read) {
      return problem('file', read.problem);
    }
    if (read.csv.length > MAX_REGISTER_IMPORT_CHARACTERS) {
      return problem('file', TOO_LARGE);
    }
    let preview: Preview;
    try {
      ({ previewRegisterImport: preview } = await api(event, PreviewRegisterImportDocument, { sessionId: event.params.id, csv: read.csv }));
    } catch (e) {
      return failFromApi(e, ['file']);
    }
    if (preview.fileProblem) {
      return problem('file', preview.fileProblem);
    }
    return { preview, csv: read.csv, fileName: read.fileName };
  },
  /** Applies the checked file (sent back from the preview) in one transaction. */
  apply: async (event) => {
    requireViewer(event, 'TRAINER', 'COORDINATOR');
    const form = await event.request.formData();
    const csv = String(form.get('csv') ?? '');
    const reason = String(form.get('reason') ?? '').trim();
    try {
      const { applyRegisterImport: r } = await api(event, ApplyRegisterImportDocument, {
        sessionId: event.params.id,
        csv,
        reason: reason || null,
      });
      redirect(
        303,
        `/your-sessions/${event.params.id}/register/upload?done=applied&changed=${r.changed}&people=${r.people}&corrections=${r.corrections}`,
      );
    } catch (e) {
      if (!(e instanceof ApiRequestError)) {
        throw e;
      }
      // show the file's preview again: the register may have changed since (someone signed it off, say)
      const { previewRegisterImport: preview } = await api(event, PreviewRegisterImportDocument, { sessionId: event.params.id, csv }).catch(
        () => ({ previewRegisterImport: undefined }),
      );
      const reasonProblem = e.fieldMessages().reason;
      return problem(reasonProblem ? 'reason' : null, reasonProblem ?? e.errors[0]?.message ?? e.message, {
        preview: preview?.fileProblem ? undefined : preview,
        csv,
        reason,
      });
    }
  },
};
