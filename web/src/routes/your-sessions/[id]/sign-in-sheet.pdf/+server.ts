import { SignInSheetDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { download } from '$lib/server/download';
import type { RequestHandler } from './$types';

/** The session's printable sign-in sheet (A4 PDF), for its trainers and coordinators: link to it from anywhere. */
export const GET: RequestHandler = async (event) => {
  requireViewer(event, 'TRAINER', 'COORDINATOR');
  try {
    const { signInSheet } = await api(event, SignInSheetDocument, { sessionId: event.params.id });
    return download(Buffer.from(signInSheet.base64, 'base64'), 'application/pdf', signInSheet.fileName, 'sign-in-sheet.pdf');
  } catch (e) {
    failLoad(e, event);
  }
};
