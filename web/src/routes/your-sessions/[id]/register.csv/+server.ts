import { RegisterFileDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { download } from '$lib/server/download';
import type { RequestHandler } from './$types';

/** The session's register as a CSV file (current marks filled in), to fill in and upload at ./register/upload. */
export const GET: RequestHandler = async (event) => {
  requireViewer(event, 'TRAINER', 'COORDINATOR');
  try {
    const { registerFile } = await api(event, RegisterFileDocument, { sessionId: event.params.id });
    return download(registerFile.content, 'text/csv; charset=utf-8', registerFile.fileName, 'register.csv');
  } catch (e) {
    failLoad(e, event);
  }
};
